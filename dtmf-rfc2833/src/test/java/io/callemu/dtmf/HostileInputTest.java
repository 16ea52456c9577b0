package io.callemu.dtmf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random bytes and truncated or mutated packets never throw and never make the decoder hold more than
 * its configured bounds: at most {@code maxSsrcs} streams and {@code maxEventsPerSsrc} presses each.
 */
class HostileInputTest {
    private static final int MAX_SSRCS = 16;
    private static final int MAX_EVENTS = 8;

    private final RecordingListener rec = new RecordingListener();
    private final TelephoneEventDecoder decoder = TelephoneEventDecoder.builder()
            .maxSsrcs(MAX_SSRCS).maxEventsPerSsrc(MAX_EVENTS).build(rec);

    @Test
    void randomBytesNeverThrow() {
        Random random = new Random(7);
        for (int i = 0; i < 100_000; i++) {
            byte[] b = new byte[random.nextInt(64)];
            random.nextBytes(b);
            if (b.length > 1 && random.nextBoolean()) {
                b[0] = (byte) 0x80; // version 2, no CSRC/extension/padding
                b[1] = (byte) (random.nextBoolean() ? 101 : 0xE5);
            }
            decoder.receive(b, i);
        }
        assertThat(decoder.count(DecodeResult.ACCEPTED)).isPositive();
        assertThat(decoder.count(DecodeResult.MALFORMED_RTP)).isPositive();
        assertThat(decoder.count(DecodeResult.MALFORMED_EVENT_PAYLOAD)).isPositive();
        assertBounded();
    }

    @Test
    void mutatedAndTruncatedPacketsFromManySsrcsStayWithinBounds() {
        Random random = new Random(11);
        long[] ssrcs = random.longs(1000, 0, 1L << 32).toArray();
        List<TimedPacket> valid = TelephoneEventSender.builder(1).build().encode("0123456789*#ABCD", 80, 60);
        for (int i = 0; i < 200_000; i++) {
            byte[] b = valid.get(random.nextInt(valid.size())).packet().clone();
            RtpPacket.writeHeader(b, 0, random.nextBoolean(), 101, random.nextInt(0x10000),
                    random.nextInt(), ssrcs[random.nextInt(ssrcs.length)]);
            int flips = random.nextInt(3);
            for (int f = 0; f < flips; f++) {
                b[random.nextInt(b.length)] ^= (byte) (1 << random.nextInt(8));
            }
            int length = random.nextInt(4) == 0 ? random.nextInt(b.length + 1) : b.length;
            decoder.receive(b, 0, length, i / 10);
            if (i % 997 == 0) {
                decoder.tick(i / 10);
            }
        }
        assertThat(decoder.ssrcEvictions()).isPositive();
        assertBounded();
        for (long ssrc : ssrcs) {
            assertThat(decoder.trackedPresses(ssrc)).isLessThanOrEqualTo(MAX_EVENTS);
        }
    }

    @Test
    void aGenuineStreamStillDecodesAfterAFlood() {
        Random random = new Random(3);
        for (int i = 0; i < 10_000; i++) {
            byte[] b = Packets.event(random.nextLong() & 0xFFFF_FFFFL, i & 0xFFFF, random.nextInt(),
                    false, Packets.update(random.nextInt(17), random.nextInt(0x10000)));
            decoder.receive(b, 0);
        }
        decoder.tick(10_000);
        rec.tones.clear();
        TelephoneEventSender.builder(42).build().encode("159#", 100, 100)
                .forEach(p -> decoder.receive(p.packet(), 10_000 + p.sendAtMillis()));
        assertThat(rec.starts()).extracting(t -> t.tone().key()).containsExactly('1', '5', '9', '#');
        assertThat(rec.ends()).hasSize(4);
        assertThat(decoder.trackedSsrcs()).isLessThanOrEqualTo(MAX_SSRCS);
    }

    private void assertBounded() {
        assertThat(decoder.trackedSsrcs()).isBetween(1, MAX_SSRCS);
        assertThat(decoder.activePresses()).isLessThanOrEqualTo(MAX_SSRCS * MAX_EVENTS);
        decoder.tick(Long.MAX_VALUE / 2);
        assertThat(decoder.activePresses()).isZero();
        assertThat(rec.openPresses()).isZero();
        assertThat(rec.starts()).hasSameSizeAs(rec.ends());
    }
}
