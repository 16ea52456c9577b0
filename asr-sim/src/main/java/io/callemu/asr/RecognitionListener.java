package io.callemu.asr;

/**
 * Receives what a {@link StreamingRecognizer} recognises, in stream-time order, on the thread that
 * pushes audio or advances time. Offsets are 100-ns ticks from stream start.
 */
public interface RecognitionListener {

    /** A phrase's speech began at this offset (the service's {@code speech.startDetected}). */
    default void speechStarted(long offsetTicks) {
    }

    /** An intermediate hypothesis of the phrase in progress. */
    default void hypothesis(Hypothesis hypothesis) {
    }

    /** The phrase's speech ended at this offset (the service's {@code speech.endDetected}); its final follows. */
    default void speechEnded(long offsetTicks) {
    }

    /** A final result: a phrase (Success or NoMatch), a timeout or an error. */
    void recognized(RecognitionResult result);
}
