package io.callemu.emulator.surface.speech.recognition;

/**
 * One final result of a stream, for the journal.
 *
 * @param phrase   the result
 * @param source   where its words came from ({@link TranscriptSource#NONE} for timeouts and errors)
 * @param withheld true when no {@code speech.phrase} was sent for it: profanity alone, removed, in a continuous mode
 */
public record RecognitionOutcome(SpeechPhrase phrase, TranscriptSource source, boolean withheld) {
}
