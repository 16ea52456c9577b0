package io.callemu.dtmf;

import java.util.Objects;

/**
 * RFC 4733 telephone-event receiver: turns RTP packets into key presses reported to a
 * {@link ToneListener}, once at the start of each press and once at its end.
 *
 * <h2>Rules (anchors §3.3)</h2>
 * <ul>
 *   <li>A press is identified by its stream (SSRC), event code and RTP timestamp; the marker bit is
 *       ignored because it is lost with the first packet.</li>
 *   <li>Reports of a known press update its duration (16-bit serial arithmetic, so a duration that
 *       wraps past 0xFFFF keeps counting); older durations are stale and ignored.</li>
 *   <li>The first report with the E bit ends the press; the other end copies and any late duplicate are
 *       ignored. An E report for an unknown press starts and ends it at once.</li>
 *   <li>A press without an end ends by {@link ToneEndReason#TIMEOUT} when the stream's RTP clock (advanced
 *       by every packet of the SSRC, audio included) passes its last known end by the extrapolation
 *       window, or when no update came for the wall-clock fallback time; or by
 *       {@link ToneEndReason#NEXT_EVENT} when a later press of the stream begins.</li>
 *   <li>A report of the same code whose timestamp is the press's current segment timestamp + 0xFFFF
 *       continues a long press (RFC 4733 §2.5.2.3), even one the decoder already ended for lack of
 *       updates (then the rest of it is absorbed, never reported as a second press).</li>
 *   <li>A report of the same code whose timestamp lies within the press (up to 20 ms after its known
 *       end) is the same press with a timestamp the sender or a relay changed mid-press: a real second
 *       press needs a release in between.</li>
 *   <li>A packet may carry several reports; the first starts at the packet's timestamp and each next one
 *       where the previous one ended (RFC 4733 §2.5.1.5).</li>
 *   <li>Codes 0-15 are keys, 16 is {@link DtmfTone#FLASH}, higher codes are ignored. Timestamps compare
 *       by serial-number arithmetic, so streams may wrap past 2^32. Sequence numbers decide nothing:
 *       the timestamp identifies a press (RFC 4733 §2.5.2), so reordering and sequence wraps are
 *       harmless by construction.</li>
 * </ul>
 *
 * <h2>Bounded memory</h2>
 * All state lives in arrays allocated by the constructor: at most {@code maxSsrcs} streams (the least
 * recently used one is evicted for a new one) with at most {@code maxEventsPerSsrc} remembered presses
 * each (the oldest ended one is forgotten first, and reports older than a forgotten press are dropped as
 * stale). Receiving a packet allocates nothing.
 *
 * <h2>Threading and time</h2>
 * Not thread-safe by design: one decoder per call, fed from that call's single thread (UDP socket
 * handler and control API alike). Wall-clock time is passed in ({@code nowMillis}) rather than read,
 * so tests run on a virtual clock; call {@link #tick} when {@link #nextTimeoutMillis()} is due so that
 * a press whose packets stopped is ended even if nothing else arrives.
 */
public final class TelephoneEventDecoder {
    public static final int DEFAULT_PAYLOAD_TYPE = 101;
    public static final int DEFAULT_CLOCK_RATE = 8000;
    /** Asterisk's default {@code dtmftimeout}: 150 ms of RTP time past the last known end. */
    public static final int DEFAULT_EXTRAPOLATION_MILLIS = 150;
    /** Ten missed updates at the recommended 50 ms interval. */
    public static final int DEFAULT_WALL_CLOCK_TIMEOUT_MILLIS = 500;
    /** A call has one or two streams; more SSRCs than this on one port are noise or an attack. */
    public static final int DEFAULT_MAX_SSRCS = 16;
    public static final int DEFAULT_MAX_EVENTS_PER_SSRC = 8;

    /** Length of one long-press segment in RTP units (RFC 4733 §2.5.1.3). */
    private static final int SEGMENT_LENGTH = TelephoneEventReport.MAX_DURATION;
    /** A real repeat of a key needs a release; a "new" start closer than this to the end is the same press. */
    private static final int SAME_PRESS_SLACK_MILLIS = 20;

