package io.callemu.appbench.measure;

/**
 * callemu's own timer lateness during the run, from the difference of two {@code GET /_emulator/clock}
 * snapshots ({@code timerLateness}): how many timers fired, their mean lateness, the bucket bound
 * under which 99 % of them fired, and the largest lateness callemu saw since it started.
 *
 * @param measured false on the virtual clock (its timers fire exactly when time is moved) or when
 *     the callemu does not report it
 */
public record TimerLatenessReading(boolean measured, long fired, double meanMs, double p99AtMostMs, double maxMs) {

  public static TimerLatenessReading notMeasured() {
    return new TimerLatenessReading(false, 0, 0, 0, 0);
  }
}
