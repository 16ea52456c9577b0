package io.callemu.emulator.surface.speech;

import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Closes what has been idle too long: {@link #touch()} on every message or piece of data, and when
 * {@code timeoutMs} of real time pass without one, {@code onIdle} runs once. One timer at a time,
 * re-armed for the time left, so a busy connection costs a timer per timeout, not one per message.
 */
final class IdleWatch {

  private final Vertx vertx;
  private final LongSupplier timeoutMs;
  private final Runnable onIdle;
  private long lastNanos = System.nanoTime();
  private long timer = -1;
  private boolean stopped;

  IdleWatch(Vertx vertx, LongSupplier timeoutMs, Runnable onIdle) {
    this.vertx = vertx;
    this.timeoutMs = timeoutMs;
    this.onIdle = onIdle;
    arm(timeoutMs.getAsLong());
  }

  void touch() {
    lastNanos = System.nanoTime();
  }

  void stop() {
    stopped = true;
    if (timer >= 0) {
      vertx.cancelTimer(timer);
      timer = -1;
    }
  }

  private void arm(long delayMs) {
    timer = vertx.setTimer(Math.max(1, delayMs), id -> check());
  }

  private void check() {
    timer = -1;
    if (stopped) {
      return;
    }
    long limit = timeoutMs.getAsLong();
    long idle = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastNanos);
    if (idle >= limit) {
      stopped = true;
      onIdle.run();
    } else {
      arm(limit - idle);
    }
  }
}
