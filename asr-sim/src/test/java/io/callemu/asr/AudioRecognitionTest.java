package io.callemu.asr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import io.callemu.asr.audio.PcmAudio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The recognizer on real (espeak-ng) speech, noise and silence, pushed as clips or as 20 ms frames. */
class AudioRecognitionTest {

    private static final String CALLER = "4:+15551234567";
    /** Detected phrase boundaries against the padding we added (see EnergyVadTest for the VAD alone). */
    private static final long START_TOLERANCE_MS = 60;
    private static final long END_TOLERANCE_MS = 150;

    private final RecordingListener heard = new RecordingListener();

    @ParameterizedTest(name = "at {0} dB SNR")
    @ValueSource(doubles = {99, 20, 10, 5})
    void recognisesAClipAlignedToTheSpeechFoundInIt(double snrDb) {
        PcmAudio clip = TestAudio.fixture("bill.wav");
        short[] padded = TestAudio.padded(clip, 1000, 1500);
        short[] audio = snrDb >= 99 ? padded : TestAudio.withNoise(padded, clip, snrDb, 21);
        StreamingRecognizer r = new StreamingRecognizer(RecognizerConfig.defaults(), heard);

        r.pushAudio(PcmAudio.of(audio), "I would like to pay my bill", CALLER);

        RecognitionResult result = heard.onlyResult();
        assertThat(result.status()).isEqualTo(RecognitionStatus.SUCCESS);
        assertThat(result.displayText()).isEqualTo("I would like to pay my bill.");
        assertThat(result.speakerRawId()).isEqualTo(CALLER);
        long startMs = result.offsetTicks() / Ticks.PER_MILLISECOND;
        long endMs = startMs + result.durationTicks() / Ticks.PER_MILLISECOND;
        assertThat(startMs).isCloseTo(1000, offset(START_TOLERANCE_MS));
        assertThat(endMs).isCloseTo(1000 + clip.durationMillis(), offset(END_TOLERANCE_MS));
        assertThat(result.best().words()).hasSize(7).allSatisfy(w -> {
            assertThat(w.offsetTicks()).isGreaterThanOrEqualTo(result.offsetTicks());
            assertThat(w.offsetTicks() + w.durationTicks()).isLessThanOrEqualTo(result.offsetTicks() + result.durationTicks());
        });
        assertThat(heard.hypotheses).hasSizeGreaterThanOrEqualTo(3);
        assertThat(heard.hypotheses.get(heard.hypotheses.size() - 1).text()).startsWith("i would like");
        assertThat(heard.starts).containsExactly(result.offsetTicks());
    }

    @Test
    void eightKilohertzAndStereoFilesGiveTheSamePhraseAsSixteenKilohertzMono() {
        long[] mono = phraseOf("yes.wav");
        assertThat(phraseOf("yes-8k.wav")[0]).isCloseTo(mono[0], offset(20L));
        assertThat(phraseOf("yes-8k.wav")[1]).isCloseTo(mono[1], offset(40L));
        assertThat(phraseOf("yes-stereo.wav")).isEqualTo(mono);
    }

    private static long[] phraseOf(String fixture) {
        RecordingListener l = new RecordingListener();
        StreamingRecognizer r = new StreamingRecognizer(RecognizerConfig.defaults(), l);
        r.advanceTo(500);
        r.pushAudio(TestAudio.fixture(fixture), "yes", null);
        r.advanceTo(3000);
        RecognitionResult result = l.onlyResult();
        assertThat(result.displayText()).isEqualTo("Yes.");
        return new long[] {result.offsetTicks() / Ticks.PER_MILLISECOND, result.durationTicks() / Ticks.PER_MILLISECOND};
    }

    @Test
    void noiseWithoutSpeechEndsInABabbleTimeout() {
        StreamingRecognizer r = new StreamingRecognizer(RecognizerConfig.defaults(), heard);
        r.pushAudio(PcmAudio.of(TestAudio.noise(6_000, -30, 9)), "", null);

        RecognitionResult result = heard.onlyResult();
        assertThat(result.status()).isEqualTo(RecognitionStatus.BABBLE_TIMEOUT);
        assertThat(result.offsetTicks()).isEqualTo(Ticks.fromMillis(5_000));
        assertThat(heard.starts).isEmpty();
    }

