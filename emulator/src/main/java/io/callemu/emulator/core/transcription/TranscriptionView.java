package io.callemu.emulator.core.transcription;

/**
 * A call's transcription subscription as surfaces show it.
 *
 * @param subscriptionId the id of the running (or last) subscription, or null before the first start
 * @param stream the stream's state and counters while it runs, else null
 */
public record TranscriptionView(String subscriptionId, boolean active, boolean intermediateResults, String locale,
    String transportUrl, TranscriptionTransport.Stats stream) {
}
