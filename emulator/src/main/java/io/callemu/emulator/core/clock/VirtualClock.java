package io.callemu.emulator.core.clock;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Supplier;

/**
 * Time that moves only when told to ({@code POST /_emulator/clock/advance}). Timers fire in due
 * order; after each one the emulator is allowed to settle (its callbacks delivered) before the next
 * one fires, so an advance is deterministic. Must be used from the emulator's context only.
 */
public final class VirtualClock implements Clock {

  private final Context context;
  private final PriorityQueue<Entry> queue = new PriorityQueue<>();
  private final List<Runnable> movedListeners = new ArrayList<>();
  private long now;
  private long sequence;
  private Future<Void> advancing = Future.succeededFuture();
  private boolean drainScheduled;

  public VirtualClock(Context context, long startEpochMillis) {
    this.context = context;
    this.now = startEpochMillis;
  }

  @Override
  public ClockMode mode() {
    return ClockMode.VIRTUAL;
  }

  @Override
  public long nowMillis() {
    return now;
  }

  @Override
  public Timer schedule(long delayMs, Runnable task) {
    Entry entry = new Entry(now + Math.max(0, delayMs), sequence++, task);
    queue.add(entry);
    if (delayMs <= 0 && !drainScheduled) {
      // "As soon as possible" needs no advance: due work runs on the next turn of the loop.
      drainScheduled = true;
      context.runOnContext(v -> {
        drainScheduled = false;
        fireDue();
      });
    }
    return entry;
  }

  /**
   * Runs {@code listener} each time an advance moved time (before the timer due then fires, and
   * once the advance reached its target), so that watchers learn the time even when no timer fired.
   */
  public void onMoved(Runnable listener) {
    movedListeners.add(listener);
  }

  /** Number of pending timers. */
  public int pending() {
    return queue.size();
  }

  /** Due time of the earliest pending timer, or -1. */
  public long nextDueAt() {
    Entry head = queue.peek();
    return head == null ? -1 : head.dueAt;
  }

  /**
   * Moves time forward by {@code ms}, firing due timers one by one in time order and waiting for
   * {@code settle} before the first and after each; completes once time reached the target and the
   * emulator settled.
   * Concurrent advances run one after the other.
   */
  public Future<Long> advance(long ms, Supplier<Future<Void>> settle) {
    if (ms < 0) {
      return Future.failedFuture(new IllegalArgumentException("ms must not be negative"));
    }
    Promise<Long> done = Promise.promise();
    advancing = advancing.transform(ignored -> {
      long target = now + ms;
      return step(target, settle).onComplete(ar -> done.complete(now));
    });
    return done.future();
  }

  private Future<Void> step(long target, Supplier<Future<Void>> settle) {
    // Settle before looking at the queue, the first time too: work already under way when the
    // advance came (a prompt being fetched, a callback being sent) finishes at the emulated time it
    // began and may set timers that belong in this window.
    return settle.get().transform(ignored -> {
      Entry head = queue.peek();
      if (head == null || head.dueAt > target) {
        moveTo(target);
        return Future.succeededFuture();
      }
      queue.poll();
      moveTo(Math.max(now, head.dueAt));
      head.fire();
      return step(target, settle);
    });
  }

  private void moveTo(long time) {
    if (time != now) {
      now = time;
      movedListeners.forEach(Runnable::run);
    }
  }

  private void fireDue() {
    Entry head;
    while ((head = queue.peek()) != null && head.dueAt <= now) {
      queue.poll();
      head.fire();
    }
  }

  private final class Entry implements Timer, Comparable<Entry> {
    final long dueAt;
    final long seq;
    final Runnable task;
    boolean done;

    Entry(long dueAt, long seq, Runnable task) {
      this.dueAt = dueAt;
      this.seq = seq;
      this.task = task;
    }

    void fire() {
      if (!done) {
        done = true;
        task.run();
      }
    }

    @Override
    public long dueAt() {
      return dueAt;
    }

    @Override
    public boolean cancel() {
      if (done) {
        return false;
      }
      done = true;
      queue.remove(this);
      return true;
    }

    @Override
    public int compareTo(Entry o) {
      int c = Long.compare(dueAt, o.dueAt);
      return c != 0 ? c : Long.compare(seq, o.seq);
    }
  }
}
