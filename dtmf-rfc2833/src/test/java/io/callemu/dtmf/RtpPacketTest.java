package io.callemu.dtmf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RtpPacketTest {
    private final RtpPacket rtp = new RtpPacket();

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    @Test
    void readsEveryFixedHeaderField() {
        // V=2, M=1, PT=101, seq=0xFFFE, ts=0xFFFFFF00, ssrc=0xDEADBEEF, payload 4 bytes
        byte[] b = hex("80 E5 FFFE FFFFFF00 DEADBEEF 05 8A 0320");
        assertThat(rtp.wrap(b, 0, b.length)).isEqualTo(RtpParseResult.OK);
        assertThat(rtp.version()).isEqualTo(2);
        assertThat(rtp.padding()).isFalse();
        assertThat(rtp.extension()).isFalse();
        assertThat(rtp.csrcCount()).isZero();
        assertThat(rtp.marker()).isTrue();
        assertThat(rtp.payloadType()).isEqualTo(101);
        assertThat(rtp.sequenceNumber()).isEqualTo(0xFFFE);
        assertThat(rtp.timestamp()).isEqualTo(0xFFFFFF00L);
        assertThat(rtp.ssrc()).isEqualTo(0xDEADBEEFL);
        assertThat(rtp.payloadOffset()).isEqualTo(12);
        assertThat(rtp.payloadLength()).isEqualTo(4);
        assertThat(rtp.extensionOffset()).isEqualTo(-1);
    }

    @Test
    void skipsCsrcsExtensionAndPaddingWithoutCopying() {
        // V=2 P X CC=2, PT=0; 2 CSRCs; extension profile 0xBEDE with 1 word; payload AABB; padding 2 bytes
        byte[] b = hex("00 00 B2 00 0001 00000010 00000020 11111111 22222222 BEDE0001 01020304 AABB 0002 FF");
        int off = 2; // the view works on a slice of a larger buffer
        assertThat(rtp.wrap(b, off, b.length - off - 1)).isEqualTo(RtpParseResult.OK);
        assertThat(rtp.array()).isSameAs(b);
        assertThat(rtp.csrcCount()).isEqualTo(2);
        assertThat(rtp.csrc(0)).isEqualTo(0x11111111L);
        assertThat(rtp.csrc(1)).isEqualTo(0x22222222L);
        assertThat(rtp.extension()).isTrue();
        assertThat(rtp.extensionProfile()).isEqualTo(0xBEDE);
        assertThat(rtp.extensionOffset()).isEqualTo(off + 12 + 8 + 4);
        assertThat(rtp.extensionLength()).isEqualTo(4);
        assertThat(rtp.payloadOffset()).isEqualTo(off + 12 + 8 + 8);
        assertThat(rtp.payloadLength()).isEqualTo(2);
        assertThat(b[rtp.payloadOffset()]).isEqualTo((byte) 0xAA);
        assertThatThrownBy(() -> rtp.csrc(2)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of(Named.of("empty", ""), RtpParseResult.TOO_SHORT),
                Arguments.of(Named.of("11 bytes", "80650001 00000000 000000"), RtpParseResult.TOO_SHORT),
                Arguments.of(Named.of("version 1", "40650001 00000000 00000001"), RtpParseResult.BAD_VERSION),
                Arguments.of(Named.of("version 0", "00650001 00000000 00000001"), RtpParseResult.BAD_VERSION),
                Arguments.of(Named.of("version 3", "C0650001 00000000 00000001"), RtpParseResult.BAD_VERSION),
                Arguments.of(Named.of("CSRC count 1, no CSRC", "81650001 00000000 00000001"), RtpParseResult.CSRC_OVERRUN),
                Arguments.of(Named.of("CSRC count 15, 2 CSRCs", "8F650001 00000000 00000001 00000002 00000003"),
                        RtpParseResult.CSRC_OVERRUN),
                Arguments.of(Named.of("extension header cut", "90650001 00000000 00000001 BEDE"),
                        RtpParseResult.EXTENSION_OVERRUN),
                Arguments.of(Named.of("extension longer than packet", "90650001 00000000 00000001 BEDE0002 00000000"),
                        RtpParseResult.EXTENSION_OVERRUN),
                Arguments.of(Named.of("extension 0xFFFF words", "90650001 00000000 00000001 BEDEFFFF"),
                        RtpParseResult.EXTENSION_OVERRUN),
                Arguments.of(Named.of("padding count 0", "A0650001 00000000 00000001 05000000"),
                        RtpParseResult.BAD_PADDING),
                Arguments.of(Named.of("padding into header", "A0650001 00000000 00000001 050000FF"),
                        RtpParseResult.BAD_PADDING),
                Arguments.of(Named.of("padding bit, header only", "A0650001 00000000 00000001"),
                        RtpParseResult.BAD_PADDING));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("malformed")
    void rejectsMalformedPacketsWithAReason(String packet, RtpParseResult reason) {
        byte[] b = hex(packet);
        assertThat(rtp.wrap(b, 0, b.length)).isEqualTo(reason);
    }

    @Test
    void paddingMayFillTheWholePayload() {
        byte[] b = hex("A0650001 00000000 00000001 00000004");
        assertThat(rtp.wrap(b, 0, b.length)).isEqualTo(RtpParseResult.OK);
        assertThat(rtp.payloadLength()).isZero();
    }

    @Test
    void rangeOutsideTheArrayIsACallerBug() {
        byte[] b = new byte[20];
        assertThatThrownBy(() -> rtp.wrap(b, 10, 20)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> rtp.wrap(b, -1, 5)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void writtenHeaderReadsBack() {
        byte[] b = new byte[12];
        RtpPacket.writeHeader(b, 0, true, 101, 0xABCD, 0x1_2345_6789L, 0xCAFEBABEL);
        assertThat(rtp.wrap(b, 0, 12)).isEqualTo(RtpParseResult.OK);
        assertThat(rtp.marker()).isTrue();
        assertThat(rtp.payloadType()).isEqualTo(101);
        assertThat(rtp.sequenceNumber()).isEqualTo(0xABCD);
        assertThat(rtp.timestamp()).isEqualTo(0x2345_6789L);
        assertThat(rtp.ssrc()).isEqualTo(0xCAFEBABEL);
        assertThat(rtp.payloadLength()).isZero();
        assertThatThrownBy(() -> RtpPacket.writeHeader(b, 0, false, 128, 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void randomBytesNeverThrowAndPayloadStaysInside() {
        Random random = new Random(42);
        for (int i = 0; i < 100_000; i++) {
            byte[] b = new byte[random.nextInt(80)];
            random.nextBytes(b);
            if (b.length > 0 && random.nextBoolean()) {
                b[0] = (byte) (0x80 | (b[0] & 0x3F)); // make version 2 likely so deeper checks run
            }
            if (rtp.wrap(b, 0, b.length) == RtpParseResult.OK) {
                assertThat(rtp.payloadOffset()).isBetween(12, b.length);
                assertThat(rtp.payloadOffset() + rtp.payloadLength()).isLessThanOrEqualTo(b.length);
                assertThat(rtp.payloadLength()).isNotNegative();
            }
        }
    }
}
