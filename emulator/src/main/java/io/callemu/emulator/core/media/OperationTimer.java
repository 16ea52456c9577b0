package io.callemu.emulator.core.media;

/** The named timers of media operations (listed in the call's detail with their due times). */
public enum OperationTimer {
  /** A play's sources have played. */
  PLAY_END,
  /** A recognize's or recordResponse's prompt has played. */
  PROMPT,
  /** A recordResponse's beep has played. */
  BEEP,
  INITIAL_SILENCE,
  INTER_TONE,
  END_SILENCE,
  /** A recordResponse's caller paused for maxSilenceTimeoutInSeconds. */
  MAX_SILENCE,
  /** A recordResponse recorded for maxRecordDurationInSeconds. */
  MAX_DURATION
}
