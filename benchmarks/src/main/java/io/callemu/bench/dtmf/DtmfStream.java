package io.callemu.bench.dtmf;

import io.callemu.dtmf.DtmfTone;
import io.callemu.dtmf.RtpPacket;
import io.callemu.dtmf.TelephoneEventSender;
import io.callemu.dtmf.TimedPacket;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * A realistic telephone-event stream for replay: several concurrent calls, each pressing keys with the
 * sender's updates and end copies, merged by send time. {@link #advanceCycle()} rewrites every packet's
 * timestamp and sequence number in place as if the calls went on, so a decoder replaying the stream
 * cyclically sees new presses every cycle (steady state), never duplicates of old ones.
 */
final class DtmfStream {
    private static final int CLOCK_RATE = 8000;

    final byte[][] packets;
    final long[] sendAtMillis;
    private final int[] callOfPacket;
    private final int[] packetsPerCall;
    private final long cycleMillis;
    private long cycleOffsetMillis;

    DtmfStream(int calls, int keysPerCall, long seed) {
        Random random = new Random(seed);
        List<TimedPacket> all = new ArrayList<>();
        List<Integer> callOf = new ArrayList<>();
        packetsPerCall = new int[calls];
        long longest = 0;
        String keys = "0123456789*#ABCD";
        for (int call = 0; call < calls; call++) {
            StringBuilder pressed = new StringBuilder();
            for (int k = 0; k < keysPerCall; k++) {
                pressed.append(keys.charAt(random.nextInt(keys.length())));
            }
            TelephoneEventSender sender = TelephoneEventSender.builder(random.nextLong() & 0xFFFF_FFFFL)
                    .packetIntervalMillis(call % 2 == 0 ? 50 : 20)
                    .startSequenceNumber(random.nextInt(0x10000))
                    .startTimestamp(random.nextLong() & 0xFFFF_FFFFL)
                    .build();
            long startMillis = random.nextInt(500);
            List<TimedPacket> packets = sender.encode(DtmfTone.parseKeys(pressed), 80 + random.nextInt(120),
                    100 + random.nextInt(200));
            for (TimedPacket p : packets) {
                all.add(new TimedPacket(startMillis + p.sendAtMillis(), p.packet()));
                callOf.add(call);
                longest = Math.max(longest, startMillis + p.sendAtMillis());
            }
            packetsPerCall[call] = packets.size();
        }
        Integer[] order = new Integer[all.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, Comparator.comparingLong(i -> all.get(i).sendAtMillis()));
        packets = new byte[order.length][];
        sendAtMillis = new long[order.length];
        callOfPacket = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            packets[i] = all.get(order[i]).packet();
            sendAtMillis[i] = all.get(order[i]).sendAtMillis();
            callOfPacket[i] = callOf.get(order[i]);
        }
        cycleMillis = longest + 1000;
    }

    int size() {
        return packets.length;
    }

    /** Wall-clock time of packet {@code i} in the current cycle. */
    long nowMillis(int i) {
        return cycleOffsetMillis + sendAtMillis[i];
    }

    /** Moves every packet one cycle later: timestamps by the cycle's RTP time, sequence numbers by the call's packet count. */
    void advanceCycle() {
        int tsShift = (int) (cycleMillis * CLOCK_RATE / 1000);
        for (int i = 0; i < packets.length; i++) {
            byte[] p = packets[i];
            int seq = (((p[2] & 0xFF) << 8) | (p[3] & 0xFF)) + packetsPerCall[callOfPacket[i]];
            int ts = (((p[4] & 0xFF) << 24) | ((p[5] & 0xFF) << 16) | ((p[6] & 0xFF) << 8) | (p[7] & 0xFF)) + tsShift;
            long ssrc = (((p[8] & 0xFFL) << 24) | ((p[9] & 0xFF) << 16) | ((p[10] & 0xFF) << 8) | (p[11] & 0xFF));
            RtpPacket.writeHeader(p, 0, (p[1] & 0x80) != 0, p[1] & 0x7F, seq & 0xFFFF, ts, ssrc);
        }
        cycleOffsetMillis += cycleMillis;
    }
}
