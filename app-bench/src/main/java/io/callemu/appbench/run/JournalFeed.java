package io.callemu.appbench.run;

import io.callemu.appbench.measure.CallTracker;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads callemu's journal incrementally ({@code GET /_emulator/events?since=}) into the tracker.
 * Callbacks still being delivered when read are read again, at most every {@code rereadMs}: from the
 * oldest of them when it is recent, one call at a time (a few per poll) when it is old, so neither
 * a busy run nor a stuck delivery makes every poll re-read a long stretch of the journal.
 */
final class JournalFeed {

  /** A pending callback at most this many entries back is re-read with the rest of the journal. */
  static final long WINDOW = 2_000;
  /** Older pending callbacks re-read one by one per poll. */
  static final int STUCK_PER_POLL = 4;

  private final Http http;
  private final CallTracker tracker;
  private final long rereadNanos;
  private int stuckCursor;
  private long lastReread;

  /** @param rereadMs how often pending callbacks are read again (0: on every poll) */
  JournalFeed(Http http, CallTracker tracker, long rereadMs) {
    this.http = http;
    this.tracker = tracker;
    this.rereadNanos = rereadMs * 1_000_000L;
    this.lastReread = System.nanoTime();
  }

  /** Reads what is new; completes with the number of entries not seen before. */
  Future<Integer> poll() {
    long before = tracker.lastSeq();
    long since = before;
    long oldest = tracker.oldestPendingSeq();
    boolean reread = oldest > 0 && System.nanoTime() - lastReread >= rereadNanos;
    if (reread) {
      lastReread = System.nanoTime();
      if (before - oldest < WINDOW) {
        since = oldest - 1;
      }
    }
    Future<Void> read = read("?since=" + since, true);
    return (reread ? read.compose(v -> refreshStuck(before)) : read).map(v -> (int) (tracker.lastSeq() - before));
  }

  private Future<Void> refreshStuck(long before) {
    List<Map.Entry<Long, String>> stuck = new ArrayList<>();
    for (Map.Entry<Long, String> e : tracker.pendingCallbacks().entrySet()) {
      if (before - e.getKey() >= WINDOW && e.getValue() != null) {
        stuck.add(e);
      }
    }
    if (stuck.isEmpty()) {
      return Future.succeededFuture();
    }
    List<Future<Void>> reads = new ArrayList<>();
    for (int i = 0; i < Math.min(STUCK_PER_POLL, stuck.size()); i++) {
      Map.Entry<Long, String> e = stuck.get((stuckCursor + i) % stuck.size());
      reads.add(read("?kind=callback&callConnectionId=" + e.getValue() + "&since=" + (e.getKey() - 1), false));
    }
    stuckCursor += STUCK_PER_POLL;
    return Future.all(reads).mapEmpty();
  }

  /** @param inOrder whether the read covers everything after a seq (else it only refreshes pending callbacks) */
  private Future<Void> read(String query, boolean inOrder) {
    return http.control(HttpMethod.GET, "/events" + query, null).compose(answer -> {
      if (!answer.ok()) {
        return Future.failedFuture(new IllegalStateException("reading callemu's journal failed: " + answer.describe()));
      }
      JsonArray events = answer.body().getJsonArray("events", new JsonArray());
      for (int i = 0; i < events.size(); i++) {
        if (inOrder) {
          tracker.accept(events.getJsonObject(i));
        } else {
          tracker.refresh(events.getJsonObject(i));
        }
      }
      return Future.succeededFuture();
    });
  }
}
