package io.callemu.emulator.core.call;

/**
 * How a call is set up for transcription (given at create or answer).
 *
 * @param transportUrl where the transcript stream goes, or null when not set
 * @param locale the recognition locale in canonical form (en-US)
 * @param speechModelEndpointId a custom speech model, or null
 * @param startAtConnect start when the call connects
 * @param intermediateResults send hypotheses too, not only finals
 */
public record TranscriptionSetup(String transportUrl, String locale, String speechModelEndpointId,
    boolean startAtConnect, boolean intermediateResults) {
}
