package io.callemu.emulator.callback;

import io.callemu.emulator.call.Call;
import io.callemu.emulator.call.EventSink;
import io.callemu.emulator.clock.Clock;
import io.callemu.emulator.fault.Fault;
import io.callemu.emulator.fault.Faults;
import io.callemu.emulator.journal.Journal;
import io.callemu.emulator.settings.Settings;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Delivers callbacks: each event is POSTed as a JSON array holding one CloudEvent. A call's events
 * go one at a time and in order (one queue per call); a failed attempt is retried with doubling
 * backoff through the {@link Clock}, up to {@code callback.maxAttempts}; every attempt and the
 * outcome are journalled, and an event that never got through ends as {@code undelivered}. Calls
 * do not wait on each other, so a dead target slows only its own call.
 */
public final class CallbackDispatcher implements EventSink {

  private final HttpClient client;
  private final Clock clock;
  private final Settings settings;
  private final Journal journal;
  private final Faults faults;
  private final Map<String, CallQueue> queues = new HashMap<>();
  private final List<Promise<Void>> settledWaiters = new ArrayList<>();
  private int inFlight;
  private long generation;

  public CallbackDispatcher(HttpClient client, Clock clock, Settings settings, Journal journal, Faults faults) {
    this.client = client;
    this.clock = clock;
    this.settings = settings;
    this.journal = journal;
    this.faults = faults;
  }

  @Override
  public void publish(Call call, String eventName, JsonObject data, String callbackUri) {
    JsonObject event = CloudEvents.callEvent(call.callConnectionId(), eventName, data, clock.now());
    JsonObject entry = new JsonObject().put("kind", "callback")
        .put("callConnectionId", call.callConnectionId())
        .put("type", eventName)
        .put("url", callbackUri)
        .put("event", event)
        .put("attempts", new JsonArray())
        .put("outcome", "pending");
    CallQueue queue = queues.computeIfAbsent(call.callConnectionId(), id -> new CallQueue());
    if (queue.waiting.size() >= settings.getLong(Settings.CALLBACK_QUEUE_LIMIT)) {
      entry.put("outcome", "undelivered").put("reason", "queue full ("
          + settings.get(Settings.CALLBACK_QUEUE_LIMIT) + " callbacks already waiting for this call)");
      journal.record(entry);
      return;
    }
    journal.record(entry);
    queue.waiting.addLast(new Delivery(call.callConnectionId(), callbackUri, event, entry));
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

  /** Events still waiting per call (for the control API). */
  public int waiting(String callConnectionId) {
    CallQueue q = queues.get(callConnectionId);
    return q == null ? 0 : q.waiting.size() + (q.busy ? 1 : 0);
  }

  private void pump(CallQueue queue) {
    if (queue.busy || queue.waiting.isEmpty()) {
      return;
    }
    queue.busy = true;
    attempt(queue, queue.waiting.peekFirst());
  }

  private void attempt(CallQueue queue, Delivery d) {
    d.attempts++;
    long startedAt = clock.nowMillis();
    JsonObject sentAt = Journal.stampRealTime(new JsonObject());
    long myGeneration = generation;
    Optional<Fault> fault = faults.take("callback", d.callConnectionId);
    if (fault.isPresent()) {
      finishAttempt(queue, d, myGeneration, startedAt, sentAt, null, "fault injected (" + fault.get().id() + ")");
      return;
    }
    inFlight++;
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(d.url)
        .setIdleTimeout(settings.getLong(Settings.CALLBACK_TIMEOUT_MS))
        .putHeader("Content-Type", "application/json");
    Buffer body = Buffer.buffer(new JsonArray().add(d.event).encode());
    Future<Integer> sent;
    try {
      sent = client.request(options)
          .compose(req -> req.send(body))
          .compose(resp -> resp.body().map(ignored -> resp.statusCode()));
    } catch (RuntimeException e) {
      // e.g. a URI the client cannot use; counts as a failed attempt like any other
      sent = Future.failedFuture(e);
    }
    sent.onComplete(ar -> {
      if (myGeneration != generation) {
        return;
      }
      inFlight--;
      if (ar.succeeded()) {
        finishAttempt(queue, d, myGeneration, startedAt, sentAt, ar.result(), null);
      } else {
        String message = ar.cause().getMessage();
        finishAttempt(queue, d, myGeneration, startedAt, sentAt, null,
            message == null ? ar.cause().getClass().getSimpleName() : message);
      }
      settle();
    });
  }

  /**
   * @param sentAt the real moment the attempt began ({@link Journal#stampRealTime}); the attempt
   *     also records {@code realMs}, the real time the app took to answer
   */
  private void finishAttempt(CallQueue queue, Delivery d, long myGeneration, long startedAt,
      JsonObject sentAt, Integer status, String error) {
    boolean ok = status != null && status >= 200 && status < 300;
    JsonObject attempt = new JsonObject().put("attempt", d.attempts)
        .put("at", java.time.Instant.ofEpochMilli(startedAt).toString())
        .mergeIn(sentAt)
        .put("realMs", Math.round((System.nanoTime() - sentAt.getLong("wallNanos")) / 1_000.0) / 1_000.0);
    if (status != null) {
      attempt.put("status", status);
    }
    if (error != null) {
      attempt.put("error", error);
    }
    d.entry.getJsonArray("attempts").add(attempt);
    long maxAttempts = settings.getLong(Settings.CALLBACK_MAX_ATTEMPTS);
    if (ok) {
      d.entry.put("outcome", "delivered");
    } else if (d.attempts >= maxAttempts) {
      d.entry.put("outcome", "undelivered");
    }
    journal.update(d.entry, attempt.copy().put("outcome", d.entry.getString("outcome")));
    if (ok || d.attempts >= maxAttempts) {
      queue.waiting.pollFirst();
      queue.busy = false;
      pump(queue);
      dropIfIdle(d.callConnectionId, queue);
      return;
    }
    long delay = settings.getLong(Settings.CALLBACK_RETRY_DELAY_MS) << Math.min(20, d.attempts - 1);
    queue.retry = clock.schedule(delay, () -> {
      queue.retry = null;
      if (myGeneration == generation) {
        attempt(queue, d);
      }
    });
  }

  private void dropIfIdle(String callConnectionId, CallQueue queue) {
    if (!queue.busy && queue.waiting.isEmpty()) {
      queues.remove(callConnectionId, queue);
    }
  }

  private void settle() {
    if (inFlight == 0 && !settledWaiters.isEmpty()) {
      List<Promise<Void>> waiters = new ArrayList<>(settledWaiters);
      settledWaiters.clear();
      waiters.forEach(Promise::tryComplete);
    }
  }

  private static final class CallQueue {
    final ArrayDeque<Delivery> waiting = new ArrayDeque<>();
    boolean busy;
    Clock.Timer retry;
  }

  private static final class Delivery {
    final String callConnectionId;
    final String url;
    final JsonObject event;
    final JsonObject entry;
    int attempts;

    Delivery(String callConnectionId, String url, JsonObject event, JsonObject entry) {
      this.callConnectionId = callConnectionId;
      this.url = url;
      this.event = event;
      this.entry = entry;
    }
  }
}
