package io.callemu.emulator.core.transcription;

import io.callemu.emulator.core.call.Requester;

/**
 * A start or update of transcription, validated.
 *
 * @param locale the locale as given, or null (start: the setup's; update needs one)
 * @param speechModelEndpointId a custom speech model, or null
 */
public record TranscriptionRequest(String locale, String speechModelEndpointId, Requester requester) {
}
