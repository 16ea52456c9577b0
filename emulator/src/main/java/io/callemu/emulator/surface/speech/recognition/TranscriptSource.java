package io.callemu.emulator.surface.speech.recognition;

import java.util.Locale;

/** Where an utterance's words came from. */
public enum TranscriptSource {
  /** A transcript registered with the audio's {@code pcmSha256}. */
  HASH,
  /** The next transcript of the queue. */
  QUEUE,
  /** None was registered: the utterance is a NoMatch. */
  NONE;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