    @Test
    void aShorterBabbleTimeoutFiresFirst() {
        StreamingRecognizer r = new StreamingRecognizer(RecognizerConfig.builder().babbleTimeoutMs(2000).build(), heard);
        r.pushAudio(PcmAudio.of(TestAudio.noise(3_000, -30, 9)), "", null);

        assertThat(heard.onlyResult().status()).isEqualTo(RecognitionStatus.BABBLE_TIMEOUT);
        assertThat(heard.onlyResult().offsetTicks()).isEqualTo(Ticks.fromMillis(2_000));
    }

    @Test
    void liveNoiseStartingAfterSilenceIsTakenForSpeechOnlyBriefly() {
        // an energy detector cannot tell the onset of loud noise from speech, but it must not stay fooled
        // (a clip is analysed as a whole, so only live audio can start with silence the detector adapted to)
        StreamingRecognizer r = new StreamingRecognizer(
                RecognizerConfig.builder().continuous(true).babbleTimeoutMs(5000).build(), heard);
        short[] silence = new short[16 * 1000];
        for (int off = 0; off < silence.length; off += 320) {
            r.pushFrame(silence, off);
        }
        short[] noise = TestAudio.noise(12_000, -30, 9);
        for (int off = 0; off < noise.length; off += 320) {
            r.pushFrame(noise, off);
        }

        assertThat(heard.results).hasSize(2);
        RecognitionResult onset = heard.results.get(0);
        assertThat(onset.status()).isEqualTo(RecognitionStatus.NO_MATCH);
        assertThat(onset.durationTicks()).isLessThan(Ticks.fromMillis(2_500));
        assertThat(heard.results.get(1).status()).isEqualTo(RecognitionStatus.BABBLE_TIMEOUT);
    }

    @Test
    void silentAudioEndsInAnInitialSilenceTimeout() {
        StreamingRecognizer r = new StreamingRecognizer(RecognizerConfig.defaults(), heard);
        r.pushAudio(PcmAudio.of(new short[16 * 6000]), "", null);

        assertThat(heard.onlyResult().status()).isEqualTo(RecognitionStatus.INITIAL_SILENCE_TIMEOUT);
        assertThat(heard.onlyResult().offsetTicks()).isEqualTo(Ticks.fromMillis(5_000));
    }

    @Test
    void noAudioAtAllIsSilenceToo() {
        StreamingRecognizer r = new StreamingRecognizer(RecognizerConfig.defaults(), heard);
        r.advanceTo(7_000);
        assertThat(heard.onlyResult().status()).isEqualTo(RecognitionStatus.INITIAL_SILENCE_TIMEOUT);
    }

    @Test
    void shortNoiseThenSilenceEndsAsBabbleOnlyWhenMostOfItWasNoiseAtFinish() {
        StreamingRecognizer noisy = new StreamingRecognizer(RecognizerConfig.defaults(), heard);
        noisy.pushAudio(PcmAudio.of(TestAudio.noise(2_000, -30, 9)), "", null);
        noisy.finish();
        assertThat(heard.onlyResult().status()).isEqualTo(RecognitionStatus.BABBLE_TIMEOUT);

        RecordingListener quiet = new RecordingListener();
        StreamingRecognizer mostlySilent = new StreamingRecognizer(RecognizerConfig.defaults(), quiet);
        mostlySilent.pushAudio(PcmAudio.of(TestAudio.noise(500, -30, 9)), "", null);
        mostlySilent.advanceTo(2_000);
        mostlySilent.finish();
        assertThat(quiet.onlyResult().status()).isEqualTo(RecognitionStatus.INITIAL_SILENCE_TIMEOUT);
    }

