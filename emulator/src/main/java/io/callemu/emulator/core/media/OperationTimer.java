package io.callemu.emulator.core.media;

/** The named timers of media operations (listed in the call's detail with their due times). */
public enum OperationTimer {
  /** A play's sources have played. */
  PLAY_END,
  /** A recognize's prompt has played. */
  PROMPT,
  INITIAL_SILENCE,
  INTER_TONE,
  END_SILENCE
}
