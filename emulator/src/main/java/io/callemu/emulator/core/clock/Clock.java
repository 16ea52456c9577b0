package io.callemu.emulator.core.clock;

import java.time.Instant;

/**
 * The emulator's one source of time. Every emulated duration (ring time, callback retry backoff,
 * later the media timers) is scheduled here, so that a test can run it on the {@link VirtualClock}
 * and move time by hand. Tasks always run on the emulator's event-loop context.
 */
public interface Clock {

  ClockMode mode();

  /** The emulated current time in epoch milliseconds. */
  long nowMillis();

  default Instant now() {
    return Instant.ofEpochMilli(nowMillis());
  }

  /**
   * Runs {@code task} after {@code delayMs} emulated milliseconds (a delay of 0 or less: as soon
   * as possible, on both clocks).
   */
  Timer schedule(long delayMs, Runnable task);

  /** A scheduled task. */
  interface Timer {
    /** Emulated epoch milliseconds at which the task is due. */
    long dueAt();

    /** Cancels the task; false when it already ran or was cancelled. */
    boolean cancel();
  }
}
