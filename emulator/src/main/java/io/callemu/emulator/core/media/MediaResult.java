package io.callemu.emulator.core.media;

import io.callemu.dtmf.DtmfTone;
import java.util.List;

/** What a media operation produced, carried by its {@link MediaEvent}. */
public sealed interface MediaResult {

  /** Nothing beyond the outcome. */
  MediaResult NONE = new Nothing();

  /** The outcome alone. */
  record Nothing() implements MediaResult {
  }

  /** A play source (or prompt) at {@code index} could not be played. */
  record FailedSource(int index) implements MediaResult {
  }

  /** The keys a DTMF recognize collected, in order. */
  record Tones(List<DtmfTone> tones) implements MediaResult {
    public Tones {
      tones = List.copyOf(tones);
    }
  }

  /**
   * A choice was picked: by its key ({@code phrase} null) or by speech.
   *
   * @param confidence 0..1, for speech
   */
  record Choice(String label, String phrase, double confidence) implements MediaResult {
  }

  /** Free speech was recognised. */
  record Speech(String text, double confidence) implements MediaResult {
  }

  /** A key continuous DTMF recognition heard; {@code sequenceId} counts from 1 per recognition. */
  record Tone(DtmfTone tone, int sequenceId) implements MediaResult {
  }

  /** What the caller said was recorded; the recording is downloadable by its id and access token. */
  record Recorded(io.callemu.emulator.core.recording.Recording recording) implements MediaResult {
  }
}
