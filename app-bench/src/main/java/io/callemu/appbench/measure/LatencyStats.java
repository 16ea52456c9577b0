package io.callemu.appbench.measure;

import org.HdrHistogram.Histogram;

/** Reaction latencies of one scope, in an HdrHistogram of microseconds (three significant digits, up to an hour). */
public final class LatencyStats {

  private static final long MAX_MICROS = 3_600_000_000L;
  private final Histogram histogram = new Histogram(MAX_MICROS, 3);
  private double maxMs;

  public void recordMs(double ms) {
    histogram.recordValue(Math.min(MAX_MICROS, Math.max(0, Math.round(ms * 1000))));
    maxMs = Math.max(maxMs, ms);
  }

  public long count() {
    return histogram.getTotalCount();
  }

  /** The latency at {@code percentile} (0 to 100) in ms; 0 without samples. */
  public double percentileMs(double percentile) {
    return count() == 0 ? 0 : histogram.getValueAtPercentile(percentile) / 1000.0;
  }

  /** The largest latency exactly (the histogram keeps it to three significant digits). */
  public double maxMs() {
    return maxMs;
  }

  public double meanMs() {
    return count() == 0 ? 0 : histogram.getMean() / 1000.0;
  }

  /** The underlying histogram, for percentile curves. */
  public Histogram histogram() {
    return histogram;
  }
}
