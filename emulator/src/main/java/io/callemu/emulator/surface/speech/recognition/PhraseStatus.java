package io.callemu.emulator.surface.speech.recognition;

/** The {@code RecognitionStatus} of a final result, spelled as on the wire. */
public enum PhraseStatus {
  SUCCESS("Success"),
  NO_MATCH("NoMatch"),
  INITIAL_SILENCE_TIMEOUT("InitialSilenceTimeout"),
  BABBLE_TIMEOUT("BabbleTimeout"),
  ERROR("Error");

  private final String wireName;

  PhraseStatus(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  /** Whether the result is about an utterance (Success or NoMatch) rather than a timeout or a failure. */
  public boolean heardSpeech() {
    return this == SUCCESS || this == NO_MATCH;
  }
}
