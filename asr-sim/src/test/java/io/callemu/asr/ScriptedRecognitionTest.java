package io.callemu.asr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callemu.asr.text.ProfanityMode;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The recognizer on scripted utterances: every status, timer and result form, on the stream clock only. */
class ScriptedRecognitionTest {

    private final RecordingListener heard = new RecordingListener();

    private StreamingRecognizer recognizer(RecognizerConfig.Builder config) {
        return new StreamingRecognizer(config.build(), heard);
    }

    private StreamingRecognizer recognizer() {
        return recognizer(RecognizerConfig.builder());
    }

    @Test
    void aPhraseGivesGrowingHypothesesThenOneFinalAfterTheSegmentationSilence() {
        StreamingRecognizer r = recognizer();
        // 7 one-syllable words at 260 ms each: speech from 1000 to 2820 ms; a word is heard once its middle passed
        r.schedule(Utterance.at(1000, "I would like to pay my bill."));
        r.advanceTo(3319);
        assertThat(heard.results).as("final only after 500 ms of silence").isEmpty();
        r.advanceTo(3320);

        assertThat(heard.events).containsExactly(
                "start@1000",
                "hyp@1300:i",
                "hyp@1600:i would",
                "hyp@1900:i would like",
                "hyp@2200:i would like to pay",
                "hyp@2500:i would like to pay my",
                "hyp@2800:i would like to pay my bill",
                "end@2820",
                "Success@1000:I would like to pay my bill.");
        assertThat(r.isDone()).isTrue();
    }

    @Test
    void aFinalCarriesEveryTextFormWordsInTicksAndAlternatives() {
        StreamingRecognizer r = recognizer(RecognizerConfig.builder().defaultSpeakerRawId("4:+15551234567"));
        r.schedule(new Utterance("Call five five five one two one two", 2000, 3000L, 0.93, "8:acs:caller"));
        r.advanceTo(6000);

        RecognitionResult result = heard.onlyResult();
        assertThat(result.status()).isEqualTo(RecognitionStatus.SUCCESS);
        assertThat(result.offsetTicks()).isEqualTo(20_000_000L);
        assertThat(result.durationTicks()).isEqualTo(30_000_000L);
        assertThat(result.speakerRawId()).isEqualTo("8:acs:caller");
        NBestEntry best = result.best();
        assertThat(best.confidence()).isEqualTo(0.93);
        assertThat(best.forms().lexical()).isEqualTo("call five five five one two one two");
        assertThat(best.forms().itn()).isEqualTo("call 555-1212");
        assertThat(best.forms().maskedItn()).isEqualTo("call 555-1212");
        assertThat(best.forms().display()).isEqualTo("Call 555-1212.");
        List<Word> words = best.words();
        assertThat(words).hasSize(8);
        assertThat(words.get(0).text()).isEqualTo("call");
        assertThat(words.get(0).offsetTicks()).isEqualTo(20_000_000L);
        assertThat(words.get(7).offsetTicks() + words.get(7).durationTicks()).isEqualTo(50_000_000L);
        for (int i = 1; i < words.size(); i++) {
            assertThat(words.get(i).offsetTicks())
                    .isEqualTo(words.get(i - 1).offsetTicks() + words.get(i - 1).durationTicks());
        }
        assertThat(result.nBest()).hasSizeBetween(1, 3);
    }

    @Test
    void nBestHasOneToThreeEntriesTheIntendedFirstEachLessConfident() {
        java.util.Set<Integer> sizes = new java.util.HashSet<>();
        for (long seed = 0; seed < 30; seed++) {
            RecordingListener l = new RecordingListener();
            StreamingRecognizer r = new StreamingRecognizer(RecognizerConfig.builder().seed(seed).build(), l);
            r.schedule(Utterance.at(0, "I want to pay my bill"));
            r.advanceTo(5000);
            List<NBestEntry> nBest = l.onlyResult().nBest();
            sizes.add(nBest.size());
            assertThat(nBest.get(0).forms().display()).isEqualTo("I want to pay my bill.");
            assertThat(nBest.get(0).confidence()).isBetween(0.80, 0.97);
            for (int i = 1; i < nBest.size(); i++) {
                assertThat(nBest.get(i).forms().lexical()).isNotEqualTo(nBest.get(0).forms().lexical());
                assertThat(nBest.get(i).confidence()).isLessThan(nBest.get(i - 1).confidence());
            }
        }
        assertThat(sizes).containsExactlyInAnyOrder(1, 2, 3);
    }

    @Test
    void sameScriptAndSeedGiveTheSameResultsAndAnotherSeedOtherConfidences() {
        assertThat(run(42)).isEqualTo(run(42));
        assertThat(run(42).get(0).best().confidence()).isNotEqualTo(run(43).get(0).best().confidence());
    }

