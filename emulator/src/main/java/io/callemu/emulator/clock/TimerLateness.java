package io.callemu.emulator.clock;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * How late the wall clock's timers fired: real time from when a timer was due to when its task
 * began. Counted since start in power-of-two millisecond buckets, so that a reader can take two
 * snapshots and derive the distribution between them (a benchmark of an app must not blame the
 * app for the emulator's own delays). Thread-safe.
 */
public final class TimerLateness {

  /** Upper bounds (inclusive, ms) of the buckets; one more bucket counts everything later. */
  static final long[] BOUNDS_MS = {1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024};

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

  /** {@code {fired, totalMs, maxMs, buckets:[{leMs, count}…, {leMs:null, count}]}}, cumulative since start. */
  public synchronized JsonObject toJson() {
    JsonArray buckets = new JsonArray();
    for (int i = 0; i < counts.length; i++) {
      buckets.add(new JsonObject().put("leMs", i < BOUNDS_MS.length ? BOUNDS_MS[i] : null).put("count", counts[i]));
    }
    return new JsonObject().put("fired", fired).put("totalMs", totalNanos / 1e6).put("maxMs", maxNanos / 1e6)
        .put("buckets", buckets);
  }
}
