package io.callemu.emulator.surface.speech.usp;

import io.callemu.emulator.surface.speech.recognition.RecognitionOutcome;
import io.callemu.emulator.surface.speech.recognition.RecognitionSettings;
import java.util.List;

/**
 * One WebSocket turn, for the journal.
 *
 * @param pcmSha256         the SHA-256 of the turn's sample bytes, or null when the turn ended before its
 *                          audio did (a single shot's result came first, or the connection went)
 * @param continuationTicks the replay offset the client announced for a continuation turn, or null
 * @param completed         false when the connection closed or failed before the turn's end
 */
public record TurnRecord(String requestId, RecognitionSettings settings, String pcmSha256, long audioMillis,
    List<RecognitionOutcome> outcomes, Long continuationTicks, boolean completed) {
}
