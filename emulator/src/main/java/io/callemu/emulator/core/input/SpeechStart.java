package io.callemu.emulator.core.input;

/**
 * The remote party began to speak.
 *
 * <p>Scripted sources (the control API's {@code /speech}, {@code /audio} with its transcript,
 * scenario actions) know the whole utterance when it starts; they say so in {@code planned}, so
 * that listeners which report hypotheses while the caller speaks (transcription) can time them
 * from the words' offsets. A source that knows only the voice passes null.
 *
 * @param participantRawId raw id of the speaking participant
 * @param atMillis emulated epoch milliseconds at which voice activity began
 * @param planned the utterance as it will end ({@link SpeechInput#startedAtMillis()} = {@code
 *     atMillis}), or null when its words are not known yet
 */
public record SpeechStart(String participantRawId, long atMillis, SpeechInput planned) {

  /** Voice activity whose words are not known before it ends. */
  public SpeechStart(String participantRawId, long atMillis) {
    this(participantRawId, atMillis, null);
  }

  public SpeechStart {
    if (planned != null && (planned.startedAtMillis() != atMillis
        || !planned.participantRawId().equals(participantRawId))) {
      throw new IllegalArgumentException("the planned utterance must start with this speech");
    }
  }
}
