package io.callemu.asr;

/**
 * The timing half of recognition, on the stream clock only: it learns when speech starts and stops
 * and how much noise was heard, and decides when a phrase starts, when a hypothesis is due, when a
 * phrase is final (after the segmentation silence, or forced at the maximum phrase length) and when
 * waiting for speech ends in a timeout. What the phrase says is the {@link Sink}'s business.
 *
 * <p>Deadlines fire in time order at their exact time; when several fall on the same millisecond a
 * final wins over a hypothesis, and babble over initial silence. Speech that starts exactly at the
 * initial-silence deadline is too late.
 */
final class Segmenter {

    /** Receives the timing decisions. */
    interface Sink {
        void phraseStarted(long startMs);

        void hypothesisDue(long phraseStartMs, long atMs);

        /** The phrase spoke from {@code startMs} to {@code speechEndMs}; decided at {@code atMs}. */
        void phraseEnded(long startMs, long speechEndMs, long atMs);

        /** Waiting for speech ended without any: an initial-silence or babble timeout. */
        void noSpeech(RecognitionStatus status, long atMs);
    }

    private static final long NEVER = Long.MAX_VALUE;

    private final RecognizerConfig config;
    private final Sink sink;

    private long nowMs;
    private boolean done;
    // waiting for speech
    private long waitStartMs;
    private long noiseMs;
    private long babbleAtMs = NEVER;
    // a phrase in progress
    private boolean inPhrase;
    private long phraseStartMs;
    private int activeSources;
    private long lastSpeechEndMs;
    private long nextHypothesisMs;

    Segmenter(RecognizerConfig config, Sink sink) {
        this.config = config;
        this.sink = sink;
    }

    boolean isDone() {
        return done;
    }

    long nowMillis() {
        return nowMs;
    }

    /** Speech from one source starts at {@code atMs} (which may lie slightly in the past: detection lags). */
    void speechStarted(long atMs) {
        if (done) {
            return;
        }
        activeSources++;
        if (activeSources > 1) {
            return;
        }
        if (!inPhrase) {
            inPhrase = true;
            phraseStartMs = Math.max(atMs, waitStartMs);
            nextHypothesisMs = phraseStartMs + config.hypothesisIntervalMs();
            sink.phraseStarted(phraseStartMs);
        }
        // hypotheses come only while speech goes on: the ticks of a pause are skipped, not caught up
        while (nextHypothesisMs <= nowMs) {
            nextHypothesisMs += config.hypothesisIntervalMs();
        }
    }

    /** Speech from one source stopped at {@code atMs}. */
    void speechEnded(long atMs) {
        if (done || activeSources == 0) {
            return;
        }
        activeSources--;
        if (activeSources == 0) {
            lastSpeechEndMs = Math.max(atMs, phraseStartMs);
        }
    }

    /** Noise (audio that is neither silence nor speech) was heard from {@code fromMs} to {@code toMs}. */
    void noise(long fromMs, long toMs) {
        if (done || inPhrase || config.babbleTimeoutMs() == 0) {
            return;
        }
        noiseMs += toMs - fromMs;
        if (babbleAtMs == NEVER && noiseMs >= config.babbleTimeoutMs()) {
            babbleAtMs = toMs - (noiseMs - config.babbleTimeoutMs());
        }
    }

    /** Lets stream time pass to {@code toMs}, firing every deadline up to and including it. */
    void advance(long toMs) {
        while (!done) {
            long due = nextDeadline();
            if (due > toMs) {
                break;
            }
            fire(due);
        }
        nowMs = Math.max(nowMs, toMs);
    }

    /** The audio ended at {@code atMs}: the phrase in progress is final now, or a single shot times out. */
    void endOfAudio(long atMs) {
        advance(atMs);
        if (done) {
            return;
        }
        if (inPhrase) {
            long speechEnd = activeSources > 0 ? atMs : lastSpeechEndMs;
            activeSources = 0;
            endPhrase(speechEnd, atMs);
        } else if (!config.continuous()) {
            long waited = atMs - waitStartMs;
            timeout(waited > 0 && noiseMs * 2 >= waited
                    ? RecognitionStatus.BABBLE_TIMEOUT : RecognitionStatus.INITIAL_SILENCE_TIMEOUT, atMs);
        }
        done = true;
    }

    /** Ends recognition now (an error was reported); nothing fires afterwards. */
    void stop() {
        done = true;
    }

    private long nextDeadline() {
        if (!inPhrase) {
            long initial = config.initialSilenceTimeoutMs() == 0 ? NEVER : waitStartMs + config.initialSilenceTimeoutMs();
            return Math.min(initial, babbleAtMs);
        }
        long cap = phraseStartMs + config.maxPhraseMs();
        if (activeSources > 0) {
            return Math.min(cap, nextHypothesisMs);
        }
        return Math.min(cap, lastSpeechEndMs + config.segmentationSilenceTimeoutMs());
    }

    private void fire(long due) {
        if (!inPhrase) {
            timeout(due == babbleAtMs ? RecognitionStatus.BABBLE_TIMEOUT : RecognitionStatus.INITIAL_SILENCE_TIMEOUT, due);
            return;
        }
        long cap = phraseStartMs + config.maxPhraseMs();
        if (due == cap) {
            forceFinal(cap);
        } else if (activeSources > 0) {
            sink.hypothesisDue(phraseStartMs, due);
            nextHypothesisMs += config.hypothesisIntervalMs();
        } else {
            endPhrase(lastSpeechEndMs, due);
        }
    }

    /** The phrase reached its maximum length: it is final at the cap, and speech still going on starts the next one. */
    private void forceFinal(long cap) {
        boolean stillSpeaking = activeSources > 0;
        int sources = activeSources;
        activeSources = 0;
        endPhrase(stillSpeaking ? cap : lastSpeechEndMs, cap);
        if (stillSpeaking && !done) {
            speechStarted(cap);
            activeSources = sources;
        }
    }

    private void endPhrase(long speechEndMs, long atMs) {
        inPhrase = false;
        sink.phraseEnded(phraseStartMs, speechEndMs, atMs);
        restartWaiting(atMs);
    }

    private void timeout(RecognitionStatus status, long atMs) {
        sink.noSpeech(status, atMs);
        restartWaiting(atMs);
    }

    private void restartWaiting(long atMs) {
        if (!config.continuous()) {
            done = true;
        }
        waitStartMs = atMs;
        noiseMs = 0;
        babbleAtMs = NEVER;
    }
}
