package io.callemu.emulator.core.scenario;

import io.callemu.dtmf.DtmfTone;
import java.nio.file.Path;
import java.util.List;

/**
 * One step of a rule's {@code do}: what the caller does, {@code delayMs} after the trigger.
 * {@code participant} is a raw id or phone number, null for the remote party.
 */
public sealed interface Step {

  long delayMs();

  String participant();

  /** The caller presses keys. */
  record PressKeys(long delayMs, String participant, List<DtmfTone> tones, int toneMs, int gapMs) implements Step {
    public PressKeys {
      tones = List.copyOf(tones);
    }
  }

  /** The caller says {@code text}; {@code durationMs} null means the words at the usual rate. */
  record Say(long delayMs, String participant, String text, Long durationMs, double confidence) implements Step {
  }

  /** The caller plays a WAV file saying {@code text}. */
  record PlayAudio(long delayMs, String participant, Path file, String text, double confidence) implements Step {
  }

  /** The caller hangs up. */
  record HangUp(long delayMs, String participant) implements Step {
  }
}
