package io.callemu.asr.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callemu.asr.TestAudio;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;

class WavReaderTest {

    @Test
    void reads16kMonoFixture() {
        PcmAudio yes = TestAudio.fixture("yes.wav");
        assertThat(yes.length()).isEqualTo(6372); // soxi: 0.398250 s at 16 kHz
        assertThat(yes.durationMillis()).isEqualTo(398);
    }

    @Test
    void resamples8kToSixteenKeepingTheDuration() {
        PcmAudio from8k = TestAudio.fixture("yes-8k.wav");
        PcmAudio original = TestAudio.fixture("yes.wav");
        assertThat(from8k.length()).isEqualTo(original.length());
        // same speech, so roughly the same energy after sox's and our resampling
        double ratio = power(from8k.samples()) / power(original.samples());
        assertThat(ratio).isBetween(0.7, 1.1);
    }

    @Test
    void mixesStereoDownToMono() {
        PcmAudio stereo = TestAudio.fixture("yes-stereo.wav");
        PcmAudio mono = TestAudio.fixture("yes.wav");
        // both channels hold the mono signal, so their mean is the mono signal
        assertThat(stereo.samples()).isEqualTo(mono.samples());
    }

    @Test
    void mixesDifferentChannelsByAveraging() throws IOException {
        byte[] wav = wav(new AudioFormat(16000, 16, 2, true, false), new byte[] {
            (byte) 0xe8, 0x03, (byte) 0xd0, 0x07, // L=1000 R=2000
            0x18, (byte) 0xfc, 0x00, 0x00});     // L=-1000 R=0
        assertThat(WavReader.read(wav).samples()).containsExactly((short) 1500, (short) -500);
    }

    @Test
    void refusesWhatIsNotAWav() {
        assertThatThrownBy(() -> WavReader.read("hello, not audio at all".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(InvalidAudioException.class).hasMessageContaining("not a WAV");
    }

    @Test
    void refusesNothing() {
        assertThatThrownBy(() -> WavReader.read(new byte[0]))
                .isInstanceOf(InvalidAudioException.class).hasMessageContaining("empty");
    }

    @Test
    void refusesAWavWithoutSamples() throws IOException {
        byte[] wav = wav(new AudioFormat(16000, 16, 1, true, false), new byte[0]);
        assertThatThrownBy(() -> WavReader.read(wav))
                .isInstanceOf(InvalidAudioException.class).hasMessageContaining("no samples");
    }

    @Test
    void refusesATruncatedWav() {
        byte[] whole = TestAudio.fixtureBytes("yes.wav");
        byte[] cut = Arrays.copyOf(whole, whole.length - 1000);
        assertThatThrownBy(() -> WavReader.read(cut))
                .isInstanceOf(InvalidAudioException.class).hasMessageContaining("truncated");
    }

    @Test
    void readsAStreamedWavWhoseHeaderLeavesTheLengthOpen() {
        byte[] wav = TestAudio.fixtureBytes("yes.wav").clone();
        int data = indexOf(wav, "data");
        for (int i = 4; i < 8; i++) {
            wav[data + i] = (byte) 0xff; // data chunk size 0xFFFFFFFF, as streaming writers send it
        }
        assertThat(WavReader.read(wav).samples()).isEqualTo(TestAudio.fixture("yes.wav").samples());
    }

    private static int indexOf(byte[] haystack, String ascii) {
        byte[] needle = ascii.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError(ascii + " not found");
    }

    @Test
    void refusesAWavCutInsideTheHeader() {
        byte[] cut = Arrays.copyOf(TestAudio.fixtureBytes("yes.wav"), 30);
        assertThatThrownBy(() -> WavReader.read(cut)).isInstanceOf(InvalidAudioException.class);
    }

    @Test
    void refusesEightBitAudio() throws IOException {
        byte[] wav = wav(new AudioFormat(16000, 8, 1, true, false), new byte[320]);
        assertThatThrownBy(() -> WavReader.read(wav))
                .isInstanceOf(InvalidAudioException.class).hasMessageContaining("8-bit");
    }

    @Test
    void refusesOtherSampleRates() throws IOException {
        byte[] wav = wav(new AudioFormat(44100, 16, 1, true, false), new byte[640]);
        assertThatThrownBy(() -> WavReader.read(wav))
                .isInstanceOf(InvalidAudioException.class).hasMessageContaining("44100 Hz");
    }

    @Test
    void refusesMuLaw() throws IOException {
        byte[] wav = wav(new AudioFormat(AudioFormat.Encoding.ULAW, 8000, 8, 1, 1, 8000, false), new byte[160]);
        assertThatThrownBy(() -> WavReader.read(wav))
                .isInstanceOf(InvalidAudioException.class).hasMessageContaining("ULAW");
    }

    @Test
    void refusesMoreThanTwoChannels() throws IOException {
        byte[] wav = wav(new AudioFormat(16000, 16, 4, true, false), new byte[1280]);
        assertThatThrownBy(() -> WavReader.read(wav))
                .isInstanceOf(InvalidAudioException.class).hasMessageContaining("channel count 4");
    }

    @Test
    void refusesAudioLongerThanTheLimit() {
        byte[] yes = TestAudio.fixtureBytes("yes.wav");
        assertThatThrownBy(() -> WavReader.read(yes, 100))
                .isInstanceOf(InvalidAudioException.class).hasMessageContaining("longer than the limit of 100 ms");
    }

    private static byte[] wav(AudioFormat format, byte[] data) throws IOException {
        AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(data), format, data.length / format.getFrameSize());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AudioSystem.write(in, AudioFileFormat.Type.WAVE, out);
        return out.toByteArray();
    }

    private static double power(short[] s) {
        double sum = 0;
        for (short v : s) {
            sum += (double) v * v;
        }
        return sum / s.length;
    }
}