    private static List<RecognitionResult> run(long seed) {
        RecordingListener l = new RecordingListener();
        StreamingRecognizer r = new StreamingRecognizer(RecognizerConfig.builder().seed(seed).continuous(true).build(), l);
        r.schedule(Utterance.at(500, "yes please"));
        r.schedule(Utterance.at(3000, "two hundred dollars to my account"));
        r.advanceTo(10_000);
        return l.results;
    }

    @Test
    void initialSilenceTimeoutFiresAtExactlyItsDeadline() {
        StreamingRecognizer r = recognizer();
        r.advanceTo(4999);
        assertThat(heard.results).isEmpty();
        r.advanceTo(60_000);

        RecognitionResult result = heard.onlyResult();
        assertThat(result.status()).isEqualTo(RecognitionStatus.INITIAL_SILENCE_TIMEOUT);
        assertThat(result.offsetTicks()).isEqualTo(50_000_000L);
        assertThat(result.durationTicks()).isZero();
        assertThat(result.displayText()).isEmpty();
        assertThat(r.isDone()).isTrue();
    }

    @Test
    void speechStartingAtTheDeadlineIsTooLateButJustBeforeItCounts() {
        StreamingRecognizer late = recognizer(RecognizerConfig.builder().initialSilenceTimeoutMs(2000));
        late.schedule(Utterance.at(2000, "hello"));
        late.advanceTo(5000);
        assertThat(heard.onlyResult().status()).isEqualTo(RecognitionStatus.INITIAL_SILENCE_TIMEOUT);

        RecordingListener inTime = new RecordingListener();
        StreamingRecognizer r = new StreamingRecognizer(RecognizerConfig.builder().initialSilenceTimeoutMs(2000).build(), inTime);
        r.schedule(Utterance.at(1999, "hello"));
        r.advanceTo(5000);
        assertThat(inTime.onlyResult().displayText()).isEqualTo("Hello.");
    }

    @Test
    void zeroDisablesTheInitialSilenceTimeoutAndFinishEndsTheWait() {
        StreamingRecognizer r = recognizer(RecognizerConfig.builder().initialSilenceTimeoutMs(0));
        r.advanceTo(120_000);
        assertThat(heard.results).isEmpty();
        r.finish();
        assertThat(heard.onlyResult().status()).isEqualTo(RecognitionStatus.INITIAL_SILENCE_TIMEOUT);
        assertThat(heard.onlyResult().offsetTicks()).isEqualTo(Ticks.fromMillis(120_000));
    }

    @Test
    void aPauseShorterThanTheSegmentationSilenceStaysInOnePhrase() {
        StreamingRecognizer r = recognizer();
        r.schedule(new Utterance("yes", 1000, 300L, null, null));
        r.schedule(new Utterance("please", 1700, 400L, null, null)); // 400 ms pause < 500 ms
        r.advanceTo(5000);

        RecognitionResult result = heard.onlyResult();
        assertThat(result.displayText()).isEqualTo("Yes please.");
        assertThat(result.offsetTicks()).isEqualTo(Ticks.fromMillis(1000));
        assertThat(result.durationTicks()).isEqualTo(Ticks.fromMillis(1100));
        assertThat(heard.starts).hasSize(1);
    }

    @Test
    void hypothesesPauseWithTheSpeechAndResumeOnTheirGrid() {
        StreamingRecognizer r = recognizer();
        r.schedule(new Utterance("yes", 1000, 400L, null, null));
        r.schedule(new Utterance("please", 1850, 400L, null, null));
        r.advanceTo(5000);

        assertThat(heard.events).containsExactly(
                "start@1000", "hyp@1300:yes", "hyp@1900:yes", "hyp@2200:yes please",
                "end@2250", "Success@1000:Yes please.");
    }

    @Test
    void aShorterSegmentationSilenceSplitsThePhrases() {
        StreamingRecognizer r = recognizer(RecognizerConfig.builder().continuous(true).segmentationSilenceTimeoutMs(300));
        r.schedule(new Utterance("yes", 1000, 300L, null, null));
        r.schedule(new Utterance("please", 1700, 400L, null, null));
        r.advanceTo(5000);

        assertThat(heard.events).containsSubsequence(
                "start@1000", "end@1300", "Success@1000:Yes.", "start@1700", "end@2100", "Success@1700:Please.");
        assertThat(heard.events).contains("Success@1000:Yes.").doesNotContain("Success@1000:Yes please.");
    }