    private static final byte FREE = 0;
    private static final byte ACTIVE = 1;
    /** Ended by an E report: the sender said the press is over. */
    private static final byte ENDED_BY_SENDER = 2;
    /** Ended by the decoder's inference (timeout, next press, eviction): later segments still belong to it. */
    private static final byte ENDED_INFERRED = 3;
    private static final DecodeResult[] RESULTS = DecodeResult.values();

    private final ToneListener listener;
    private final int payloadType;
    private final int clockRate;
    private final int extrapolationSamples;
    private final int samePressSlackSamples;
    private final long wallClockTimeoutMillis;
    private final int maxSsrcs;
    private final int eventsPerSsrc;

    private final RtpPacket rtp = new RtpPacket();
    private final SsrcIndex ssrcIndex;

    // Per stream, indexed by stream slot.
    private final int[] ssrcOfSlot;
    private final boolean[] slotInUse;
    private final long[] slotLastUsed;
    private final int[] rtpNow;
    private final boolean[] hasForgotten;
    private final int[] forgottenUpTo;
    private final int[] activeInSlot;
    /** The press the stream's last report belonged to: checked first, as most reports update it. */
    private final int[] recentPress;
    /*
     * Lower bounds over the stream's running presses of their last update time and of their end, so the
     * per-packet timeout checks cost one comparison until something may really be due. Updates only
     * move the true values up, so the bounds stay valid; a scan recomputes them.
     */
    private final long[] earliestUpdateMillis;
    private final int[] earliestEnd;

    // Per press, indexed by stream slot * eventsPerSsrc + press number.
    private final byte[] pressState;
    private final int[] pressCode;
    private final int[] pressStartTs;
    /** Offset from the start of the segment (or changed timestamp) the sender reports now. */
    private final long[] pressSegmentOffset;
    /** Duration reported within the current segment, extended past 16 bits if the sender wraps it. */
    private final long[] pressSegmentDuration;
    private final long[] pressLastUpdateMillis;

    private int ssrcCount;
    private long useCounter;
    private int totalActive;
    private int cachedSsrc;
    private int cachedSlot = -1;
    private RtpParseResult lastRtpError = RtpParseResult.OK;
    private final long[] resultCounts = new long[RESULTS.length];
    private long ssrcEvictions;

    private TelephoneEventDecoder(Builder b, ToneListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
        this.payloadType = b.payloadType;
        this.clockRate = b.clockRate;
        this.extrapolationSamples = (int) ((long) b.extrapolationMillis * clockRate / 1000);
        this.samePressSlackSamples = (int) ((long) SAME_PRESS_SLACK_MILLIS * clockRate / 1000);
        this.wallClockTimeoutMillis = b.wallClockTimeoutMillis;
        this.maxSsrcs = b.maxSsrcs;
        this.eventsPerSsrc = b.maxEventsPerSsrc;
        ssrcIndex = new SsrcIndex(maxSsrcs);
        ssrcOfSlot = new int[maxSsrcs];
        slotInUse = new boolean[maxSsrcs];
        slotLastUsed = new long[maxSsrcs];
        rtpNow = new int[maxSsrcs];
        hasForgotten = new boolean[maxSsrcs];
        forgottenUpTo = new int[maxSsrcs];
        activeInSlot = new int[maxSsrcs];
        recentPress = new int[maxSsrcs];
        earliestUpdateMillis = new long[maxSsrcs];
        earliestEnd = new int[maxSsrcs];
        int presses = maxSsrcs * eventsPerSsrc;
        pressState = new byte[presses];
        pressCode = new int[presses];
        pressStartTs = new int[presses];
        pressSegmentOffset = new long[presses];
        pressSegmentDuration = new long[presses];
        pressLastUpdateMillis = new long[presses];
    }

