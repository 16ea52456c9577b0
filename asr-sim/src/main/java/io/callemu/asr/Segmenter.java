package io.callemu.asr;

/**
 * The timing half of one recognition, on the stream clock only: it learns when speech starts and
 * stops and when noise is heard, and decides when a phrase starts, when a hypothesis is due, when a
 * phrase is final (after the end silence, or forced at the maximum phrase length) and when waiting
 * for speech ends in a timeout. What the phrase says is the {@link Sink}'s business.
 *
 * <p>Deadlines fire in time order at their exact time ({@link #advance}); when several fall on the
 * same millisecond a final wins over a hypothesis, and babble over initial silence. Speech that starts
 * exactly at the initial-silence deadline is too late. Noise counts towards the babble timeout only
 * while waiting for speech.
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

    static final long NEVER = Long.MAX_VALUE;

    private final RecognizerConfig config;
    private final Sink sink;
    private final long endSilenceMs;

    private long nowMs;
    private boolean done;
    // waiting for speech
    private boolean timersRunning;
    private long waitStartMs;
    private long noiseMs;
    private long noiseSinceMs = -1;
    // a phrase in progress
    private boolean inPhrase;
    private boolean speaking;
    private long phraseStartMs;
    private long lastSpeechEndMs;
    private long nextHypothesisMs;

    /** Starts waiting at {@code startMs}; the waiting timers run from then unless the configuration defers them. */
    Segmenter(RecognizerConfig config, Sink sink, long startMs) {
        this.config = config;
        this.sink = sink;
        this.endSilenceMs = config.endSilenceTimeoutMs();
        this.nowMs = startMs;
        this.waitStartMs = startMs;
        this.timersRunning = !config.initialSilenceTimerDeferred();
    }

    boolean isDone() {
        return done;
    }

    boolean inPhrase() {
        return inPhrase;
    }

    /** (Re)starts the initial-silence and babble timers at {@code atMs}: the prompt before the recognition has played. */
    void startWaitingTimers(long atMs) {
        timersRunning = true;
        if (!inPhrase) {
            waitStartMs = atMs;
            noiseMs = 0;
            if (noiseSinceMs >= 0) {
                noiseSinceMs = atMs;
            }
        }
    }

    /** Speech starts at {@code atMs} (which may lie slightly in the past: detection lags). */
    void speechStarted(long atMs) {
        if (done || speaking) {
            return;
        }
        noiseEnded(atMs);
        speaking = true;
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

    /** Speech stopped at {@code atMs}. */
    void speechEnded(long atMs) {
        if (done || !speaking) {
            return;
        }
        speaking = false;
        lastSpeechEndMs = Math.max(atMs, phraseStartMs);
    }

    /** Noise (audio that is neither silence nor speech) is heard from {@code atMs} on. */
    void noiseStarted(long atMs) {
        if (noiseSinceMs < 0) {
            noiseSinceMs = Math.max(atMs, waitStartMs);
        }
    }

    /** The noise stopped at {@code atMs}. */
    void noiseEnded(long atMs) {
        if (noiseSinceMs < 0) {
            return;
        }
        if (!inPhrase && timersRunning) {
            noiseMs += Math.max(0, atMs - noiseSinceMs);
        }
        noiseSinceMs = -1;
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

    /**
     * The input is over at {@code atMs}: the phrase in progress is final now (its speech ending at
     * {@code speechEndIfSpeaking} when speech is still going on), or a single shot times out.
     */
    void endOfAudio(long atMs, long speechEndIfSpeaking) {
        advance(atMs);
        if (done) {
            return;
        }
        if (inPhrase) {
            long speechEnd = speaking ? Math.max(speechEndIfSpeaking, phraseStartMs) : lastSpeechEndMs;
            speaking = false;
            endPhrase(speechEnd, atMs);
        } else if (!config.continuous()) {
            long waited = atMs - waitStartMs;
            long noise = noiseMs + (noiseSinceMs >= 0 && timersRunning ? atMs - noiseSinceMs : 0);
            timeout(waited > 0 && noise * 2 >= waited
                    ? RecognitionStatus.BABBLE_TIMEOUT : RecognitionStatus.INITIAL_SILENCE_TIMEOUT, atMs);
        }
        done = true;
    }

    /** Ends recognition now (cancelled, or an error was reported); nothing fires afterwards. */
    void stop() {
        done = true;
    }

    /** The next time a deadline fires, or {@link #NEVER}. */
    long nextDeadline() {
        if (done) {
            return NEVER;
        }
        if (!inPhrase) {
            if (!timersRunning) {
                return NEVER;
            }
            long initial = config.initialSilenceTimeoutMs() == 0 ? NEVER : waitStartMs + config.initialSilenceTimeoutMs();
            return Math.min(initial, babbleDeadline());
        }
        long cap = phraseStartMs + config.maxPhraseMs();
        if (speaking) {
            return config.hypotheses() ? Math.min(cap, nextHypothesisMs) : cap;
        }
        return Math.min(cap, lastSpeechEndMs + endSilenceMs);
    }

    private long babbleDeadline() {
        if (config.babbleTimeoutMs() == 0 || noiseSinceMs < 0) {
            return NEVER;
        }
        return noiseSinceMs + Math.max(0, config.babbleTimeoutMs() - noiseMs);
    }

    private void fire(long due) {
        if (!inPhrase) {
            timeout(due == babbleDeadline() ? RecognitionStatus.BABBLE_TIMEOUT : RecognitionStatus.INITIAL_SILENCE_TIMEOUT, due);
            return;
        }
        long cap = phraseStartMs + config.maxPhraseMs();
        if (due == cap) {
            forceFinal(cap);
        } else if (speaking) {
            nowMs = Math.max(nowMs, due);
            sink.hypothesisDue(phraseStartMs, due);
            nextHypothesisMs += config.hypothesisIntervalMs();
        } else {
            endPhrase(lastSpeechEndMs, due);
        }
    }

    /** The phrase reached its maximum length: it is final at the cap, and speech still going on starts the next one. */
    private void forceFinal(long cap) {
        boolean stillSpeaking = speaking;
        speaking = false;
        endPhrase(stillSpeaking ? cap : lastSpeechEndMs, cap);
        if (stillSpeaking && !done) {
            nowMs = Math.max(nowMs, cap);
            speechStarted(cap);
        }
    }

    private void endPhrase(long speechEndMs, long atMs) {
        inPhrase = false;
        nowMs = Math.max(nowMs, atMs);
        sink.phraseEnded(phraseStartMs, speechEndMs, atMs);
        restartWaiting(atMs);
    }

    private void timeout(RecognitionStatus status, long atMs) {
        nowMs = Math.max(nowMs, atMs);
        sink.noSpeech(status, atMs);
        restartWaiting(atMs);
    }

    private void restartWaiting(long atMs) {
        if (!config.continuous()) {
            done = true;
        }
        timersRunning = true;
        waitStartMs = atMs;
        noiseMs = 0;
        if (noiseSinceMs >= 0) {
            noiseSinceMs = atMs;
        }
    }
}
