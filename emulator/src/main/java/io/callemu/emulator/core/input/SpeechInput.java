package io.callemu.emulator.core.input;

/**
 * The remote party finished an utterance.
 *
 * @param participantRawId raw id of the speaking participant
 * @param startedAtMillis emulated epoch milliseconds at which voice activity began
 * @param endedAtMillis emulated epoch milliseconds at which voice activity ended
 * @param phrase what was recognised
 */
public record SpeechInput(String participantRawId, long startedAtMillis, long endedAtMillis,
    RecognizedPhrase phrase) {

  /** Length of the utterance in milliseconds. */
  public long durationMillis() {
    return endedAtMillis - startedAtMillis;
  }
}
