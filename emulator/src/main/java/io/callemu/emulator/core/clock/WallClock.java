package io.callemu.emulator.core.clock;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Real time; every emulated delay is multiplied by the time scale ({@code --time-scale 0.01} runs a
 * 5 s timeout in 50 ms). "Now" stays the real time of day: only durations are scaled.
 */
public final class WallClock implements Clock {

  private final Vertx vertx;
  private final Context context;
  private final double timeScale;
  private final TimerLateness lateness = new TimerLateness();

  public WallClock(Vertx vertx, Context context, double timeScale) {
    this.vertx = vertx;
    this.context = context;
    this.timeScale = timeScale;
  }

  @Override
  public ClockMode mode() {
    return ClockMode.WALL;
  }

  @Override
  public long nowMillis() {
    return System.currentTimeMillis();
  }

  /** How late timers fired (real time), since start. */
  public TimerLateness lateness() {
    return lateness;
  }

  @Override
  public Timer schedule(long delayMs, Runnable task) {
    long dueAt = nowMillis() + Math.max(0, delayMs);
    AtomicBoolean pending = new AtomicBoolean(true);
    long realDelay = Math.round(delayMs * timeScale);
    long dueNanos = System.nanoTime() + Math.max(0, realDelay) * 1_000_000L;
    Runnable once = () -> {
      if (pending.compareAndSet(true, false)) {
        lateness.record(System.nanoTime() - dueNanos);
        task.run();
      }
    };
        if (realDelay >= 1 && Vertx.currentContext() == context) {
      // Set at once: hopping first would start it only after the task now running (a burst of
      // requests) and push its due time back by as much.
      vertx.setTimer(realDelay, id -> once.run());
    } else {
      // A zero delay still runs after the current task; from another thread, on the emulator's
      // context. Either way the timer fires there; cancel() only has to flip the flag, a stale timer
      // then finds nothing to do.
      long scheduledAt = System.nanoTime();
      context.runOnContext(v -> {
        long left = realDelay - (System.nanoTime() - scheduledAt) / 1_000_000;
        if (left < 1) {
          once.run();
        } else {
          vertx.setTimer(left, id -> once.run());
        }
      });
    }
    return new Timer() {
      @Override
      public long dueAt() {
        return dueAt;
      }

      @Override
      public boolean cancel() {
        return pending.compareAndSet(true, false);
      }
    };
  }
}