    @Test
    void aSingleUtteranceIsCutAtFifteenSecondsWithAForcedFinal() {
        StreamingRecognizer r = recognizer();
        r.schedule(new Utterance("one two three four five six seven eight nine ten", 1000, 20_000L, null, null));
        r.advanceTo(30_000);

        RecognitionResult result = heard.onlyResult();
        assertThat(result.status()).isEqualTo(RecognitionStatus.SUCCESS);
        assertThat(result.offsetTicks()).isEqualTo(Ticks.fromMillis(1000));
        assertThat(result.durationTicks()).isEqualTo(Ticks.fromMillis(15_000));
        assertThat(heard.ends).containsExactly(Ticks.fromMillis(16_000));
        // only the words whose middle was heard before the cut
        for (Word w : result.best().words()) {
            assertThat(w.offsetTicks() + w.durationTicks() / 2).isLessThanOrEqualTo(Ticks.fromMillis(16_000));
        }
        assertThat(result.best().words().size()).isBetween(6, 8);
    }

    @Test
    void continuousRecognitionCarriesOnAfterTheCapWithANewPhrase() {
        StreamingRecognizer r = recognizer(RecognizerConfig.builder().continuous(true));
        r.schedule(new Utterance("one two three four five six seven eight nine ten", 1000, 20_000L, null, null));
        r.advanceTo(30_000);

        assertThat(heard.results).hasSize(2);
        assertThat(heard.starts).containsExactly(Ticks.fromMillis(1000), Ticks.fromMillis(16_000));
        RecognitionResult second = heard.results.get(1);
        assertThat(second.offsetTicks()).isEqualTo(Ticks.fromMillis(16_000));
        assertThat(second.durationTicks()).isEqualTo(Ticks.fromMillis(5_000));
        assertThat(second.best().forms().lexical()).endsWith("ten");
    }

    @Test
    void continuousRecognitionReArmsTheInitialSilenceTimeout() {
        StreamingRecognizer r = recognizer(RecognizerConfig.builder().continuous(true).initialSilenceTimeoutMs(2000));
        r.schedule(Utterance.at(4500, "hi"));
        r.advanceTo(9000);

        assertThat(heard.events).containsExactly(
                "InitialSilenceTimeout@2000:", "InitialSilenceTimeout@4000:",
                "start@4500", "end@4760", "Success@4500:Hi.", "InitialSilenceTimeout@7260:");
        assertThat(r.isDone()).isFalse();
    }

    @Test
    void continuousDefaultsToFifteenSecondsOfInitialSilence() {
        assertThat(RecognizerConfig.builder().continuous(true).build().initialSilenceTimeoutMs()).isEqualTo(15_000);
        assertThat(RecognizerConfig.defaults().initialSilenceTimeoutMs()).isEqualTo(5_000);
        assertThat(RecognizerConfig.defaults().babbleTimeoutMs()).isEqualTo(5_000);
    }

