package io.callemu.asr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import io.callemu.asr.audio.G711;
import io.callemu.asr.audio.PcmAudio;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One speaker's stream with several recognitions on it, each with its own timers, on the stream clock
 * only: what a call participant's transcription and recognize actions get.
 */
class SpeakerStreamTest {

    private static final String CALLER = "4:+15551234567";

    private final SpeakerStream stream = new SpeakerStream(StreamSettings.of(CALLER));

    private static RecognizerConfig.Builder singleShot() {
        return RecognizerConfig.builder();
    }

    private static RecognizerConfig.Builder continuous() {
        return RecognizerConfig.builder().continuous(true).initialSilenceTimeoutMs(0);
    }

    @Test
    void aTranscriptionAndARecognizeHearTheSameSpeechEachFromItsOwnStart() {
        RecordingListener transcription = new RecordingListener();
        stream.startRecognition(continuous().build(), transcription);
        stream.advanceTo(2000);
        RecordingListener recognize = new RecordingListener();
        stream.startRecognition(singleShot().build(), recognize);
        stream.schedule(new Utterance("I want to pay my bill", 3000, 1500L, 0.9, null));
        stream.advanceTo(8000);

        RecognitionResult fromTranscription = transcription.onlyResult();
        RecognitionResult fromRecognize = recognize.onlyResult();
        assertThat(fromTranscription.displayText()).isEqualTo("I want to pay my bill.").isEqualTo(fromRecognize.displayText());
        assertThat(fromTranscription.offsetTicks()).isEqualTo(Ticks.fromMillis(3000));
        assertThat(fromRecognize.offsetTicks()).as("counted from the recognize's start").isEqualTo(Ticks.fromMillis(1000));
        assertThat(fromRecognize.best().words().get(0).offsetTicks()).isEqualTo(Ticks.fromMillis(1000));
        assertThat(fromTranscription.best().words().get(0).offsetTicks()).isEqualTo(Ticks.fromMillis(3000));
        assertThat(fromRecognize.durationTicks()).isEqualTo(fromTranscription.durationTicks()).isEqualTo(Ticks.fromMillis(1500));
        assertThat(fromRecognize.speakerRawId()).isEqualTo(CALLER);
        assertThat(fromRecognize.best().confidence()).isEqualTo(0.9);
        assertThat(transcription.hypotheses).isNotEmpty();
        assertThat(recognize.ends).containsExactly(Ticks.fromMillis(2500));
        assertThat(stream.activeRecognitions()).as("the single shot is done").isEqualTo(1);
    }

    @Test
    void theInitialSilenceTimerOfARecognizeCanStartAfterItsPrompt() {
        RecordingListener heard = new RecordingListener();
        stream.advanceTo(1000);
        Recognition recognize = stream.startRecognition(singleShot().initialSilenceTimeoutMs(2000)
                .initialSilenceTimerDeferred(true).build(), heard);
        stream.advanceTo(20_000);
        assertThat(heard.results).as("no timer while the prompt plays").isEmpty();
        assertThat(stream.nextEventMillis()).isEqualTo(SpeakerStream.NO_EVENT);

        recognize.startInitialSilenceTimer(24_000); // the prompt ends at 24 s
        assertThat(stream.nextEventMillis()).isEqualTo(26_000);
        stream.advanceTo(25_999);
        assertThat(heard.results).isEmpty();
        stream.advanceTo(26_000);
        assertThat(heard.onlyResult().status()).isEqualTo(RecognitionStatus.INITIAL_SILENCE_TIMEOUT);
        assertThat(heard.onlyResult().offsetTicks()).isEqualTo(Ticks.fromMillis(25_000));
        assertThat(recognize.isDone()).isTrue();
    }

    @Test
    void speechDuringThePromptIsHeardBeforeTheTimerStarts() {
        RecordingListener heard = new RecordingListener();
        stream.startRecognition(singleShot().initialSilenceTimerDeferred(true).build(), heard);
        stream.schedule(Utterance.at(1500, "cancel"));
        stream.advanceTo(10_000);
        assertThat(heard.onlyResult().displayText()).isEqualTo("Cancel.");
        assertThat(heard.starts).containsExactly(Ticks.fromMillis(1500));
    }

