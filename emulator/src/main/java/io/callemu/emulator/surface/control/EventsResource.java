package io.callemu.emulator.surface.control;

import io.callemu.emulator.platform.http.HttpReply;
import io.callemu.emulator.platform.http.JsonReader;
import io.callemu.emulator.platform.journal.CallbackEntry;
import io.callemu.emulator.platform.journal.Journal;
import io.callemu.emulator.platform.journal.JournalEntry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Predicate;

/** {@code /_emulator/events}: reading the journal, and long-polling for a delivered callback. */
final class EventsResource {

  /** The longest long-poll (real ms). */
  static final long MAX_WAIT_MS = 600_000;
  private static final String EVENT_PREFIX = "Microsoft.Communication.";

  private final Vertx vertx;
  private final Journal journal;

  EventsResource(Vertx vertx, Journal journal) {
    this.vertx = vertx;
    this.journal = journal;
  }

  HttpReply list(RoutingContext ctx) {
    Long since;
    try {
      String s = ctx.request().getParam("since");
      since = s == null || s.isEmpty() ? null : Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw ControlErrors.invalid("since must be a journal sequence number");
    }
    Predicate<JournalEntry> filter = filter(ctx.request().getParam("callConnectionId"),
        ctx.request().getParam("type"), ctx.request().getParam("kind"), since);
    JsonArray events = new JsonArray();
    journal.find(filter).forEach(e -> events.add(e.toJson()));
    return HttpReply.json(200, new JsonObject().put("events", events));
  }

  /** Answers once a matching callback was delivered, or 408 after {@code timeoutMs} of real time. */
  Future<HttpReply> waitFor(RoutingContext ctx) {
    JsonReader body = ControlReplies.body(ctx);
    String type = body.optString("type");
    if (type == null || type.isEmpty()) {
      throw ControlErrors.invalid("type is required, e.g. \"CallConnected\"");
    }
    String call = body.optString("callConnectionId");
    long ms = body.optLong("timeoutMs", 0, MAX_WAIT_MS, 10_000);
    Long since = body.has("since") ? body.optLong("since", 0, Long.MAX_VALUE, 0) : null;
    Predicate<JournalEntry> filter = filter(call, type, JournalEntry.Kind.CALLBACK.wire(), since);
    Predicate<JournalEntry> delivered = e -> filter.test(e)
        && ((CallbackEntry) e).state() == CallbackEntry.State.DELIVERED;
    Promise<JournalEntry> promise = Promise.promise();
    // A real-time limit for the HTTP caller, not emulated time: it is no domain timer.
    long timer = vertx.setTimer(Math.max(1, ms), id -> promise.tryFail("timeout"));
    ctx.request().connection().closeHandler(v -> promise.tryFail("gone"));
    return journal.await(delivered, promise).transform(ar -> {
      vertx.cancelTimer(timer);
      if (ar.succeeded()) {
        return Future.succeededFuture(HttpReply.json(200, ar.result().toJson()));
      }
      return Future.failedFuture(new ControlError(408, "Timeout", "no " + type + " callback was delivered"
          + (call == null ? "" : " for call " + call) + " within " + ms + " ms"));
    });
  }

  private static Predicate<JournalEntry> filter(String callId, String type, String kind, Long since) {
    return e -> (callId == null || callId.isEmpty() || callId.equals(e.callId()))
        && (type == null || type.isEmpty() || typeMatches(type, e.type()))
        && (kind == null || kind.isEmpty() || kind.equals(e.kind().wire()))
        && (since == null || e.seq() > since);
  }

  /** {@code CallConnected} and {@code Microsoft.Communication.CallConnected} both match. */
  private static boolean typeMatches(String wanted, String actual) {
    return actual != null && (actual.equals(wanted) || (EVENT_PREFIX + actual).equals(wanted));
  }
}
