package io.callemu.asr.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** G.711 decoding against the JDK's own codec, 8 → 16 kHz upsampling, and frame assembly from RTP payloads. */
class G711Test {

    @ParameterizedTest
    @EnumSource(G711.class)
    void everyCodeDecodesAsTheJdkCodecDecodesIt(G711 law) throws IOException {
        byte[] codes = new byte[256];
        for (int i = 0; i < 256; i++) {
            codes[i] = (byte) i;
        }
        AudioFormat.Encoding encoding = law == G711.MU_LAW ? AudioFormat.Encoding.ULAW : AudioFormat.Encoding.ALAW;
        AudioFormat companded = new AudioFormat(encoding, 8000, 8, 1, 1, 8000, false);
        AudioFormat linear = new AudioFormat(8000, 16, 1, true, false);
        try (AudioInputStream in = AudioSystem.getAudioInputStream(linear,
                new AudioInputStream(new ByteArrayInputStream(codes), companded, 256))) {
            byte[] pcm = in.readAllBytes();
            for (int i = 0; i < 256; i++) {
                short expected = (short) ((pcm[2 * i + 1] << 8) | (pcm[2 * i] & 0xff));
                assertThat(law.decode((byte) i)).as("code 0x%02x", i).isEqualTo(expected);
            }
        }
    }

    @Test
    void knownCodesDecodeToTheStandardsValues() {
        assertThat(G711.MU_LAW.decode((byte) 0xff)).isZero();
        assertThat(G711.MU_LAW.decode((byte) 0x00)).isEqualTo((short) -32124);
        assertThat(G711.MU_LAW.decode((byte) 0x80)).isEqualTo((short) 32124);
        assertThat(G711.A_LAW.decode((byte) 0xd5)).isEqualTo((short) 8);
        assertThat(G711.A_LAW.decode((byte) 0x55)).isEqualTo((short) -8);
        assertThat(G711.A_LAW.decode((byte) 0xaa)).isEqualTo((short) 32256);
    }

    @Test
    void payloadTypesZeroAndEightAreTheTwoLawsAndNothingElseIs() {
        assertThat(G711.ofPayloadType(0)).isEqualTo(G711.MU_LAW);
        assertThat(G711.ofPayloadType(8)).isEqualTo(G711.A_LAW);
        assertThat(G711.A_LAW.payloadType()).isEqualTo(8);
        assertThatThrownBy(() -> G711.ofPayloadType(101)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("101").hasMessageContaining("PCMU");
    }

    @Test
    void upsamplingInterpolatesAndBlocksJoinWithoutASeam() {
        assertThat(Upsampler.upsample(new short[] {0, 100, -100})).containsExactly(0, 0, 50, 100, 0, -100);
        short[] narrow = new short[1000];
        for (int i = 0; i < narrow.length; i++) {
            narrow[i] = (short) (10000 * Math.sin(i / 7.0));
        }
        short[] whole = Upsampler.upsample(narrow);
        short[] blocks = new short[2 * narrow.length];
        Upsampler streaming = new Upsampler();
        for (int at = 0, size = 1; at < narrow.length; at += size, size = size % 37 + 1) {
            int n = Math.min(size, narrow.length - at);
            streaming.process(narrow, at, n, blocks, 2 * at);
        }
        assertThat(blocks).isEqualTo(whole);
    }

    @Test
    void payloadsOfAnySizeMakeTwentyMillisecondFramesOfSixteenKilohertz() {
        byte[] stream = new byte[8000]; // one second of µ-law
        for (int i = 0; i < stream.length; i++) {
            stream[i] = (byte) (i * 7);
        }
        short[] expected = Upsampler.upsample(decodeAll(G711.MU_LAW, stream));
        List<short[]> frames = new ArrayList<>();
        G711FrameAssembler assembler = new G711FrameAssembler();
        int[] sizes = {80, 160, 240, 1, 159, 320};
        int at = 0;
        for (int n = 0; at < stream.length; n++) {
            int size = Math.min(sizes[n % sizes.length], stream.length - at);
            assembler.push(G711.MU_LAW, stream, at, size, (samples, offset) -> {
                short[] copy = new short[320];
                System.arraycopy(samples, offset, copy, 0, 320);
                frames.add(copy);
            });
            at += size;
        }
        assertThat(frames).hasSize(50);
        assertThat(assembler.pendingSamples()).isZero();
        for (int f = 0; f < frames.size(); f++) {
            short[] want = new short[320];
            System.arraycopy(expected, 320 * f, want, 0, 320);
            assertThat(frames.get(f)).as("frame %d", f).isEqualTo(want);
        }
    }

    @Test
    void aPartialFrameWaitsAndABadRangeIsRefused() {
        G711FrameAssembler assembler = new G711FrameAssembler();
        int[] frames = {0};
        assertThat(assembler.push(G711.A_LAW, new byte[100], 0, 100, (s, o) -> frames[0]++)).isZero();
        assertThat(assembler.pendingSamples()).isEqualTo(100);
        assertThat(assembler.push(G711.A_LAW, new byte[100], 0, 60, (s, o) -> frames[0]++)).isEqualTo(1);
        assertThat(frames[0]).isEqualTo(1);
        assertThatThrownBy(() -> assembler.push(G711.A_LAW, new byte[10], 5, 6, (s, o) -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside");
    }

    private static short[] decodeAll(G711 law, byte[] codes) {
        short[] out = new short[codes.length];
        law.decode(codes, 0, codes.length, out, 0);
        return out;
    }
}
