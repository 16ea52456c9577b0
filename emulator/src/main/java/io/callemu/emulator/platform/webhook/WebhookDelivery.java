package io.callemu.emulator.platform.webhook;

import io.callemu.emulator.core.clock.Clock;
import io.callemu.emulator.core.fault.Fault;
import io.callemu.emulator.core.fault.Faults;
import io.callemu.emulator.core.outcome.ActionKind;
import io.callemu.emulator.core.settings.Settings;
import io.callemu.emulator.platform.journal.CallbackEntry;
import io.callemu.emulator.platform.journal.Journal;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Delivers callbacks a surface prepared: POSTs each body to its URL. Callbacks with the same key
 * (a call's) go one at a time and in order; a failed attempt is retried with doubling backoff
 * through the {@link Clock}, up to {@code callback.maxAttempts}; every attempt and the outcome are
 * journalled, and a callback that never got through ends as undelivered. Keys do not wait on each
 * other, so a dead target slows only its own call.
 */
public final class WebhookDelivery {

  private final HttpClient client;
  private final Clock clock;
  private final Settings settings;
  private final Journal journal;
  private final Faults faults;
  private final Map<String, KeyQueue> queues = new HashMap<>();
  private final List<Promise<Void>> settledWaiters = new ArrayList<>();
  private int inFlight;
  private long generation;

  public WebhookDelivery(HttpClient client, Clock clock, Settings settings, Journal journal, Faults faults) {
    this.client = client;
    this.clock = clock;
    this.settings = settings;
    this.journal = journal;
    this.faults = faults;
  }

  /** Queues a callback behind the others of its key and journals it. */
  public void deliver(Callback callback) {
    CallbackEntry entry = new CallbackEntry(callback.key(), callback.type(), callback.url(), callback.journalView());
    KeyQueue queue = queues.computeIfAbsent(callback.key(), id -> new KeyQueue());
    long limit = settings.get(CallbackSettings.QUEUE_LIMIT);
    if (queue.waiting.size() >= limit) {
      entry.dropped("queue full (" + limit + " callbacks already waiting for this call)");
      journal.record(entry);
      return;
    }
    journal.record(entry);
    queue.waiting.addLast(new Delivery(callback, entry));
    pump(queue);
  }

  /**
   * Completes when no callback is being sent (those waiting for a retry timer do not count), so a
   * virtual-clock advance knows the events its timers caused were delivered or failed.
   */
  public Future<Void> whenSettled() {
    if (inFlight == 0) {
      return Future.succeededFuture();
    }
    Promise<Void> p = Promise.promise();
    settledWaiters.add(p);
    return p.future();
  }

  /** Forgets every queue (control reset); answers to requests already sent are ignored. */
  public void reset() {
    generation++;
    queues.values().forEach(q -> {
      if (q.retry != null) {
        q.retry.cancel();
      }
    });
    queues.clear();
    inFlight = 0;
    settle();
  }

  /** Callbacks still waiting for {@code key} (for the control API). */
  public int waiting(String key) {
    KeyQueue q = queues.get(key);
    return q == null ? 0 : q.waiting.size() + (q.busy ? 1 : 0);
  }

  private void pump(KeyQueue queue) {
    if (queue.busy || queue.waiting.isEmpty()) {
      return;
    }
    queue.busy = true;
    attempt(queue, queue.waiting.peekFirst());
  }

  private void attempt(KeyQueue queue, Delivery d) {
    d.attempts++;
    Sent sent = new Sent(clock.nowMillis(), System.currentTimeMillis(), System.nanoTime());
    long myGeneration = generation;
    Optional<Fault> fault = faults.take(ActionKind.CALLBACK, d.callback.key());
    if (fault.isPresent()) {
      finishAttempt(queue, d, sent, null, "fault injected (" + fault.get().id() + ")");
      return;
    }
    inFlight++;
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(d.callback.url())
        .setIdleTimeout(settings.get(CallbackSettings.TIMEOUT_MS));
    d.callback.headers().forEach(options::putHeader);
    Future<Integer> answered;
    try {
      answered = client.request(options)
          .compose(req -> req.send(d.callback.body()))
          .compose(resp -> resp.body().map(ignored -> resp.statusCode()));
    } catch (RuntimeException e) {
      // e.g. a URI the client cannot use; counts as a failed attempt like any other
      answered = Future.failedFuture(e);
    }
    answered.onComplete(ar -> {
      if (myGeneration != generation) {
        return;
      }
      inFlight--;
      if (ar.succeeded()) {
        finishAttempt(queue, d, sent, ar.result(), null);
      } else {
        String message = ar.cause().getMessage();
        finishAttempt(queue, d, sent, null, message == null ? ar.cause().getClass().getSimpleName() : message);
      }
      settle();
    });
  }

  /** When an attempt began: emulated, real, and monotonic real time. */
  private record Sent(long at, long wallTime, long wallNanos) {

    /** Real ms since then, to the microsecond. */
    double realMs() {
      return Math.round((System.nanoTime() - wallNanos) / 1_000.0) / 1_000.0;
    }
  }

  private void finishAttempt(KeyQueue queue, Delivery d, Sent sent, Integer status, String error) {
    boolean ok = status != null && status >= 200 && status < 300;
    long maxAttempts = settings.get(CallbackSettings.MAX_ATTEMPTS);
    boolean last = ok || d.attempts >= maxAttempts;
    CallbackEntry.State next = ok ? CallbackEntry.State.DELIVERED
        : last ? CallbackEntry.State.UNDELIVERED : CallbackEntry.State.PENDING;
    CallbackEntry.Attempt attempt = new CallbackEntry.Attempt(d.attempts, sent.at(), sent.wallTime(),
        sent.wallNanos(), sent.realMs(), status, error);
    d.entry.attempted(attempt, next);
    journal.changed(d.entry, attemptJson(attempt, next));
    if (last) {
      queue.waiting.pollFirst();
      queue.busy = false;
      pump(queue);
      if (!queue.busy && queue.waiting.isEmpty()) {
        queues.remove(d.callback.key(), queue);
      }
      return;
    }
    long myGeneration = generation;
    long delay = settings.get(CallbackSettings.RETRY_DELAY_MS) << Math.min(20, d.attempts - 1);
    queue.retry = clock.schedule(delay, () -> {
      queue.retry = null;
      if (myGeneration == generation) {
        attempt(queue, d);
      }
    });
  }

  private static JsonObject attemptJson(CallbackEntry.Attempt a, CallbackEntry.State state) {
    JsonObject o = new JsonObject().put("attempt", a.number()).put("outcome", state.wire());
    if (a.status() != null) {
      o.put("status", a.status());
    }
    if (a.error() != null) {
      o.put("error", a.error());
    }
    return o;
  }

  private void settle() {
    if (inFlight == 0 && !settledWaiters.isEmpty()) {
      List<Promise<Void>> waiters = new ArrayList<>(settledWaiters);
      settledWaiters.clear();
      waiters.forEach(Promise::tryComplete);
    }
  }

  private static final class KeyQueue {
    final ArrayDeque<Delivery> waiting = new ArrayDeque<>();
    boolean busy;
    Clock.Timer retry;
  }

  private static final class Delivery {
    final Callback callback;
    final CallbackEntry entry;
    int attempts;

    Delivery(Callback callback, CallbackEntry entry) {
      this.callback = callback;
      this.entry = entry;
    }
  }
}