    @Test
    void speechWithoutATranscriptIsANoMatch() {
        PcmAudio clip = TestAudio.fixture("digits.wav");
        StreamingRecognizer r = new StreamingRecognizer(RecognizerConfig.defaults(), heard);
        r.pushAudio(PcmAudio.of(TestAudio.padded(clip, 800, 1000)), null, null);

        RecognitionResult result = heard.onlyResult();
        assertThat(result.status()).isEqualTo(RecognitionStatus.NO_MATCH);
        assertThat(result.offsetTicks() / Ticks.PER_MILLISECOND).isCloseTo(800L, offset(START_TOLERANCE_MS));
        assertThat(heard.hypotheses).isEmpty();
    }

    @Test
    void rawFramesWithATranscriptGiveTheTranscriptSpreadOverTheDetectedSpeech() {
        PcmAudio clip = TestAudio.fixture("digits.wav");
        short[] audio = TestAudio.withNoise(TestAudio.padded(clip, 600, 1000), clip, 20, 4);
        byte[] bytes = new byte[audio.length * 2];
        for (int i = 0; i < audio.length; i++) {
            bytes[2 * i] = (byte) audio[i];
            bytes[2 * i + 1] = (byte) (audio[i] >> 8);
        }
        StreamingRecognizer r = new StreamingRecognizer(RecognizerConfig.defaults(), heard);
        r.expectTranscript("one two three four", CALLER);
        for (int off = 0; off + 640 <= bytes.length; off += 640) {
            r.pushFrame(bytes, off);
        }

        RecognitionResult result = heard.onlyResult();
        assertThat(result.displayText()).isEqualTo("1234.");
        assertThat(result.best().forms().lexical()).isEqualTo("one two three four");
        assertThat(result.best().words()).hasSize(4);
        assertThat(result.best().words().get(0).offsetTicks()).isEqualTo(result.offsetTicks());
        Word last = result.best().words().get(3);
        assertThat(last.offsetTicks() + last.durationTicks()).isEqualTo(result.offsetTicks() + result.durationTicks());
        assertThat(heard.hypotheses).extracting(Hypothesis::text).contains("1"); // hypotheses are in written form
    }

    /** The digits clip twice, with {@code gapMs} of noise between, in 10 dB SNR noise. */
    private static PcmAudio digitsTwice(int gapMs) {
        PcmAudio clip = TestAudio.fixture("digits.wav");
        short[] first = TestAudio.padded(clip, 500, gapMs);
        short[] both = new short[first.length + clip.length() + 16 * 1000];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(clip.samples(), 0, both, first.length, clip.length());
        return PcmAudio.of(TestAudio.withNoise(both, clip, 10, 8));
    }

    @Test
    void aPauseShorterThanTheSegmentationSilenceKeepsRealSpeechInOnePhrase() {
        StreamingRecognizer r = new StreamingRecognizer(RecognizerConfig.builder().continuous(true).build(), heard);
        r.pushAudio(digitsTwice(350), "one two three four one two three four", CALLER);
        r.finish();

        assertThat(heard.results).extracting(RecognitionResult::displayText).containsExactly("12341234.");
    }

    @Test
    void aShorterSegmentationSilenceSplitsRealSpeechAtThePause() {
        StreamingRecognizer r = new StreamingRecognizer(
                RecognizerConfig.builder().continuous(true).segmentationSilenceTimeoutMs(200).build(), heard);
        r.pushAudio(digitsTwice(350), "one two three four one two three four", CALLER);
        r.finish();

        assertThat(heard.results).hasSize(2).allSatisfy(result -> assertThat(result.status()).isEqualTo(RecognitionStatus.SUCCESS));
        assertThat(heard.results.get(1).offsetTicks() / Ticks.PER_MILLISECOND)
                .isCloseTo(500 + 1122 + 350L, offset(START_TOLERANCE_MS));
    }

