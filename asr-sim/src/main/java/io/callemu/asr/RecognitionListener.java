package io.callemu.asr;

/**
 * Receives what one {@link Recognition} (or a {@link StreamingRecognizer}) recognises, in stream-time
 * order, on the thread that pushes audio or advances time, from inside that call. Offsets are 100-ns
 * ticks from the recognition's start (for a {@link StreamingRecognizer}, the stream's start). A
 * listener may start, finish, fail or cancel recognitions of the stream, but not push audio or advance time.
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