    @Test
    void theInitialSilenceTimerCannotStartInThePast() {
        stream.advanceTo(5000);
        Recognition r = stream.startRecognition(singleShot().initialSilenceTimerDeferred(true).build(), new RecordingListener());
        assertThatThrownBy(() -> r.startInitialSilenceTimer(4999)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("in the past");
    }

    @Test
    void theEndSilenceOfARecognizeDecidesWhenItsPhraseIsFinal() {
        RecordingListener long1 = new RecordingListener();
        RecordingListener zero = new RecordingListener();
        stream.startRecognition(singleShot().endSilenceTimeoutMs(1000).build(), long1);
        stream.startRecognition(singleShot().endSilenceTimeoutMs(0).build(), zero);
        stream.schedule(new Utterance("yes", 1000, 400L, null, null));
        stream.schedule(new Utterance("please", 2200, 400L, null, null)); // an 800 ms pause
        stream.advanceTo(1400);
        assertThat(zero.results).as("no end silence: final at the end of speech").hasSize(1);
        assertThat(zero.onlyResult().displayText()).isEqualTo("Yes.");
        stream.advanceTo(3599);
        assertThat(long1.results).isEmpty();
        stream.advanceTo(3600);
        assertThat(long1.onlyResult().displayText()).isEqualTo("Yes please.");
        assertThat(long1.onlyResult().durationTicks()).isEqualTo(Ticks.fromMillis(1600));
    }

    @Test
    void endSilenceIsForSingleShotsWithinAMinute() {
        assertThatThrownBy(() -> continuous().endSilenceTimeoutMs(500).build()).hasMessageContaining("single-shot");
        assertThatThrownBy(() -> singleShot().endSilenceTimeoutMs(60_001).build()).hasMessageContaining("0..60000");
        assertThat(singleShot().build().endSilenceTimeoutMs()).isEqualTo(RecognizerConfig.DEFAULT_SEGMENTATION_SILENCE_MS);
    }

    @Test
    void eachTranscriptionSegmentsWithItsOwnSilence() {
        RecordingListener fine = new RecordingListener();
        RecordingListener coarse = new RecordingListener();
        stream.startRecognition(continuous().segmentationSilenceTimeoutMs(300).build(), fine);
        stream.startRecognition(continuous().build(), coarse);
        stream.schedule(new Utterance("yes", 1000, 300L, null, null));
        stream.schedule(new Utterance("please", 1700, 400L, null, null)); // 400 ms pause
        stream.advanceTo(5000);

        assertThat(fine.results).extracting(RecognitionResult::displayText).containsExactly("Yes.", "Please.");
        assertThat(coarse.results).extracting(RecognitionResult::displayText).containsExactly("Yes please.");
    }

    @Test
    void noiseWithoutSpeechEndsARecognizeInABabbleTimeoutWhileTheTranscriptionWaits() {
        RecordingListener recognize = new RecordingListener();
        RecordingListener transcription = new RecordingListener();
        stream.startRecognition(singleShot().babbleTimeoutMs(3000).build(), recognize);
        stream.startRecognition(continuous().build(), transcription);
        stream.schedule(new AudioClip(PcmAudio.of(TestAudio.noise(6_000, -30, 9)), 1000, null, null));
        assertThat(stream.nextEventMillis()).isEqualTo(1000);
        stream.advanceTo(8000);

        assertThat(recognize.onlyResult().status()).isEqualTo(RecognitionStatus.BABBLE_TIMEOUT);
        assertThat(recognize.onlyResult().offsetTicks()).isEqualTo(Ticks.fromMillis(4000));
        assertThat(transcription.events).as("a transcription without babble timeout ignores noise").isEmpty();
    }

    @Test
    void noiseBeforeADeferredTimerStartsDoesNotCount() {
        RecordingListener heard = new RecordingListener();
        Recognition r = stream.startRecognition(singleShot().babbleTimeoutMs(3000).initialSilenceTimerDeferred(true).build(), heard);
        stream.schedule(new AudioClip(PcmAudio.of(TestAudio.noise(8_000, -30, 9)), 0, null, null));
        stream.advanceTo(4000);
        assertThat(heard.results).isEmpty();
        r.startInitialSilenceTimer(4000);
        stream.advanceTo(10_000);
        assertThat(heard.onlyResult().status()).isEqualTo(RecognitionStatus.BABBLE_TIMEOUT);
        assertThat(heard.onlyResult().offsetTicks()).isEqualTo(Ticks.fromMillis(7000));
    }

    @Test
    void speechLongerThanFifteenSecondsEndsARecognizeAndSplitsATranscription() {
        RecordingListener recognize = new RecordingListener();
        RecordingListener transcription = new RecordingListener();
        stream.startRecognition(singleShot().build(), recognize);
        stream.startRecognition(continuous().build(), transcription);
        stream.schedule(new Utterance("one two three four five six seven eight nine ten", 1000, 20_000L, null, null));
        stream.advanceTo(30_000);

        assertThat(recognize.onlyResult().durationTicks()).isEqualTo(Ticks.fromMillis(15_000));
        assertThat(recognize.ends).containsExactly(Ticks.fromMillis(16_000));
        assertThat(transcription.results).hasSize(2);
        assertThat(transcription.starts).containsExactly(Ticks.fromMillis(1000), Ticks.fromMillis(16_000));
        List<String> words = new ArrayList<>();
        transcription.results.forEach(r -> r.best().words().forEach(w -> words.add(w.text())));
        assertThat(words).as("every word once, across the cut")
                .containsExactly("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten");
    }

    @Test
    void aCancelledRecognitionSaysNothingMoreAndTheOthersGoOn() {
        RecordingListener cancelled = new RecordingListener();
        RecordingListener other = new RecordingListener();
        Recognition r = stream.startRecognition(singleShot().initialSilenceTimeoutMs(3000).build(), cancelled);
        stream.startRecognition(singleShot().initialSilenceTimeoutMs(4000).build(), other);
        assertThat(stream.nextEventMillis()).isEqualTo(3000);
        stream.advanceTo(1000);
        r.cancel();
        assertThat(r.isDone()).isTrue();
        assertThat(stream.nextEventMillis()).isEqualTo(4000);
        stream.advanceTo(10_000);
        assertThat(cancelled.events).isEmpty();
        assertThat(other.onlyResult().status()).isEqualTo(RecognitionStatus.INITIAL_SILENCE_TIMEOUT);
        assertThat(stream.activeRecognitions()).isZero();
    }

    @Test
    void aRecognitionStartedDuringSpeechDoesNotHearItButHearsTheNext() {
        stream.schedule(new Utterance("first thing", 1000, 2000L, null, null));
        stream.schedule(new Utterance("second thing", 4000, 1000L, null, null));
        stream.advanceTo(2000);
        RecordingListener late = new RecordingListener();
        stream.startRecognition(singleShot().build(), late);
        stream.advanceTo(10_000);

        assertThat(late.onlyResult().displayText()).isEqualTo("Second thing.");
        assertThat(late.onlyResult().offsetTicks()).isEqualTo(Ticks.fromMillis(2000));
        assertThat(late.starts).containsExactly(Ticks.fromMillis(2000));
    }

    @Test
    void theInitialSilenceTimerRunsThroughSpeechThatBeganBeforeTheStart() {
        stream.schedule(new Utterance("a long story", 0, 6000L, null, null));
        stream.advanceTo(1000);
        RecordingListener late = new RecordingListener();
        stream.startRecognition(singleShot().initialSilenceTimeoutMs(2000).build(), late);
        stream.advanceTo(10_000);
        assertThat(late.onlyResult().status()).isEqualTo(RecognitionStatus.INITIAL_SILENCE_TIMEOUT);
        assertThat(late.onlyResult().offsetTicks()).isEqualTo(Ticks.fromMillis(2000));
    }

    @Test
    void liveSpeechDetectedAfterTheStartButDatedBeforeItIsNotHeard() {
        PcmAudio clip = TestAudio.fixture("yes.wav");
        short[] audio = TestAudio.padded(clip, 500, 1500);
        RecordingListener late = new RecordingListener();
        for (int off = 0; off + 320 <= audio.length; off += 320) {
            if (off == 16 * 540) { // 40 ms into the speech, before the detector has declared it
                stream.startRecognition(singleShot().initialSilenceTimeoutMs(1000).build(), late);
            }
            stream.pushFrame(audio, off);
        }
        stream.advanceTo(5000);
        assertThat(late.starts).isEmpty();
        assertThat(late.onlyResult().status()).isEqualTo(RecognitionStatus.INITIAL_SILENCE_TIMEOUT);
    }

    @ParameterizedTest
    @EnumSource(G711.class)
    void g711FramesFromRtpAreRecognisedWithTheirTranscript(G711 law) {
        PcmAudio clip = TestAudio.fixture("bill.wav");
        byte[] rtpAudio = TestAudio.g711(TestAudio.padded(clip, 1000, 1000), law);
        RecordingListener heard = new RecordingListener();
        stream.startRecognition(singleShot().build(), heard);
        stream.expectTranscript("I would like to pay my bill", null);
        for (int off = 0; off + 160 <= rtpAudio.length; off += 160) {
            stream.pushG711(law, rtpAudio, off, 160);
        }

        RecognitionResult result = heard.onlyResult();
        assertThat(result.displayText()).isEqualTo("I would like to pay my bill.");
        assertThat(result.speakerRawId()).isEqualTo(CALLER);
        assertThat(result.offsetTicks() / Ticks.PER_MILLISECOND).isCloseTo(1000L, offset(60L));
        assertThat((result.offsetTicks() + result.durationTicks()) / Ticks.PER_MILLISECOND)
                .isCloseTo(1000L + clip.durationMillis(), offset(150L));
        assertThat(stream.positionMillis()).isEqualTo(rtpAudio.length / 160 * 20L);
    }

    @Test
    void aTranscriptionAndARecognizeOnLiveFramesShareTheQueuedTranscript() {
        PcmAudio clip = TestAudio.fixture("digits.wav");
        short[] audio = TestAudio.withNoise(TestAudio.padded(clip, 600, 1000), clip, 20, 4);
        RecordingListener transcription = new RecordingListener();
        RecordingListener recognize = new RecordingListener();
        stream.startRecognition(continuous().build(), transcription);
        stream.startRecognition(singleShot().endSilenceTimeoutMs(800).build(), recognize);
        stream.expectTranscript("one two three four", null);
        for (int off = 0; off + 320 <= audio.length; off += 320) {
            stream.pushFrame(audio, off);
        }
        stream.advanceTo(stream.positionMillis() + 1000);

        assertThat(transcription.onlyResult().displayText()).isEqualTo("1234.");
        assertThat(recognize.onlyResult().displayText()).isEqualTo("1234.");
        assertThat(recognize.onlyResult().best().words()).isEqualTo(transcription.onlyResult().best().words());
    }

    @Test
    void noiseGoingOnWhenARecognitionStartsCountsFromItsStart() {
        stream.schedule(new AudioClip(PcmAudio.of(TestAudio.noise(10_000, -30, 9)), 0, null, null));
        stream.advanceTo(2000);
        RecordingListener heard = new RecordingListener();
        stream.startRecognition(singleShot().babbleTimeoutMs(3000).build(), heard);
        stream.advanceTo(10_000);
        assertThat(heard.onlyResult().status()).isEqualTo(RecognitionStatus.BABBLE_TIMEOUT);
        assertThat(heard.onlyResult().offsetTicks()).isEqualTo(Ticks.fromMillis(3000));
    }

    @Test
    void aTranscriptionWithoutIntermediateResultsSendsNoHypotheses() {
        RecordingListener heard = new RecordingListener();
        stream.startRecognition(continuous().hypotheses(false).build(), heard);
        stream.schedule(Utterance.at(500, "I would like to pay my bill"));
        assertThat(stream.nextEventMillis()).isEqualTo(500);
        stream.advanceTo(500);
        assertThat(stream.nextEventMillis()).as("the end of the utterance, no hypothesis on the way").isEqualTo(2320);
        stream.advanceTo(5000);
        assertThat(heard.hypotheses).isEmpty();
        assertThat(heard.onlyResult().displayText()).isEqualTo("I would like to pay my bill.");
    }

    @Test
    void aStereoWavClipIsRecognisedAsItsMonoTwin() {
        RecordingListener stereo = new RecordingListener();
        SpeakerStream s1 = new SpeakerStream(StreamSettings.of(CALLER));
        s1.startRecognition(singleShot().build(), stereo);
        s1.schedule(new AudioClip(PcmAudio.of(TestAudio.padded(TestAudio.fixture("yes-stereo.wav"), 500, 500)), 700, "yes",
                "8:acs:other"));
        s1.advanceTo(4000);
        RecordingListener mono = new RecordingListener();
        SpeakerStream s2 = new SpeakerStream(StreamSettings.of(CALLER));
        s2.startRecognition(singleShot().build(), mono);
        s2.schedule(new AudioClip(PcmAudio.of(TestAudio.padded(TestAudio.fixture("yes.wav"), 500, 500)), 700, "yes",
                "8:acs:other"));
        s2.advanceTo(4000);

        assertThat(stereo.onlyResult().displayText()).isEqualTo("Yes.");
        assertThat(stereo.onlyResult().speakerRawId()).isEqualTo("8:acs:other");
        assertThat(stereo.onlyResult().offsetTicks()).isEqualTo(mono.onlyResult().offsetTicks());
        assertThat(stereo.onlyResult().durationTicks()).isEqualTo(mono.onlyResult().durationTicks());
        assertThat(stereo.onlyResult().offsetTicks() / Ticks.PER_MILLISECOND).isCloseTo(1200L, offset(60L));
    }

    @Test
    void jumpingFromEventToEventGivesExactlyWhatTickingEveryFrameGives() {
        List<String> ticked = run(false);
        List<String> jumped = run(true);
        assertThat(jumped).isEqualTo(ticked).isNotEmpty();
    }

    private static List<String> run(boolean jump) {
        SpeakerStream s = new SpeakerStream(StreamSettings.of(CALLER));
        List<String> events = new ArrayList<>();
        RecordingListener transcription = new RecordingListener();
        RecordingListener recognize = new RecordingListener();
        s.startRecognition(continuous().seed(3).build(), transcription);
        s.startRecognition(singleShot().seed(4).initialSilenceTimeoutMs(7000).build(), recognize);
        s.schedule(new Utterance("call me at 3:30 PM", 2000, null, null, null));
        s.schedule(new AudioClip(TestAudio.fixture("digits.wav"), 6000, "one two three four", null));
        s.schedule(new Utterance("and pay $20.50 on 3/4", 9000, null, 0.8, null));
        long end = 20_000;
        if (jump) {
            for (long next = s.nextEventMillis(); next <= end; next = s.nextEventMillis()) {
                s.advanceTo(next);
            }
            s.advanceTo(end);
        } else {
            for (long t = 20; t <= end; t += 20) {
                s.advanceTo(t);
            }
        }
        events.addAll(transcription.events);
        events.add("|");
        events.addAll(recognize.events);
        return events;
    }

    @Test
    void nextEventIsTheEarliestTimerHypothesisOrScheduledChange() {
        assertThat(stream.nextEventMillis()).isEqualTo(SpeakerStream.NO_EVENT);
        stream.startRecognition(singleShot().build(), new RecordingListener());
        assertThat(stream.nextEventMillis()).isEqualTo(5000);
        stream.schedule(new Utterance("hello there", 1000, 1000L, null, null));
        assertThat(stream.nextEventMillis()).isEqualTo(1000);
        stream.advanceTo(1000);
        assertThat(stream.nextEventMillis()).as("the first hypothesis").isEqualTo(1300);
        stream.advanceTo(1900);
        assertThat(stream.nextEventMillis()).as("the end of the utterance").isEqualTo(2000);
        stream.advanceTo(2000);
        assertThat(stream.nextEventMillis()).as("the end silence").isEqualTo(2500);
        stream.advanceTo(2500);
        assertThat(stream.nextEventMillis()).isEqualTo(SpeakerStream.NO_EVENT);
    }

    @Test
    void liveSpeechThatStopsWithTheAudioEndsAfterTheDetectorsHangover() {
        PcmAudio clip = TestAudio.fixture("yes.wav");
        short[] audio = TestAudio.padded(clip, 500, 0);
        RecordingListener heard = new RecordingListener();
        stream.startRecognition(singleShot().build(), heard);
        stream.expectTranscript("yes", null);
        for (int off = 0; off + 320 <= audio.length; off += 320) {
            stream.pushFrame(audio, off);
        }
        long speechEnd = stream.positionMillis();
        assertThat(stream.nextEventMillis()).as("no more audio: the hangover decides").isBetween(speechEnd, speechEnd + 200);
        for (long next = stream.nextEventMillis(); next != SpeakerStream.NO_EVENT; next = stream.nextEventMillis()) {
            stream.advanceTo(next);
        }
        assertThat(heard.onlyResult().displayText()).isEqualTo("Yes.");
    }

    @Test
    void anHourWithoutAudioOrTimersDoesNothing() {
        RecordingListener heard = new RecordingListener();
        stream.startRecognition(continuous().build(), heard);
        stream.advanceTo(3_600_000);
        assertThat(heard.events).isEmpty();
        assertThat(stream.nextEventMillis()).isEqualTo(SpeakerStream.NO_EVENT);
    }

    @Test
    void wordsNobodyCanHearAnyMoreAreForgotten() {
        stream.startRecognition(continuous().hypotheses(false).build(), new RecordingListener());
        for (int i = 0; i < 500; i++) {
            stream.schedule(new Utterance("I would like to pay my bill", 2000L * i, 1500L, null, null));
            stream.advanceTo(2000L * i + 1999);
        }
        assertThat(stream.words().size()).isLessThan(10);
    }

    @Test
    void finishMakesThePhraseInProgressFinalAndFailReportsAnError() {
        RecordingListener finished = new RecordingListener();
        RecordingListener failed = new RecordingListener();
        Recognition f = stream.startRecognition(singleShot().build(), finished);
        Recognition e = stream.startRecognition(singleShot().build(), failed);
        stream.schedule(new Utterance("I would like to pay my bill", 1000, 2000L, null, null));
        stream.advanceTo(2000);
        f.finish();
        e.fail("speech backend unavailable");
        stream.advanceTo(10_000);

        assertThat(finished.onlyResult().durationTicks()).isEqualTo(Ticks.fromMillis(1000));
        assertThat(finished.onlyResult().displayText()).isEqualTo("I would like to.");
        assertThat(failed.events).startsWith("start@1000").endsWith("Error@2000:");
        assertThat(failed.onlyResult().errorDetails()).isEqualTo("speech backend unavailable");
    }

    @Test
    void listenersMayStartRecognitionsButNotDriveTheStream() {
        RecordingListener second = new RecordingListener();
        List<Throwable> refused = new ArrayList<>();
        stream.startRecognition(singleShot().build(), new RecognitionListener() {
            @Override
            public void recognized(RecognitionResult result) {
            }

            @Override
            public void speechStarted(long offsetTicks) {
                stream.startRecognition(singleShot().initialSilenceTimeoutMs(3000).build(), second);
                try {
                    stream.advanceTo(stream.positionMillis() + 1);
                } catch (IllegalStateException e) {
                    refused.add(e);
                }
            }
        });
        stream.schedule(Utterance.at(1000, "hello"));
        stream.schedule(Utterance.at(2000, "goodbye"));
        stream.advanceTo(10_000);

        assertThat(refused).singleElement().extracting(Throwable::getMessage).asString().contains("must not push audio");
        assertThat(second.onlyResult().displayText()).as("started during \"hello\": hears only \"goodbye\"").isEqualTo("Goodbye.");
    }

    @Test
    void refusesInputOutOfOrderAndBadArguments() {
        stream.schedule(new Utterance("yes", 1000, 500L, null, null));
        assertThatThrownBy(() -> stream.schedule(new AudioClip(TestAudio.fixture("yes.wav"), 1200, "yes", null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already scheduled ends (1500 ms)");
        stream.advanceTo(3000);
        assertThatThrownBy(() -> stream.schedule(Utterance.at(2000, "late")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("the stream position (3000 ms)");
        assertThatThrownBy(() -> stream.advanceTo(2999)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> stream.pushG711(G711.MU_LAW, new byte[10], 0, 11)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> stream.startRecognition(null, new RecordingListener())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AudioClip(PcmAudio.of(new short[0]), 0, null, null)).hasMessageContaining("needs audio");
        assertThatThrownBy(() -> new AudioClip(PcmAudio.of(new short[1]), -1, null, null)).hasMessageContaining("negative");
        assertThatThrownBy(() -> new SpeakerStream(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
