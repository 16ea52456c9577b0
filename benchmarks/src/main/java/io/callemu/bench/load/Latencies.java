package io.callemu.bench.load;

import java.util.Arrays;

/** Order statistics of a set of durations in nanoseconds (nearest-rank percentiles). */
public final class Latencies {

  private final long[] sorted;

  public Latencies(long[] nanos) {
    this.sorted = nanos.clone();
    Arrays.sort(sorted);
  }

  public int count() {
    return sorted.length;
  }

  /** The {@code p}-th percentile, 0 < p ≤ 100; the smallest value at or above that rank. */
  public long percentile(double p) {
    if (sorted.length == 0) {
      throw new IllegalStateException("no values");
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
  }

  public long min() {
    return percentile(Double.MIN_VALUE);
  }

  public long max() {
    return sorted[sorted.length - 1];
  }

  /** {@code p50 1.2 ms, p99 3.4 ms, max 5.6 ms (min 0.1 ms)}, or "none" when empty. */
  public String summary() {
    if (sorted.length == 0) {
      return "none";
    }
    return "p50 " + ms(percentile(50)) + ", p99 " + ms(percentile(99)) + ", max " + ms(max())
        + " (min " + ms(min()) + ")";
  }

  public static String ms(long nanos) {
    return String.format("%.2f ms", nanos / 1e6);
  }
}
