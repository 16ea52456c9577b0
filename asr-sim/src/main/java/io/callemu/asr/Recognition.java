package io.callemu.asr;

import io.callemu.asr.text.TextForms;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One recognition running on a {@link SpeakerStream}: a continuous transcription, a single-shot
 * recognize, a Speech REST request or WebSocket turn. It has its own configuration, timers and
 * {@link RecognitionListener}; every offset it reports counts from its own start, in 100-ns ticks.
 * Make one with {@link SpeakerStream#startRecognition}.
 *
 * <p>It hears speech that starts at or after its start: speech already going on when it starts (or
 * detected later but dated before its start) is not heard at all, neither its words nor as speech; the
 * initial-silence timer runs on through it. Noise going on when it starts counts from its start.
 *
 * <p>Like its stream it is single-threaded: call it on the thread that feeds the stream, or from a
 * listener callback. A single shot is done after its one result; {@link #cancel()}, {@link #fail} and
 * {@link #finish()} end any recognition. A done recognition ignores everything and is dropped by its stream.
 */
public final class Recognition {

    private static final long SEED_MIX = 0x9E3779B97F4A7C15L;

    private final SpeakerStream stream;
    private final RecognizerConfig config;
    private final RecognitionListener listener;
    private final long startMs;
    private final long originTicks;
    private final Segmenter segmenter;
    /** Words whose midpoint is at or before this were taken by an earlier phrase, or said before the start. */
    private long takenTicks;
    /** Speech going on began before this recognition started: it is not heard. */
    private boolean ignoringSpeech;
    private long phraseStartMs;
    private int phraseIndex;

    Recognition(SpeakerStream stream, RecognizerConfig config, RecognitionListener listener, long startMs, Activity now) {
        if (config == null || listener == null) {
            throw new IllegalArgumentException("a recognition needs a configuration and a listener");
        }
        this.stream = stream;
        this.config = config;
        this.listener = listener;
        this.startMs = startMs;
        this.originTicks = Ticks.fromMillis(startMs);
        this.takenTicks = originTicks;
        this.segmenter = new Segmenter(config, new Decisions(), startMs);
        this.ignoringSpeech = now == Activity.SPEECH;
        if (now == Activity.NOISE) {
            segmenter.noiseStarted(startMs);
        }
    }

    /** Where on the stream timeline this recognition started; its offsets count from here. */
    public long startMillis() {
        return startMs;
    }

    public RecognizerConfig config() {
        return config;
    }

    /** True once it produced its last result, or was finished, failed or cancelled. */
    public boolean isDone() {
        return segmenter.isDone();
    }

    /**
     * Starts (or restarts) the initial-silence and babble timers at {@code streamMillis}, for a
     * configuration with {@link RecognizerConfig#initialSilenceTimerDeferred()}: ACS counts the
     * initial silence from the end of the prompt. Ignored once done or while a phrase is in progress.
     *
     * @throws IllegalArgumentException when {@code streamMillis} lies before the stream's current time
     */
    public void startInitialSilenceTimer(long streamMillis) {
        long now = stream.now();
        if (streamMillis < now) {
            throw new IllegalArgumentException("the initial-silence timer cannot start in the past: " + streamMillis
                    + " ms is before the stream time " + now + " ms");
        }
        if (!isDone()) {
            segmenter.startWaitingTimers(streamMillis);
        }
    }

    /**
     * The input is over for this recognition (a REST body ended, the caller hung up): the phrase in
     * progress is final now, a single shot that heard no speech times out (a BabbleTimeout when at
     * least half the wait was noise), and nothing is recognised afterwards.
     */
    public void finish() {
        if (isDone()) {
            return;
        }
        long now = stream.now();
        segmenter.endOfAudio(now, stream.speechEndIfInputStopsAt(now));
        segmenter.stop();
    }

    /** The recognition fails now: an {@link RecognitionStatus#ERROR} result, then nothing more. */
    public void fail(String details) {
        if (isDone()) {
            return;
        }
        segmenter.stop();
        listener.recognized(RecognitionResult.withoutSpeech(RecognitionStatus.ERROR, Ticks.fromMillis(stream.now()) - originTicks,
                0, stream.speakerRawId(), details));
    }

    /** Stops without a result (an ACS cancel, the other input type won a speechOrDtmf recognize). */
    public void cancel() {
        segmenter.stop();
    }

    // --- driven by the stream ---

    /** The speaker's input changed from {@code from} to {@code to} at {@code atMs}. */
    void activityChanged(Activity from, Activity to, long atMs) {
        if (isDone()) {
            return;
        }
        if (ignoringSpeech) {
            if (to == Activity.SPEECH) {
                return;
            }
            ignoringSpeech = false;
            from = Activity.SILENCE;
        }
        if (from == Activity.NOISE) {
            segmenter.noiseEnded(atMs);
        } else if (from == Activity.SPEECH) {
            segmenter.speechEnded(atMs);
        }
        if (to == Activity.SPEECH) {
            if (atMs < startMs && !segmenter.inPhrase()) {
                ignoringSpeech = true; // detected after the start but dated before it
            } else {
                segmenter.speechStarted(atMs);
            }
        } else if (to == Activity.NOISE) {
            segmenter.noiseStarted(atMs);
        }
    }

    long nextDeadline() {
        return segmenter.nextDeadline();
    }

    void advance(long toMs) {
        segmenter.advance(toMs);
    }

    /** The earliest stream tick whose words this recognition may still need. */
    long horizonTicks() {
        if (isDone()) {
            return Long.MAX_VALUE;
        }
        return segmenter.inPhrase() ? Math.min(Ticks.fromMillis(phraseStartMs), takenTicks) : takenTicks;
    }

    /** Turns the segmenter's timing decisions into listener events with content. */
    private final class Decisions implements Segmenter.Sink {

        @Override
        public void phraseStarted(long startMs) {
            phraseStartMs = startMs;
            listener.speechStarted(Ticks.fromMillis(startMs) - originTicks);
        }

        @Override
        public void hypothesisDue(long phraseStartMs, long atMs) {
            List<SpokenWord> heard = fromPhraseStart(stream.words().heardBy(Ticks.fromMillis(phraseStartMs),
                    Ticks.fromMillis(atMs), takenTicks), Ticks.fromMillis(phraseStartMs));
            if (heard.isEmpty()) {
                return;
            }
            List<String> lexical = new ArrayList<>(heard.size());
            List<Word> timed = new ArrayList<>(heard.size());
            for (SpokenWord w : heard) {
                lexical.add(w.text());
                timed.add(w.toWord(originTicks));
            }
            String text = TextForms.hypothesisText(lexical, config.profanity());
            if (text == null) {
                return;
            }
            listener.hypothesis(new Hypothesis(text, Ticks.fromMillis(phraseStartMs) - originTicks,
                    Ticks.fromMillis(atMs - phraseStartMs), timed, heard.get(0).source().speakerRawId()));
        }

        @Override
        public void phraseEnded(long startMs, long speechEndMs, long atMs) {
            long startTicks = Ticks.fromMillis(startMs);
            long endTicks = Ticks.fromMillis(speechEndMs);
            List<SpokenWord> said = fromPhraseStart(stream.words().phrase(startTicks, endTicks, takenTicks), startTicks);
            takenTicks = Math.max(takenTicks, endTicks);
            long offset = startTicks - originTicks;
            long duration = endTicks - startTicks;
            listener.speechEnded(endTicks - originTicks);
            String speaker = said.isEmpty() ? stream.speakerRawId() : said.get(0).source().speakerRawId();
            RecognitionResult result = said.isEmpty() ? null : success(said, offset, duration, speaker);
            listener.recognized(result != null ? result
                    : RecognitionResult.withoutSpeech(RecognitionStatus.NO_MATCH, offset, duration, speaker, null));
        }

        @Override
        public void noSpeech(RecognitionStatus status, long atMs) {
            takenTicks = Math.max(takenTicks, Ticks.fromMillis(atMs));
            listener.recognized(RecognitionResult.withoutSpeech(status, Ticks.fromMillis(atMs) - originTicks, 0,
                    stream.speakerRawId(), null));
        }

        /**
         * The words with none starting before the phrase: a word the detector cut into (its middle in the
         * phrase, its start before) starts with the phrase, as the phrase's own offset does.
         */
        private List<SpokenWord> fromPhraseStart(List<SpokenWord> words, long phraseStartTicks) {
            if (words.isEmpty() || words.get(0).startTicks() >= phraseStartTicks) {
                return words;
            }
            List<SpokenWord> out = new ArrayList<>(words.size());
            for (SpokenWord w : words) {
                out.add(w.startTicks() >= phraseStartTicks ? w
                        : new SpokenWord(w.text(), phraseStartTicks, Math.max(w.endTicks(), phraseStartTicks), w.source()));
            }
            return out;
        }

        private boolean saidByOneSource(List<SpokenWord> said) {
            for (SpokenWord w : said) {
                if (w.source() != said.get(0).source()) {
                    return false;
                }
            }
            return true;
        }

        /** A Success, or null when nothing is left to show (profanity alone, removed). */
        private RecognitionResult success(List<SpokenWord> said, long offset, long duration, String speaker) {
            Map<String, String> casing = said.get(0).source().casing();
            if (!saidByOneSource(said)) {
                Map<String, String> merged = new HashMap<>();
                said.forEach(w -> w.source().casing().forEach(merged::putIfAbsent));
                casing = merged;
            }
            SplittableRandom random = new SplittableRandom(config.seed() + SEED_MIX * ++phraseIndex);
            List<NBestEntry> nBest = Alternatives.of(said, casing, config.profanity(), said.get(0).source().confidence(),
                    random, originTicks);
            if (nBest.get(0).forms().isBlank()) {
                return null;
            }
            return new RecognitionResult(RecognitionStatus.SUCCESS, offset, duration, nBest, speaker, null);
        }
    }
}