    @Test
    void realSpeechLongerThanFifteenSecondsGetsAForcedFinal() {
        PcmAudio clip = TestAudio.fixture("bill.wav");
        short[] padded = TestAudio.padded(clip, 0, 200); // pauses of 200 ms never end the phrase
        int repeats = 12; // about 20 s of speech
        short[] audio = new short[16 * 500 + padded.length * repeats];
        for (int i = 0; i < repeats; i++) {
            System.arraycopy(padded, 0, audio, 16 * 500 + i * padded.length, padded.length);
        }
        StreamingRecognizer r = new StreamingRecognizer(RecognizerConfig.defaults(), heard);
        r.pushAudio(PcmAudio.of(TestAudio.withNoise(audio, clip, 20, 5)), "I would like to pay my bill", CALLER);

        RecognitionResult result = heard.onlyResult();
        assertThat(result.offsetTicks() / Ticks.PER_MILLISECOND).isCloseTo(500L, offset(START_TOLERANCE_MS));
        assertThat(result.durationTicks()).isEqualTo(Ticks.fromMillis(RecognizerConfig.DEFAULT_MAX_PHRASE_MS));
        assertThat(r.isDone()).isTrue();
    }

    @Test
    void profanityInATranscriptIsMaskedOnRealSpeech() {
        PcmAudio clip = TestAudio.fixture("bill.wav");
        StreamingRecognizer r = new StreamingRecognizer(RecognizerConfig.defaults(), heard);
        r.pushAudio(PcmAudio.of(TestAudio.padded(clip, 500, 1000)), "I would like to pay my damn bill", CALLER);

        NBestEntry best = heard.onlyResult().best();
        assertThat(best.forms().display()).isEqualTo("I would like to pay my **** bill.");
        assertThat(best.forms().lexical()).isEqualTo("i would like to pay my damn bill");
        assertThat(heard.hypotheses).extracting(Hypothesis::text).noneMatch(t -> t.contains("damn"));
    }

    @Test
    void aFailureInTheMiddleOfAudioIsAnError() {
        PcmAudio clip = TestAudio.fixture("bill.wav");
        StreamingRecognizer r = new StreamingRecognizer(RecognizerConfig.defaults(), heard);
        short[] audio = TestAudio.padded(clip, 500, 1000);
        for (int off = 0; off + 320 <= 16 * 1000; off += 320) {
            r.pushFrame(audio, off);
        }
        r.fail("connection to the speech backend dropped");
        r.pushAudio(PcmAudio.of(audio), "I would like to pay my bill", CALLER);

        assertThat(heard.events).containsExactly("start@500", "Error@1000:");
        assertThat(heard.onlyResult().errorDetails()).isEqualTo("connection to the speech backend dropped");
    }

    @Test
    void refusesAClipThatWouldOverlapScriptedSpeech() {
        StreamingRecognizer r = new StreamingRecognizer(RecognizerConfig.defaults(), heard);
        r.schedule(Utterance.at(1000, "hello there"));
        PcmAudio clip = PcmAudio.of(TestAudio.padded(TestAudio.fixture("yes.wav"), 800, 0));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> r.pushAudio(clip, "yes", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("starts before the input already scheduled ends");
        assertThat(r.positionMillis()).as("nothing was pushed").isZero();
    }

    @Test
    void continuousRecognitionGivesOnePhrasePerUtterance() {
        StreamingRecognizer r = new StreamingRecognizer(RecognizerConfig.builder().continuous(true).build(), heard);
        r.pushAudio(PcmAudio.of(TestAudio.padded(TestAudio.fixture("yes.wav"), 500, 1000)), "yes", CALLER);
        r.pushAudio(PcmAudio.of(TestAudio.padded(TestAudio.fixture("digits.wav"), 0, 1000)), "one two three four", CALLER);
        r.finish();

        assertThat(heard.results).extracting(RecognitionResult::displayText).containsExactly("Yes.", "1234.");
        assertThat(heard.results.get(1).offsetTicks() / Ticks.PER_MILLISECOND)
                .isCloseTo(500 + 398 + 1000L, offset(START_TOLERANCE_MS));
    }
}