    @Test
    void speechWithNothingRecognisableIsANoMatch() {
        StreamingRecognizer r = recognizer();
        r.schedule(Utterance.at(1000, ""));
        r.advanceTo(5000);

        RecognitionResult result = heard.onlyResult();
        assertThat(result.status()).isEqualTo(RecognitionStatus.NO_MATCH);
        assertThat(result.offsetTicks()).isEqualTo(Ticks.fromMillis(1000));
        assertThat(result.durationTicks()).isEqualTo(Ticks.fromMillis(800));
        assertThat(result.nBest()).isEmpty();
        assertThat(heard.hypotheses).isEmpty();
        assertThatThrownBy(result::best).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void profanityAloneWithRemovedIsANoMatch() {
        StreamingRecognizer r = recognizer(RecognizerConfig.builder()
                .profanity(ProfanityMode.REMOVED).profanityLexicon(Set.of("darn")));
        r.schedule(Utterance.at(1000, "darn"));
        r.advanceTo(5000);
        assertThat(heard.onlyResult().status()).isEqualTo(RecognitionStatus.NO_MATCH);
    }

    @Test
    void maskedProfanityWithholdsHypothesesThatContainIt() {
        StreamingRecognizer r = recognizer(RecognizerConfig.builder().profanityLexicon(Set.of("darn")));
        r.schedule(new Utterance("so the darn thing broke", 1000, 1500L, null, null));
        r.advanceTo(5000);

        assertThat(heard.hypotheses).isNotEmpty().allSatisfy(h -> assertThat(h.text()).doesNotContain("darn"));
        assertThat(heard.hypotheses).extracting(Hypothesis::text).contains("so the");
        RecognitionResult result = heard.onlyResult();
        assertThat(result.displayText()).isEqualTo("So the **** thing broke.");
        assertThat(result.best().forms().lexical()).isEqualTo("so the darn thing broke");
        assertThat(result.best().words()).extracting(Word::text).contains("darn");
    }

    @Test
    void removedProfanityIsStrippedFromHypotheses() {
        StreamingRecognizer r = recognizer(RecognizerConfig.builder()
                .profanity(ProfanityMode.REMOVED).profanityLexicon(Set.of("darn")));
        r.schedule(new Utterance("so the darn thing broke", 1000, 1500L, null, null));
        r.advanceTo(5000);

        assertThat(heard.hypotheses).extracting(Hypothesis::text).contains("so the thing broke");
        assertThat(heard.onlyResult().displayText()).isEqualTo("So the thing broke.");
    }

    @Test
    void hypothesesUseTheWrittenFormInLowerCase() {
        StreamingRecognizer r = recognizer();
        r.schedule(new Utterance("Send twenty five dollars", 0, 1200L, null, null));
        r.advanceTo(3000);
        assertThat(heard.hypotheses).extracting(Hypothesis::text).contains("send", "send 25");
        Hypothesis last = heard.hypotheses.get(heard.hypotheses.size() - 1);
        assertThat(last.offsetTicks()).isZero();
        assertThat(last.durationTicks()).isEqualTo(Ticks.fromMillis(1200 - 1200 % 300));
    }

    @Test
    void finishMakesThePhraseInProgressFinal() {
        StreamingRecognizer r = recognizer();
        r.schedule(Utterance.at(1000, "I would like to pay my bill")); // speech until 2820
        r.advanceTo(2000);
        r.finish();

        RecognitionResult result = heard.onlyResult();
        assertThat(result.durationTicks()).isEqualTo(Ticks.fromMillis(1000));
        assertThat(result.displayText()).isEqualTo("I would like to.");
        assertThat(r.isDone()).isTrue();
        r.finish();
        assertThat(heard.results).hasSize(1);
    }

    @Test
    void failureGivesAnErrorResultAndEndsRecognition() {
        StreamingRecognizer r = recognizer();
        r.advanceTo(1200);
        r.fail("speech backend unavailable");
        r.schedule(Utterance.at(2000, "hello"));
        r.advanceTo(10_000);

        RecognitionResult result = heard.onlyResult();
        assertThat(result.status()).isEqualTo(RecognitionStatus.ERROR);
        assertThat(result.errorDetails()).isEqualTo("speech backend unavailable");
        assertThat(result.offsetTicks()).isEqualTo(Ticks.fromMillis(1200));
        assertThat(r.isDone()).isTrue();
    }

    @Test
    void aSingleShotIgnoresInputAfterItsResult() {
        StreamingRecognizer r = recognizer();
        r.schedule(Utterance.at(0, "yes"));
        r.advanceTo(2000);
        r.pushFrame(new short[320], 0);
        r.schedule(Utterance.at(3000, "no"));
        r.advanceTo(6000);
        assertThat(heard.results).hasSize(1);
        assertThat(r.positionMillis()).isEqualTo(6000);
    }

    @Test
    void refusesOverlappingPastOrMisplacedInput() {
        StreamingRecognizer r = recognizer();
        r.schedule(new Utterance("yes", 1000, 500L, null, null));
        assertThatThrownBy(() -> r.schedule(Utterance.at(1200, "no")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("the input already scheduled ends (1500 ms)");
        r.advanceTo(1000);
        assertThatThrownBy(() -> r.advanceTo(999))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot go back");
        assertThatThrownBy(() -> r.pushFrame(new short[100], 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("320 samples");
        assertThatThrownBy(() -> r.pushFrame(new byte[640], 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("640 bytes");
        assertThatThrownBy(() -> new Utterance("x", -1, null, null, null)).hasMessageContaining("negative");
        assertThatThrownBy(() -> new Utterance("x", 0, 0L, null, null)).hasMessageContaining("positive");
        assertThatThrownBy(() -> new Utterance("x", 0, null, 1.5, null)).hasMessageContaining("0..1");
        assertThatThrownBy(() -> new Utterance(null, 0, null, null, null)).hasMessageContaining("text");
    }

    @Test
    void refusesInvalidConfiguration() {
        assertThatThrownBy(() -> RecognizerConfig.builder().segmentationSilenceTimeoutMs(50).build())
                .hasMessageContaining("100..5000");
        assertThatThrownBy(() -> RecognizerConfig.builder().segmentationSilenceTimeoutMs(6000).build())
                .hasMessageContaining("100..5000");
        assertThatThrownBy(() -> RecognizerConfig.builder().initialSilenceTimeoutMs(-1).build())
                .hasMessageContaining("initialSilenceTimeoutMs");
        assertThatThrownBy(() -> RecognizerConfig.builder().locale("en").build()).hasMessageContaining("no region");
        assertThatThrownBy(() -> RecognizerConfig.builder().locale("xx-YY").build()).hasMessageContaining("not a supported");
    }
}
