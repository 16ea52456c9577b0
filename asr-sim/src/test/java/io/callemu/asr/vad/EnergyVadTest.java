package io.callemu.asr.vad;

import static org.assertj.core.api.Assertions.assertThat;

import io.callemu.asr.TestAudio;
import io.callemu.asr.audio.PcmAudio;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class EnergyVadTest {

    /** Padding around the trimmed fixtures: the true speech start is at PAD ms, the end at PAD + clip length. */
    private static final int PAD = 1000;
    /**
     * Tolerance for the detected start and end of speech against that truth. The end is the looser
     * one: a trailing fricative ("yes") carries little low-frequency energy and ends up to ~120 ms early.
     */
    private static final long START_TOLERANCE_MS = 60;
    private static final long END_TOLERANCE_MS = 150;

    @ParameterizedTest(name = "{0} at {1} dB SNR")
    @CsvSource({
        "yes.wav, 99", "yes.wav, 20", "yes.wav, 10", "yes.wav, 5",
        "digits.wav, 99", "digits.wav, 20", "digits.wav, 10", "digits.wav, 5",
        "bill.wav, 99", "bill.wav, 20", "bill.wav, 10", "bill.wav, 5"})
    void findsStartAndEndOfRealSpeechInNoise(String fixture, double snrDb) {
        PcmAudio clip = TestAudio.fixture(fixture);
        short[] padded = TestAudio.padded(clip, PAD, PAD);
        short[] audio = snrDb >= 99 ? padded : TestAudio.withNoise(padded, clip, snrDb, 7);

        List<long[]> speech = detect(audio);

        assertThat(speech).isNotEmpty();
        long start = speech.get(0)[0];
        long end = speech.get(speech.size() - 1)[1];
        assertThat(start).isCloseTo(PAD, org.assertj.core.data.Offset.offset(START_TOLERANCE_MS));
        assertThat(end).isCloseTo(PAD + clip.durationMillis(), org.assertj.core.data.Offset.offset(END_TOLERANCE_MS));
    }

    @ParameterizedTest(name = "noise at {0} dBFS")
    @ValueSource(doubles = {-40, -30, -20, -10})
    void steadyNoiseAloneIsNeverSpeechButIsNoise(double levelDbfs) {
        short[] noise = TestAudio.noise(30_000, levelDbfs, 11);
        EnergyVad vad = new EnergyVad(VadSettings.DEFAULT);
        int noiseFrames = 0;
        for (int off = 0; off + EnergyVad.FRAME_SAMPLES <= noise.length; off += EnergyVad.FRAME_SAMPLES) {
            int flags = vad.process(noise, off, off / PcmAudio.SAMPLES_PER_MILLI);
            assertThat(flags & EnergyVad.SPEECH_STARTED).as("speech declared at %d ms", off / 16).isZero();
            noiseFrames += (flags & EnergyVad.NOISE) != 0 ? 1 : 0;
        }
        assertThat(noiseFrames).isEqualTo(noise.length / EnergyVad.FRAME_SAMPLES);
    }

    @Test
    void noiseFadingInIsNotSpeech() {
        short[] noise = TestAudio.noise(10_000, -20, 3);
        for (int i = 0; i < noise.length; i++) {
            double db = Math.min(0, -40 + 10.0 * i / PcmAudio.SAMPLE_RATE); // from -60 to -20 dBFS at 10 dB/s
            noise[i] = (short) (noise[i] * Math.pow(10, db / 20));
        }
        assertThat(detect(noise)).isEmpty();
    }

    @Test
    void veryQuietNoiseCountsAsSilence() {
        short[] hiss = TestAudio.noise(1_000, -55, 5); // about -67 dBFS once smoothed: below the -60 dBFS silence level
        EnergyVad vad = new EnergyVad(VadSettings.DEFAULT);
        for (int off = 0; off + EnergyVad.FRAME_SAMPLES <= hiss.length; off += EnergyVad.FRAME_SAMPLES) {
            assertThat(vad.process(hiss, off, off / 16)).isZero();
        }
    }

    @Test
    void silenceIsNeitherSpeechNorNoise() {
        EnergyVad vad = new EnergyVad(VadSettings.DEFAULT);
        short[] silence = new short[EnergyVad.FRAME_SAMPLES];
        for (int i = 0; i < 100; i++) {
            assertThat(vad.process(silence, 0, i * 20L)).isZero();
        }
    }

    @Test
    void aClickShorterThanTheMinimumSpeechIsNotSpeech() {
        short[] audio = TestAudio.noise(2_000, -50, 5);
        for (int i = 16_000; i < 16_000 + 40 * 16; i++) {
            audio[i] = (short) (i % 2 == 0 ? 20_000 : -20_000); // a 40 ms knock
        }
        assertThat(detect(audio)).isEmpty();
    }

    @Test
    void speechEndsAtItsLastVoicedFrameWhenAudioStopsAndTheHangoverPasses() {
        PcmAudio clip = TestAudio.fixture("bill.wav");
        short[] audio = TestAudio.padded(clip, 500, 0);
        EnergyVad vad = new EnergyVad(VadSettings.DEFAULT);
        int frames = audio.length / EnergyVad.FRAME_SAMPLES;
        for (int f = 0; f < frames; f++) {
            vad.process(audio, f * EnergyVad.FRAME_SAMPLES, f * 20L);
        }
        long lastFrameEnd = frames * 20L;
        assertThat(vad.inSpeech()).isTrue();

        assertThat(vad.silenceUntil(lastFrameEnd + 100)).as("within the hangover").isZero();
        assertThat(vad.silenceUntil(lastFrameEnd + VadSettings.DEFAULT.hangoverMs())).isEqualTo(EnergyVad.SPEECH_ENDED);
        assertThat(vad.speechEndMillis()).isEqualTo(lastFrameEnd);
    }

    @Test
    void refusesSettingsBelowOneFrame() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new VadSettings(6, -55, 10, 100))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one frame");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new VadSettings(0, -55, 200, 100))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("thresholdDb");
    }

    /** Speech segments {start, end} in ms found over the whole signal. */
    static List<long[]> detect(short[] audio) {
        EnergyVad vad = new EnergyVad(VadSettings.DEFAULT);
        List<long[]> segments = new ArrayList<>();
        long start = -1;
        for (int off = 0; off + EnergyVad.FRAME_SAMPLES <= audio.length; off += EnergyVad.FRAME_SAMPLES) {
            int flags = vad.process(audio, off, off / PcmAudio.SAMPLES_PER_MILLI);
            if ((flags & EnergyVad.SPEECH_STARTED) != 0) {
                start = vad.speechStartMillis();
            }
            if ((flags & EnergyVad.SPEECH_ENDED) != 0) {
                segments.add(new long[] {start, vad.speechEndMillis()});
            }
        }
        if ((vad.flush() & EnergyVad.SPEECH_ENDED) != 0) {
            segments.add(new long[] {start, vad.speechEndMillis()});
        }
        return segments;
    }
}
