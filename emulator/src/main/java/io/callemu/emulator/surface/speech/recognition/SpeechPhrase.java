package io.callemu.emulator.surface.speech.recognition;

/**
 * A final result, ready for the wire.
 *
 * @param status        its {@code RecognitionStatus}
 * @param offsetTicks   where the speech begins, from the start of the stream (100-ns ticks)
 * @param durationTicks the speech without leading and trailing silence
 * @param displayText   the display form for a Success, otherwise empty
 * @param body          the compact JSON body ({@code speech.phrase}, or the REST response) in the asked format
 */
public record SpeechPhrase(PhraseStatus status, long offsetTicks, long durationTicks, String displayText, String body) {
}
