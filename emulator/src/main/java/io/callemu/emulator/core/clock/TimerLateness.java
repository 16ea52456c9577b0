package io.callemu.emulator.core.clock;

import java.util.ArrayList;
import java.util.List;

/**
 * How late the wall clock's timers fired: real time from when a timer was due to when its task
 * began. Counted since start in power-of-two millisecond buckets, so that a reader can take two
 * snapshots and derive the distribution between them (a benchmark of an app must not blame the app
 * for the emulator's own delays). Thread-safe.
 */
public final class TimerLateness {

  /** Upper bounds (inclusive, ms) of the buckets; one more bucket counts everything later. */
  static final long[] BOUNDS_MS = {1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024};

  /**
   * Counts since start.
   *
   * @param buckets one count per bound of {@link #BOUNDS_MS} (timers at most that late), then the rest
   */
  public record Snapshot(long fired, double totalMs, double maxMs, List<Bucket> buckets) {
  }

  /** Timers at most {@code leMs} late ({@code leMs} null: later than every bound). */
  public record Bucket(Long leMs, long count) {
  }

  private final long[] counts = new long[BOUNDS_MS.length + 1];
  private long fired;
  private long totalNanos;
  private long maxNanos;

  /** Records one timer that began {@code latenessNanos} after it was due (negative counts as 0). */
  public synchronized void record(long latenessNanos) {
    long nanos = Math.max(0, latenessNanos);
    fired++;
    totalNanos += nanos;
    maxNanos = Math.max(maxNanos, nanos);
    int i = 0;
    while (i < BOUNDS_MS.length && nanos > BOUNDS_MS[i] * 1_000_000L) {
      i++;
    }
    counts[i]++;
  }

  public synchronized Snapshot snapshot() {
    List<Bucket> buckets = new ArrayList<>();
    for (int i = 0; i < counts.length; i++) {
      buckets.add(new Bucket(i < BOUNDS_MS.length ? BOUNDS_MS[i] : null, counts[i]));
    }
    return new Snapshot(fired, totalNanos / 1e6, maxNanos / 1e6, List.copyOf(buckets));
  }
}
