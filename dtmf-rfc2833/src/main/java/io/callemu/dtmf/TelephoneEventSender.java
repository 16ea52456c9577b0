package io.callemu.dtmf;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Produces the RFC 4733 packets a well-behaved sender emits for a sequence of presses (§2.5.1): the first
 * packet of a press carries the marker bit and duration 0, updates follow at the packet interval with
 * the duration so far, the final report (E bit) goes three times, and a press longer than 0xFFFF RTP
 * units continues in new segments (timestamp + 0xFFFF, no marker). Every packet gets the next sequence
 * number; all packets of a segment share its timestamp.
 *
 * <p>The sender keeps its sequence number and timestamp between batches, so consecutive calls of
 * {@link #encode} continue one stream; {@link #skipMillis} accounts for time between batches. Not
 * thread-safe.
 */
public final class TelephoneEventSender {
    public static final int DEFAULT_PACKET_INTERVAL_MILLIS = 50;
    /** RFC 4733 volume in -dBm0. */
    public static final int DEFAULT_VOLUME = 10;
    private static final int END_COPIES = 3;
    private static final int PACKET_LENGTH = RtpPacket.FIXED_HEADER_LENGTH + TelephoneEventReport.LENGTH;

    private final long ssrc;
    private final int payloadType;
    private final int clockRate;
    private final int packetIntervalMillis;
    private final int volume;
    private int nextSequenceNumber;
    private int nextTimestamp;

    private TelephoneEventSender(Builder b) {
        this.ssrc = b.ssrc;
        this.payloadType = b.payloadType;
        this.clockRate = b.clockRate;
        this.packetIntervalMillis = b.packetIntervalMillis;
        this.volume = b.volume;
        this.nextSequenceNumber = b.startSequenceNumber;
        this.nextTimestamp = (int) b.startTimestamp;
    }

    public static Builder builder(long ssrc) {
        return new Builder(ssrc);
    }

    /**
     * The packets of these presses, each {@code toneMillis} long and separated by {@code gapMillis};
     * the first press starts at offset 0 of the batch. Afterwards the stream's timestamp stands at the
     * end of the last gap, as if the gap followed every press.
     *
     * @throws IllegalArgumentException when a duration is out of range
     */
    public List<TimedPacket> encode(List<DtmfTone> tones, int toneMillis, int gapMillis) {
        Objects.requireNonNull(tones, "tones");
        if (toneMillis < 1 || toneMillis > 3_600_000) {
            throw new IllegalArgumentException("toneMillis must be 1-3600000, was " + toneMillis);
        }
        if (gapMillis < 0 || gapMillis > 3_600_000) {
            throw new IllegalArgumentException("gapMillis must be 0-3600000, was " + gapMillis);
        }
        List<TimedPacket> packets = new ArrayList<>();
        long pressStartMillis = 0;
        for (int i = 0; i < tones.size(); i++) {
            boolean last = i == tones.size() - 1;
            // End copies go at the packet interval but must not run into the next press.
            int endCopySpacing = last ? packetIntervalMillis : Math.min(packetIntervalMillis, gapMillis / END_COPIES);
            encodePress(tones.get(i), pressStartMillis, toneMillis, endCopySpacing, packets);
            pressStartMillis += toneMillis + gapMillis;
        }
        skipMillis(pressStartMillis);
        return packets;
    }

    /** Convenience for {@code encode(DtmfTone.parseKeys(keys), toneMillis, gapMillis)}. */
    public List<TimedPacket> encode(String keys, int toneMillis, int gapMillis) {
        return encode(DtmfTone.parseKeys(keys), toneMillis, gapMillis);
    }

    /** Advances the stream's timestamp by this much time without sending (silence between batches). */
    public void skipMillis(long millis) {
        nextTimestamp += (int) samples(millis);
    }

    public int nextSequenceNumber() {
        return nextSequenceNumber;
    }

    /** The timestamp (unsigned 32-bit) a press starting now would get. */
    public long nextTimestamp() {
        return nextTimestamp & 0xFFFF_FFFFL;
    }

    private void encodePress(DtmfTone tone, long startMillis, int toneMillis, int endCopySpacing,
                             List<TimedPacket> out) {
        long toneSamples = samples(toneMillis);
        int pressTs = nextTimestamp + (int) samples(startMillis);
        long segmentStart = 0; // in samples from the press start
        boolean marker = true;
        for (long at = 0; at < toneMillis; at += packetIntervalMillis) {
            long elapsed = samples(at);
            if (elapsed - segmentStart >= TelephoneEventReport.MAX_DURATION) {
                // §2.5.1.3: report the full segment, then continue from timestamp + 0xFFFF.
                out.add(packet(startMillis + at, false, pressTs + (int) segmentStart, tone, false,
                        TelephoneEventReport.MAX_DURATION));
                segmentStart += TelephoneEventReport.MAX_DURATION;
                continue;
            }
            out.add(packet(startMillis + at, marker, pressTs + (int) segmentStart, tone, false,
                    (int) (elapsed - segmentStart)));
            marker = false;
        }
        if (toneSamples - segmentStart > TelephoneEventReport.MAX_DURATION) {
            // The tone ended right after a segment filled up between two updates.
            out.add(packet(startMillis + toneMillis, false, pressTs + (int) segmentStart, tone, false,
                    TelephoneEventReport.MAX_DURATION));
            segmentStart += TelephoneEventReport.MAX_DURATION;
        }
        for (int copy = 0; copy < END_COPIES; copy++) {
            out.add(packet(startMillis + toneMillis + (long) copy * endCopySpacing, false,
                    pressTs + (int) segmentStart, tone, true, (int) (toneSamples - segmentStart)));
        }
    }

    private TimedPacket packet(long sendAtMillis, boolean marker, int timestamp, DtmfTone tone, boolean end,
                               int duration) {
        byte[] bytes = new byte[PACKET_LENGTH];
        RtpPacket.writeHeader(bytes, 0, marker, payloadType, nextSequenceNumber, timestamp, ssrc);
        TelephoneEventReport.write(bytes, RtpPacket.FIXED_HEADER_LENGTH, tone.code(), end, volume, duration);
        nextSequenceNumber = (nextSequenceNumber + 1) & 0xFFFF;
        return new TimedPacket(sendAtMillis, bytes);
    }

    private long samples(long millis) {
        return millis * clockRate / 1000;
    }

    /** Settings of a sender; everything but the SSRC has a default. */
    public static final class Builder {
        private final long ssrc;
        private int payloadType = TelephoneEventDecoder.DEFAULT_PAYLOAD_TYPE;
        private int clockRate = TelephoneEventDecoder.DEFAULT_CLOCK_RATE;
        private int packetIntervalMillis = DEFAULT_PACKET_INTERVAL_MILLIS;
        private int volume = DEFAULT_VOLUME;
        private int startSequenceNumber;
        private long startTimestamp;

        private Builder(long ssrc) {
            this.ssrc = Checks.requireUnsigned32("ssrc", ssrc);
        }

        public Builder payloadType(int payloadType) {
            this.payloadType = Checks.requirePayloadType(payloadType);
            return this;
        }

        public Builder clockRate(int clockRate) {
            this.clockRate = Checks.requireClockRate(clockRate);
            return this;
        }

        /** Time between updates of a press (default 50 ms, RFC 4733's recommendation; 20 ms is common). */
        public Builder packetIntervalMillis(int millis) {
            this.packetIntervalMillis = Checks.requireRange("packetIntervalMillis", millis, 1, 1000);
            return this;
        }

        /** Power level in -dBm0, 0-63 (default 10). */
        public Builder volume(int volume) {
            this.volume = Checks.requireRange("volume", volume, 0, TelephoneEventReport.MAX_VOLUME);
            return this;
        }

        public Builder startSequenceNumber(int sequenceNumber) {
            this.startSequenceNumber = Checks.requireRange("startSequenceNumber", sequenceNumber, 0, 0xFFFF);
            return this;
        }

        /** The timestamp of the first press (unsigned 32-bit). */
        public Builder startTimestamp(long timestamp) {
            this.startTimestamp = Checks.requireUnsigned32("startTimestamp", timestamp);
            return this;
        }

        public TelephoneEventSender build() {
            return new TelephoneEventSender(this);
        }

    }
}
