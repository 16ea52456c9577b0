package io.callemu.dtmf;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzz tests of the receive path, run by Jazzer: in every build over the corpus kept in
 * {@code src/test/resources/io/callemu/dtmf/TelephoneEventDecoderFuzzTestInputs/<method>/}
 * (regression mode), and for real with {@code JAZZER_FUZZ=1}. Whatever arrives, nothing throws,
 * the listener contract holds (every end closes an open start, no start twice), the decoder never
 * holds more than its bounds, and every press ends once its stream goes quiet.
 */
class TelephoneEventDecoderFuzzTest {

    /** Streams of the structured packets: few, so that presses meet and evict each other. */
    private static final long[] SSRCS = {0x1234_5678L, 0xFFFF_FFFFL, 0L, 0x8000_0000L, 42L};

    @FuzzTest
    void rtpPacketViewNeverThrowsAndPointsInsideThePacket(byte[] bytes) {
        RtpPacket packet = new RtpPacket();
        for (int offset = 0; offset <= Math.min(bytes.length, 3); offset++) {
            RtpParseResult result = packet.wrap(bytes, offset, bytes.length - offset);
            if (result == RtpParseResult.OK) {
                int end = offset + bytes.length - offset;
                assertThat(packet.payloadOffset()).isBetween(offset + RtpPacket.FIXED_HEADER_LENGTH, end);
                assertThat(packet.payloadOffset() + packet.payloadLength()).isBetween(packet.payloadOffset(), end);
                assertThat(packet.csrcCount()).isBetween(0, 15);
                for (int i = 0; i < packet.csrcCount(); i++) {
                    assertThat(packet.csrc(i)).isBetween(0L, 0xFFFF_FFFFL);
                }
                if (packet.extension()) {
                    assertThat(packet.extensionOffset() + packet.extensionLength()).isLessThanOrEqualTo(end);
                }
            }
        }
    }

    @FuzzTest
    void anyPacketSequenceKeepsTheContractAndTheBounds(FuzzedDataProvider data) {
        int maxSsrcs = data.consumeInt(1, 4);
        int maxEvents = data.consumeInt(2, 4);
        RecordingListener listener = new RecordingListener();
        TelephoneEventDecoder decoder = TelephoneEventDecoder.builder().maxSsrcs(maxSsrcs)
                .maxEventsPerSsrc(maxEvents).extrapolationMillis(data.consumeInt(0, 300))
                .wallClockTimeoutMillis(data.consumeInt(1, 1_000)).build(listener);
        long now = data.consumeLong(0, 1L << 40);
        int steps = 0;
        while (data.remainingBytes() > 0 && steps++ < 2_000) {
            switch (data.consumeInt(0, 3)) {
                case 0 -> decoder.receive(data.consumeBytes(48), now);
                case 1 -> decoder.receive(eventPacket(data), now);
                case 2 -> now += data.consumeInt(0, 2_000);
                default -> decoder.tick(now);
            }
            assertThat(decoder.trackedSsrcs()).isBetween(0, maxSsrcs);
            assertThat(decoder.activePresses()).isBetween(0, maxSsrcs * maxEvents)
                    .isEqualTo(listener.openPresses());
            for (long ssrc : SSRCS) {
                assertThat(decoder.trackedPresses(ssrc)).isBetween(0, maxEvents);
            }
            if (decoder.activePresses() > 0) {
                assertThat(decoder.nextTimeoutMillis()).isNotEqualTo(Long.MAX_VALUE);
            }
        }
        // Once every stream is quiet past the wall-clock timeout (at most 1 s here), every press has ended.
        decoder.tick(now + 1_001);
        assertThat(decoder.activePresses()).isZero();
        assertThat(listener.openPresses()).isZero();
    }

    /** An RTP packet of payload type 101 carrying one to three RFC 4733 reports. */
    private static byte[] eventPacket(FuzzedDataProvider data) {
        int reports = data.consumeInt(1, 3);
        byte[] b = new byte[RtpPacket.FIXED_HEADER_LENGTH + 4 * reports];
        RtpPacket.writeHeader(b, 0, data.consumeBoolean(), TelephoneEventDecoder.DEFAULT_PAYLOAD_TYPE,
                data.consumeInt(0, 0xFFFF), data.consumeInt(), SSRCS[data.consumeInt(0, SSRCS.length - 1)]);
        for (int i = 0; i < reports; i++) {
            int at = RtpPacket.FIXED_HEADER_LENGTH + 4 * i;
            b[at] = (byte) data.consumeInt(0, 20);
            b[at + 1] = (byte) ((data.consumeBoolean() ? 0x80 : 0) | data.consumeInt(0, 63));
            int duration = data.consumeInt(0, 0xFFFF);
            b[at + 2] = (byte) (duration >>> 8);
            b[at + 3] = (byte) duration;
        }
        return b;
    }
}