    /** A decoder with every default (payload type 101, clock 8000 Hz). */
    public static TelephoneEventDecoder create(ToneListener listener) {
        return builder().build(listener);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Processes one packet of the whole array; see {@link #receive(byte[], int, int, long)}. */
    public DecodeResult receive(byte[] packet, long nowMillis) {
        return receive(packet, 0, packet.length, nowMillis);
    }

    /**
     * Processes one RTP packet of any payload type. Telephone events are decoded; other packets of a
     * known stream advance its RTP clock. Malformed input never throws; the result says what happened.
     *
     * @param nowMillis the current wall-clock (or virtual clock) time in milliseconds
     * @throws IndexOutOfBoundsException when {@code offset}/{@code length} lie outside the array
     */
    public DecodeResult receive(byte[] packet, int offset, int length, long nowMillis) {
        DecodeResult result = decode(packet, offset, length, nowMillis);
        resultCounts[result.ordinal()]++;
        return result;
    }

    /** Ends presses whose updates stopped for longer than the wall-clock fallback time. */
    public void tick(long nowMillis) {
        if (totalActive == 0) {
            return;
        }
        for (int s = 0; s < maxSsrcs; s++) {
            if (slotInUse[s]) {
                expireByWallClock(s, nowMillis);
            }
        }
    }

    /**
     * When {@link #tick} should next be called: the earliest wall-clock time at which a running press
     * times out, or {@link Long#MAX_VALUE} when no press is running.
     */
    public long nextTimeoutMillis() {
        long next = Long.MAX_VALUE;
        if (totalActive > 0) {
            for (int e = 0; e < pressState.length; e++) {
                if (pressState[e] == ACTIVE) {
                    next = Math.min(next, pressLastUpdateMillis[e] + wallClockTimeoutMillis + 1);
                }
            }
        }
        return next;
    }

    /** Presses started and not yet ended, over all streams. */
    public int activePresses() {
        return totalActive;
    }

    /** Streams the decoder currently keeps state for (never more than {@code maxSsrcs}). */
    public int trackedSsrcs() {
        return ssrcCount;
    }

    /** Presses remembered for one stream (never more than {@code maxEventsPerSsrc}). */
    public int trackedPresses(long ssrc) {
        int s = ssrcIndex.get((int) ssrc);
        if (s < 0) {
            return 0;
        }
        int n = 0;
        for (int e = s * eventsPerSsrc; e < (s + 1) * eventsPerSsrc; e++) {
            if (pressState[e] != FREE) {
                n++;
            }
        }
        return n;
    }

    /** Why the last packet reported as {@link DecodeResult#MALFORMED_RTP} was rejected. */
    public RtpParseResult lastRtpError() {
        return lastRtpError;
    }

    /** How many packets ended with this result since the decoder was created. */
    public long count(DecodeResult result) {
        return resultCounts[result.ordinal()];
    }

    /** How many streams were evicted to make room for new SSRCs. */
    public long ssrcEvictions() {
        return ssrcEvictions;
    }

    public int payloadType() {
        return payloadType;
    }

    public int clockRate() {
        return clockRate;
    }

    private DecodeResult decode(byte[] packet, int offset, int length, long now) {
        RtpParseResult parsed = rtp.wrap(packet, offset, length);
        if (parsed != RtpParseResult.OK) {
            lastRtpError = parsed;
            return DecodeResult.MALFORMED_RTP;
        }
        int ssrc = rtp.ssrcBits();
        if (rtp.payloadType() != payloadType) {
            int s = findSsrc(ssrc);
            if (s >= 0) {
                touch(s);
                expireByWallClock(s, now);
                advanceRtpClock(s, rtp.timestampBits());
            }
            return DecodeResult.OTHER_PAYLOAD_TYPE;
        }
        int payload = rtp.payloadOffset();
        int payloadEnd = payload + rtp.payloadLength();
        if (payload == payloadEnd || (rtp.payloadLength() % TelephoneEventReport.LENGTH) != 0) {
            return DecodeResult.MALFORMED_EVENT_PAYLOAD;
        }
        int s = findSsrc(ssrc);
        if (s < 0) {
            if (!hasDtmfReport(packet, payload, payloadEnd)) {
                return DecodeResult.ACCEPTED; // nothing we track; do not spend a stream slot on it
            }
            s = addSsrc(ssrc, rtp.timestampBits());
        }
        touch(s);
        expireByWallClock(s, now);
        int reportTs = rtp.timestampBits();
        for (int at = payload; at < payloadEnd; at += TelephoneEventReport.LENGTH) {
            int code = TelephoneEventReport.event(packet, at);
            int duration = TelephoneEventReport.duration(packet, at);
            if (code <= DtmfTone.MAX_CODE) {
                processReport(s, code, TelephoneEventReport.end(packet, at), duration, reportTs, now);
            }
            reportTs += duration; // packed events are contiguous: the next one starts where this one ends
        }
        return DecodeResult.ACCEPTED;
    }

    private static boolean hasDtmfReport(byte[] packet, int from, int to) {
        for (int at = from; at < to; at += TelephoneEventReport.LENGTH) {
            if (TelephoneEventReport.event(packet, at) <= DtmfTone.MAX_CODE) {
                return true;
            }
        }
        return false;
    }

    private void processReport(int s, int code, boolean end, int duration, int ts, long now) {
        int e = findPress(s, code, ts);
        if (e >= 0) {
            updatePress(e, s, end, duration, ts, now);
        } else {
            // Whatever went quiet well before this new press is over before it begins.
            advanceRtpClock(s, ts);
            e = startPress(s, code, end, duration, ts, now);
        }
        if (e >= 0) {
            advanceRtpClock(s, pressStartTs[e] + (int) pressLength(e));
        }
    }

    /** The press of stream {@code s} this report belongs to, or -1. */
    private int findPress(int s, int code, int ts) {
        int recent = recentPress[s];
        if (belongsTo(recent, code, ts)) {
            return recent;
        }
        int first = s * eventsPerSsrc;
        for (int e = first; e < first + eventsPerSsrc; e++) {
            if (belongsTo(e, code, ts)) {
                recentPress[s] = e;
                return e;
            }
        }
        return -1;
    }

    private boolean belongsTo(int e, int code, int ts) {
        if (pressState[e] == FREE || pressCode[e] != code) {
            return false;
        }
        int offset = ts - pressStartTs[e];
        if (offset < 0) {
            return false;
        }
        boolean withinPress = offset <= pressLength(e) + samePressSlackSamples;
        boolean nextSegment = pressState[e] != ENDED_BY_SENDER && offset == pressSegmentOffset[e] + SEGMENT_LENGTH;
        return withinPress || nextSegment;
    }

    private void updatePress(int e, int s, boolean end, int duration, int ts, long now) {
        if (pressState[e] != ACTIVE) {
            return; // end copies, late duplicates and later segments of a finished press
        }
        pressLastUpdateMillis[e] = now;
        long offset = ts - pressStartTs[e];
        if (offset == pressSegmentOffset[e]) {
            // Serial arithmetic on the 16-bit field: forward moves count (a wrap included), backward
            // moves are reordered or duplicated reports.
            int delta = (short) (duration - (int) pressSegmentDuration[e]);
            if (delta > 0) {
                pressSegmentDuration[e] += delta;
            }
        } else if (offset > pressSegmentOffset[e]) {
            // A new long-press segment, or a timestamp changed mid-press: re-anchor, never shrink.
            long known = pressLength(e);
            pressSegmentOffset[e] = offset;
            pressSegmentDuration[e] = Math.max(duration, known - offset);
        }
        // offset < segment offset: a late report of an earlier segment, already counted.
        if (end) {
            endPress(e, s, ToneEndReason.END_BIT);
        }
    }

    private int startPress(int s, int code, boolean end, int duration, int ts, long now) {
        if (hasForgotten[s] && ts - forgottenUpTo[s] <= 0) {
            return -1; // a late report of a press whose state was already recycled
        }
        boolean laterPressExists = false;
        int first = s * eventsPerSsrc;
        for (int e = first; e < first + eventsPerSsrc; e++) {
            if (pressState[e] == FREE) {
                continue;
            }
            int age = ts - pressStartTs[e];
            if (age < 0) {
                laterPressExists = true;
            } else if (age > 0 && pressState[e] == ACTIVE) {
                endPress(e, s, ToneEndReason.NEXT_EVENT); // presses cannot overlap; its end was lost
            }
        }
        int e = allocatePress(s);
        pressState[e] = ACTIVE;
        pressCode[e] = code;
        pressStartTs[e] = ts;
        pressSegmentOffset[e] = 0;
        pressSegmentDuration[e] = duration;
        pressLastUpdateMillis[e] = now;
        int pressEnd = ts + duration;
        if (activeInSlot[s] == 0 || now < earliestUpdateMillis[s]) {
            earliestUpdateMillis[s] = now;
        }
        if (activeInSlot[s] == 0 || pressEnd - earliestEnd[s] < 0) {
            earliestEnd[s] = pressEnd;
        }
        activeInSlot[s]++;
        totalActive++;
        recentPress[s] = e;
        listener.onToneStart(unsigned(ssrcOfSlot[s]), DtmfTone.fromCode(code), unsigned(ts));
        if (end) {
            endPress(e, s, ToneEndReason.END_BIT);
        } else if (laterPressExists) {
            endPress(e, s, ToneEndReason.NEXT_EVENT); // arrived late: a later press already began
        }
        return e;
    }

    /** A free press slot of stream {@code s}, recycling the oldest ended (or else oldest) press. */
    private int allocatePress(int s) {
        int first = s * eventsPerSsrc;
        int oldestEnded = -1;
        int oldestActive = -1;
        for (int e = first; e < first + eventsPerSsrc; e++) {
            if (pressState[e] == FREE) {
                return e;
            }
            if (pressState[e] != ACTIVE) {
                if (oldestEnded < 0 || pressStartTs[e] - pressStartTs[oldestEnded] < 0) {
                    oldestEnded = e;
                }
            } else if (oldestActive < 0 || pressStartTs[e] - pressStartTs[oldestActive] < 0) {
                oldestActive = e;
            }
        }
        int victim = oldestEnded >= 0 ? oldestEnded : oldestActive;
        if (pressState[victim] == ACTIVE) {
            endPress(victim, s, ToneEndReason.EVICTED);
        }
        int victimEnd = pressStartTs[victim] + (int) pressLength(victim);
        if (!hasForgotten[s] || victimEnd - forgottenUpTo[s] > 0) {
            forgottenUpTo[s] = victimEnd;
            hasForgotten[s] = true;
        }
        pressState[victim] = FREE;
        return victim;
    }

    private void endPress(int e, int s, ToneEndReason reason) {
        pressState[e] = reason == ToneEndReason.END_BIT ? ENDED_BY_SENDER : ENDED_INFERRED;
        activeInSlot[s]--;
        totalActive--;
        long length = pressLength(e);
        listener.onToneEnd(unsigned(ssrcOfSlot[s]), DtmfTone.fromCode(pressCode[e]), unsigned(pressStartTs[e]),
                length, length * 1000 / clockRate, reason);
    }

    private long pressLength(int e) {
        return pressSegmentOffset[e] + pressSegmentDuration[e];
    }

    /** Moves the stream's RTP clock forward (never back) and ends presses it has left behind. */
    private void advanceRtpClock(int s, int ts) {
        if (ts - rtpNow[s] <= 0) {
            return;
        }
        rtpNow[s] = ts;
        if (activeInSlot[s] == 0 || ts - earliestEnd[s] <= extrapolationSamples) {
            return;
        }
        int first = s * eventsPerSsrc;
        boolean anyLeft = false;
        for (int e = first; e < first + eventsPerSsrc; e++) {
            if (pressState[e] != ACTIVE) {
                continue;
            }
            int end = pressStartTs[e] + (int) pressLength(e);
            if (ts - end > extrapolationSamples) {
                endPress(e, s, ToneEndReason.TIMEOUT);
            } else if (!anyLeft || end - earliestEnd[s] < 0) {
                earliestEnd[s] = end;
                anyLeft = true;
            }
        }
    }

    private void expireByWallClock(int s, long now) {
        if (activeInSlot[s] == 0 || now - earliestUpdateMillis[s] <= wallClockTimeoutMillis) {
            return;
        }
        int first = s * eventsPerSsrc;
        boolean anyLeft = false;
        for (int e = first; e < first + eventsPerSsrc; e++) {
            if (pressState[e] != ACTIVE) {
                continue;
            }
            long lastUpdate = pressLastUpdateMillis[e];
            if (now - lastUpdate > wallClockTimeoutMillis) {
                endPress(e, s, ToneEndReason.TIMEOUT);
            } else if (!anyLeft || lastUpdate < earliestUpdateMillis[s]) {
                earliestUpdateMillis[s] = lastUpdate;
                anyLeft = true;
            }
        }
    }

    private int findSsrc(int ssrc) {
        if (cachedSlot >= 0 && cachedSsrc == ssrc) {
            return cachedSlot;
        }
        int s = ssrcIndex.get(ssrc);
        if (s >= 0) {
            cachedSsrc = ssrc;
            cachedSlot = s;
        }
        return s;
    }

    private int addSsrc(int ssrc, int ts) {
        int s;
        if (ssrcCount == maxSsrcs) {
            s = leastRecentlyUsedSlot();
            evictSsrc(s);
        } else {
            s = 0;
            while (slotInUse[s]) {
                s++;
            }
        }
        slotInUse[s] = true;
        ssrcOfSlot[s] = ssrc;
        rtpNow[s] = ts;
        hasForgotten[s] = false;
        activeInSlot[s] = 0;
        recentPress[s] = s * eventsPerSsrc;
        ssrcIndex.put(ssrc, s);
        ssrcCount++;
        cachedSsrc = ssrc;
        cachedSlot = s;
        return s;
    }

    private int leastRecentlyUsedSlot() {
        int lru = 0;
        for (int s = 1; s < maxSsrcs; s++) {
            if (slotLastUsed[s] < slotLastUsed[lru]) {
                lru = s;
            }
        }
        return lru;
    }

    private void evictSsrc(int s) {
        int first = s * eventsPerSsrc;
        for (int e = first; e < first + eventsPerSsrc; e++) {
            if (pressState[e] == ACTIVE) {
                endPress(e, s, ToneEndReason.EVICTED);
            }
            pressState[e] = FREE;
        }
        ssrcIndex.remove(ssrcOfSlot[s]);
        if (cachedSlot == s) {
            cachedSlot = -1;
        }
        slotInUse[s] = false;
        ssrcCount--;
        ssrcEvictions++;
    }

    private void touch(int s) {
        slotLastUsed[s] = ++useCounter;
    }

    private static long unsigned(int bits) {
        return bits & 0xFFFF_FFFFL;
    }

    /** Settings of a decoder; every one has a sensible default. */
    public static final class Builder {
        private int payloadType = DEFAULT_PAYLOAD_TYPE;
        private int clockRate = DEFAULT_CLOCK_RATE;
        private int extrapolationMillis = DEFAULT_EXTRAPOLATION_MILLIS;
        private int wallClockTimeoutMillis = DEFAULT_WALL_CLOCK_TIMEOUT_MILLIS;
        private int maxSsrcs = DEFAULT_MAX_SSRCS;
        private int maxEventsPerSsrc = DEFAULT_MAX_EVENTS_PER_SSRC;

        private Builder() {
        }

        /** The dynamic payload type negotiated for {@code telephone-event} (0-127, default 101). */
        public Builder payloadType(int payloadType) {
            this.payloadType = Checks.requirePayloadType(payloadType);
            return this;
        }

        /** The RTP clock rate of {@code telephone-event} in Hz (default 8000). */
        public Builder clockRate(int clockRate) {
            this.clockRate = Checks.requireClockRate(clockRate);
            return this;
        }

        /** RTP time past a press's last known end after which it is over (default 150 ms). */
        public Builder extrapolationMillis(int millis) {
            this.extrapolationMillis = Checks.requireRange("extrapolationMillis", millis, 0, 10_000);
            return this;
        }

        /** Wall-clock time without an update after which a press is over (default 500 ms). */
        public Builder wallClockTimeoutMillis(int millis) {
            this.wallClockTimeoutMillis = Checks.requireRange("wallClockTimeoutMillis", millis, 1, 60_000);
            return this;
        }

        /** Streams tracked at once; the least recently used one is evicted (default 16). */
        public Builder maxSsrcs(int maxSsrcs) {
            this.maxSsrcs = Checks.requireRange("maxSsrcs", maxSsrcs, 1, 4096);
            return this;
        }

        /** Presses remembered per stream, ended ones included (default 8). */
        public Builder maxEventsPerSsrc(int maxEventsPerSsrc) {
            this.maxEventsPerSsrc = Checks.requireRange("maxEventsPerSsrc", maxEventsPerSsrc, 2, 256);
            return this;
        }

        public TelephoneEventDecoder build(ToneListener listener) {
            return new TelephoneEventDecoder(this, listener);
        }
    }
}
