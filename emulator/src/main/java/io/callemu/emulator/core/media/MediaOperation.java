package io.callemu.emulator.core.media;

import io.callemu.emulator.core.call.CallService;
import io.callemu.emulator.core.clock.Clock;
import io.callemu.emulator.core.input.SpeechInput;
import io.callemu.emulator.core.input.SpeechStart;
import io.callemu.emulator.core.input.ToneInput;
import io.callemu.emulator.core.outcome.ResultRow;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One queued media action of a call (play or recognize): a small state machine on the emulator's
 * context, fed by caller input, its own named timers (always through the {@link Clock}) and
 * cancellation. It ends exactly once, with one event from the result catalogue, or silently when
 * the call ends.
 */
abstract class MediaOperation {

  /** Shared by every emulator in the JVM (embedded tests run several), hence atomic. */
  private static final java.util.concurrent.atomic.AtomicLong COUNTER = new java.util.concurrent.atomic.AtomicLong();

  final String id = "op-" + COUNTER.incrementAndGet();
  final CallMedia media;
  final String operationContext;
  final String callbackUri;
  private final Map<String, Clock.Timer> timers = new LinkedHashMap<>();
  private boolean ended;
  protected String state = "queued";

  MediaOperation(CallMedia media, String operationContext, String callbackUri) {
    this.media = media;
    this.operationContext = operationContext;
    this.callbackUri = callbackUri;
  }

  /** {@code play} or {@code recognize} (also the fault action). */
  abstract String kind();

  /** Begins the operation once it is first in its call's queue. */
  abstract void start();

  /** The event that tells the app this operation was cancelled. */
  abstract ResultRow canceledRow();

  void tone(ToneInput tone) {
  }

  void speechStarted(SpeechStart start) {
  }

  void speechEnded(SpeechInput speech) {
  }

  boolean ended() {
    return ended;
  }

  /** Cancelled by the app (cancelAll, interrupt): the Canceled event. */
  final void cancel() {
    finish(canceledRow(), null);
  }

  /** The call ended: stop without an event (no event follows CallDisconnected). */
  final void abort() {
    if (!ended) {
      ended = true;
      stopTimers();
    }
  }

  /** Ends with {@code row}; {@code extra} fields join the event's data. */
  final void finish(ResultRow row, JsonObject extra) {
    finish(row.event(), row.toJson(), extra);
  }

  final void finish(String event, JsonObject resultInformation, JsonObject extra) {
    if (ended) {
      return;
    }
    ended = true;
    state = "ended";
    stopTimers();
    emit(event, resultInformation, extra);
    media.operationEnded(this);
  }

  /** Sends an event of this operation without ending it (PlayStarted). */
  final void emit(String event, JsonObject resultInformation, JsonObject extra) {
    JsonObject data = CallService.eventData(media.call(), event, resultInformation, operationContext);
    if (extra != null) {
      data.mergeIn(extra);
    }
    media.service().calls().publish(media.call(), event, data, callbackUri);
  }

  /** (Re)starts timer {@code name}; {@code ms <= 0} runs it as soon as possible. */
  final void startTimer(String name, long ms, Runnable onFire) {
    stopTimer(name);
    timers.put(name, media.service().calls().schedule(media.call(), ms, () -> {
      timers.remove(name);
      if (!ended) {
        onFire.run();
      }
    }));
  }

  final void stopTimer(String name) {
    Clock.Timer t = timers.remove(name);
    if (t != null) {
      t.cancel();
    }
  }

  final boolean timerRunning(String name) {
    return timers.containsKey(name);
  }

  private void stopTimers() {
    timers.values().forEach(Clock.Timer::cancel);
    timers.clear();
  }

  /** The operation as the call detail lists it, with its timers' due times. */
  JsonObject describe() {
    JsonArray list = new JsonArray();
    timers.forEach((name, t) -> list.add(new JsonObject().put("name", name)
        .put("dueAt", Instant.ofEpochMilli(t.dueAt()).toString()).put("dueAtMillis", t.dueAt())));
    JsonObject o = new JsonObject().put("id", id).put("kind", kind()).put("state", state).put("timers", list);
    if (operationContext != null) {
      o.put("operationContext", operationContext);
    }
    return o;
  }
}
