package io.callemu.emulator.surface.speech;

import java.util.function.LongSupplier;

/** Counts the Speech recognitions in progress against the {@code speech.maxSessions} cap; one context only. */
final class SessionLimit {

  private final LongSupplier max;
  private int active;

  SessionLimit(LongSupplier max) {
    this.max = max;
  }

  /** Takes a place, or returns false when all are taken. */
  boolean tryAcquire() {
    if (active >= max.getAsLong()) {
      return false;
    }
    active++;
    return true;
  }

  void release() {
    active--;
  }

  int active() {
    return active;
  }

  long max() {
    return max.getAsLong();
  }
}
