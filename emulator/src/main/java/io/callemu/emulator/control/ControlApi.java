package io.callemu.emulator.control;

import io.callemu.emulator.Version;
import io.callemu.emulator.acs.AcsError;
import io.callemu.emulator.acs.Identifiers;
import io.callemu.emulator.acs.JsonFields;
import io.callemu.emulator.call.Call;
import io.callemu.emulator.call.CallService;
import io.callemu.emulator.call.Identifier;
import io.callemu.emulator.call.IncomingCall;
import io.callemu.emulator.callback.CallbackDispatcher;
import io.callemu.emulator.clock.Clock;
import io.callemu.emulator.clock.VirtualClock;
import io.callemu.emulator.eventgrid.EventGridPublisher;
import io.callemu.emulator.fault.Faults;
import io.callemu.emulator.http.RepeatabilityCache;
import io.callemu.emulator.journal.Journal;
import io.callemu.emulator.media.MediaService;
import io.callemu.emulator.result.ResultCatalogue;
import io.callemu.emulator.scenario.Scenarios;
import io.callemu.emulator.settings.Settings;
import io.callemu.emulator.transcription.TranscriptionService;
import io.vertx.core.Promise;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * callemu's own API under {@code /_emulator} (CONTRACT section 3): verification (calls, journal,
 * long-poll), driving the remote party, time, faults, scenarios and settings. Kept apart from the
 * emulated surfaces (WireMock's admin API style). JSON in and out; errors
 * {@code {"error":{"code","message"}}}.
 */
public final class ControlApi {

  static final long BODY_LIMIT = 1 << 20;
  static final long MAX_WAIT_MS = 600_000;
  private static final java.util.Set<String> CATALOGUED_ACTIONS =
      java.util.Set.of("recognize", "play", "continuousDtmf", "sendDtmfTones", "transcription");

  private final Vertx vertx;
  private final Clock clock;
  private final CallService calls;
  private final MediaService media;
  private final CallerInputApi input;
  private final CallbackDispatcher callbacks;
  private final Journal journal;
  private final Faults faults;
  private final Scenarios scenarios;
  private final Settings settings;
  private final RepeatabilityCache repeats;
  private final EventGridPublisher eventGrid;
  private final byte[] controlToken;
  private final TranscriptionService transcriptions;
  private final java.util.List<ControlSurface> surfaces = new java.util.ArrayList<>();

  public ControlApi(Vertx vertx, Clock clock, CallService calls, MediaService media, CallbackDispatcher callbacks,
      Journal journal, Faults faults, Scenarios scenarios, Settings settings,
      RepeatabilityCache repeats, EventGridPublisher eventGrid, String controlToken,
      TranscriptionService transcriptions) {
    this.vertx = vertx;
    this.transcriptions = transcriptions;
    this.clock = clock;
    this.calls = calls;
    this.media = media;
    this.input = new CallerInputApi(calls, media);
    this.callbacks = callbacks;
    this.journal = journal;
    this.faults = faults;
    this.scenarios = scenarios;
    this.settings = settings;
    this.repeats = repeats;
    this.eventGrid = eventGrid;
    this.controlToken = controlToken == null ? null : ("Bearer " + controlToken).getBytes(StandardCharsets.UTF_8);
  }

  /** Adds a surface's own control routes (mounted by {@link #mount}) and its reset. */
  public ControlApi withSurface(ControlSurface surface) {
    surfaces.add(surface);
    return this;
  }

  /** Adds the routes to {@code router}. */
  public void mount(Router router) {
    // Health stays open so that readiness probes need no token.
    router.get("/_emulator/health").handler(this::health);
    router.route("/_emulator/*").handler(this::checkToken);
    router.route("/_emulator/*").handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT));
    router.post("/_emulator/reset").handler(this::reset);
    router.get("/_emulator/calls").handler(this::listCalls);
    router.get("/_emulator/calls/:id").handler(this::callDetail);
    router.post("/_emulator/calls/:id/hangup").handler(this::remoteHangup);
    router.post("/_emulator/calls/:id/dtmf").handler(input::dtmf);
    router.post("/_emulator/calls/:id/speech").handler(input::speech);
    router.post("/_emulator/calls/:id/audio").handler(input::audio);
    router.get("/_emulator/catalogue").handler(ctx -> ok(ctx, 200, ResultCatalogue.toJson()));
    router.post("/_emulator/incoming-calls").handler(this::incomingCall);
    router.post("/_emulator/graph/incoming-calls").handler(ctx -> notYet(ctx, "graph/incoming-calls"));
    router.get("/_emulator/events").handler(this::events);
    router.post("/_emulator/events/wait").handler(this::waitForEvent);
    router.get("/_emulator/clock").handler(this::clock);
    router.post("/_emulator/clock/advance").handler(this::advance);
    router.get("/_emulator/faults").handler(ctx -> ok(ctx, 200, new JsonObject().put("faults", faults.toJson())));
    router.post("/_emulator/faults").handler(this::addFault);
    router.delete("/_emulator/faults").handler(ctx -> {
      faults.clear();
      ctx.response().setStatusCode(204).end();
    });
    router.get("/_emulator/scenarios").handler(ctx -> ok(ctx, 200, scenarios.toJson()));
    router.post("/_emulator/scenarios").handler(this::addScenario);
    router.delete("/_emulator/scenarios").handler(ctx -> {
      scenarios.clear();
      ctx.response().setStatusCode(204).end();
    });
    router.get("/_emulator/settings").handler(ctx -> ok(ctx, 200, settings.toJson()));
    router.post("/_emulator/settings").handler(this::changeSettings);
    surfaces.forEach(s -> s.mount(router));
    router.route("/_emulator/*").handler(ctx -> fail(ctx, 404, "NotFound",
        "no control operation " + ctx.request().method() + " " + ctx.request().path()));
    // The root router holds only the control API (ACS requests never reach it), so its last route
    // answers everything else: in the envelope clients parse rather than Vert.x's HTML page, and
    // naming the surfaces an app may be looking for.
    router.route().handler(ctx -> fail(ctx, 404, "NotFound", "callemu serves nothing at "
        + ctx.request().method() + " " + ctx.request().path() + "; it emulates ACS Call Automation under"
        + " /calling, Speech to text under /speech/recognition/{interactive|conversation|dictation}/"
        + "cognitiveservices/v1 and /sts/v1.0/issueToken, and its control API under /_emulator"
        + " (Microsoft Graph calls are not emulated yet)"));
  }

  private void health(RoutingContext ctx) {
    ok(ctx, 200, new JsonObject().put("status", "ready").put("version", Version.get())
        .put("clock", clock.mode()));
  }

  private void checkToken(RoutingContext ctx) {
    if (controlToken != null) {
      String given = ctx.request().getHeader("Authorization");
      if (given == null || !MessageDigest.isEqual(controlToken, given.getBytes(StandardCharsets.UTF_8))) {
        ctx.response().putHeader("WWW-Authenticate", "Bearer");
        fail(ctx, 401, "Unauthorized", "the control API needs Authorization: Bearer <control token>");
        return;
      }
    }
    ctx.next();
  }

  private void reset(RoutingContext ctx) {
    surfaces.forEach(ControlSurface::reset);
    transcriptions.reset();
    calls.reset();
    callbacks.reset();
    faults.clear();
    scenarios.clear();
    repeats.clear();
    journal.clear();
    ctx.response().setStatusCode(204).end();
  }

  private void listCalls(RoutingContext ctx) {
    JsonArray list = new JsonArray();
    for (Call call : calls.all()) {
      list.add(summary(call));
    }
    ok(ctx, 200, new JsonObject().put("calls", list));
  }

  private JsonObject summary(Call call) {
    JsonObject o = new JsonObject()
        .put("callConnectionId", call.callConnectionId())
        .put("serverCallId", call.serverCallId())
        .put("correlationId", call.correlationId())
        .put("direction", call.direction().name().toLowerCase(java.util.Locale.ROOT))
        .put("state", call.state().wire())
        .put("callbackUri", call.callbackUri())
        .put("createdAt", iso(call.createdAt()));
    if (call.operationContext() != null) {
      o.put("operationContext", call.operationContext());
    }
    if (call.connectedAt() >= 0) {
      o.put("connectedAt", iso(call.connectedAt()));
    }
    if (call.disconnectedAt() >= 0) {
      o.put("disconnectedAt", iso(call.disconnectedAt())).put("endedBy", call.endReason());
    }
    return o;
  }

  private void callDetail(RoutingContext ctx) {
    Call call = calls.find(ctx.pathParam("id"));
    if (call == null) {
      fail(ctx, 404, "CallNotFound", "no call " + ctx.pathParam("id"));
      return;
    }
    JsonArray targets = new JsonArray();
    call.targets().forEach(t -> targets.add(t.toJson()));
    JsonArray timers = new JsonArray();
    call.timers().forEach(t -> timers.add(new JsonObject().put("dueAt", iso(t.dueAt()))));
    ok(ctx, 200, summary(call)
        .put("source", call.source().toJson())
        .put("targets", targets)
        .put("participants", call.participantsJson())
        .put("timers", timers)
        .put("pendingCallbacks", callbacks.waiting(call.callConnectionId()))
        .put("media", media.describe(call).put("transcription", transcriptions.describe(call))));
  }

  private void remoteHangup(RoutingContext ctx) {
    Call call = calls.find(ctx.pathParam("id"));
    if (call == null) {
      fail(ctx, 404, "CallNotFound", "no call " + ctx.pathParam("id"));
      return;
    }
    if (!call.isActive()) {
      fail(ctx, 409, "CallEnded", "call " + call.callConnectionId() + " has already ended");
      return;
    }
    calls.hangUpByRemote(call);
    ok(ctx, 200, summary(call));
  }

  private void incomingCall(RoutingContext ctx) {
    JsonObject body = bodyObject(ctx);
    if (body == null) {
      return;
    }
    if (eventGrid == null) {
      fail(ctx, 409, "NoEventGridWebhook", "inbound calls need --eventgrid-webhook "
          + "(CALLEMU_EVENTGRID_WEBHOOK): callemu has nowhere to post the IncomingCall event");
      return;
    }
    Identifier from;
    Identifier to;
    String displayName;
    try {
      from = identifier(body, "from");
      to = identifier(body, "to");
      Object name = body.getValue("callerDisplayName");
      if (name != null && !(name instanceof String)) {
        throw new IllegalArgumentException("callerDisplayName must be a string");
      }
      displayName = (String) name;
    } catch (IllegalArgumentException e) {
      fail(ctx, 400, "InvalidArgument", e.getMessage());
      return;
    } catch (AcsError e) {
      fail(ctx, 400, "InvalidArgument", e.getMessage());
      return;
    }
    if (!calls.hasRoom()) {
      fail(ctx, 429, "TooManyCalls", "callemu keeps at most " + CallService.MAX_CALLS
          + " calls; end some or POST /_emulator/reset");
      return;
    }
    IncomingCall offered = calls.offer(from, to, displayName);
    eventGrid.publishIncomingCall(offered).onComplete(ar -> {
      if (ar.failed()) {
        calls.dismiss(offered.incomingCallContext());
        fail(ctx, 502, "EventGridDeliveryFailed", ar.cause().getMessage());
        return;
      }
      ok(ctx, 201, new JsonObject()
          .put("incomingCallContext", offered.incomingCallContext())
          .put("serverCallId", offered.serverCallId())
          .put("correlationId", offered.correlationId())
          .put("from", from.toJson()).put("to", to.toJson())
          .put("expiresAt", iso(offered.expiresAt()))
          .put("event", ar.result()));
    });
  }

  /** {@code "+1555..."} (a phone number), a raw id ({@code "8:acs:..."}), or an identifier object. */
  private static Identifier identifier(JsonObject body, String field) {
    Object v = body.getValue(field);
    if (v instanceof String s && !s.isBlank()) {
      return s.startsWith("+") ? Identifier.phoneNumber(s) : Identifiers.fromRawId(s);
    }
    if (v instanceof JsonObject o) {
      return Identifiers.read(JsonFields.of(o, field));
    }
    throw new IllegalArgumentException(field + " is required: a phone number like \"+15551234567\", "
        + "a raw id like \"8:acs:...\" or an identifier object");
  }

  private void events(RoutingContext ctx) {
    Long since;
    try {
      String s = ctx.request().getParam("since");
      since = s == null || s.isEmpty() ? null : Long.parseLong(s);
    } catch (NumberFormatException e) {
      fail(ctx, 400, "InvalidArgument", "since must be a journal sequence number");
      return;
    }
    Predicate<JsonObject> filter = entryFilter(ctx.request().getParam("callConnectionId"),
        ctx.request().getParam("type"), ctx.request().getParam("kind"), since);
    ok(ctx, 200, new JsonObject().put("events", journal.find(filter)));
  }

  private static Predicate<JsonObject> entryFilter(String callConnectionId, String type, String kind, Long since) {
    return e -> (callConnectionId == null || callConnectionId.isEmpty()
            || callConnectionId.equals(e.getString("callConnectionId")))
        && (type == null || type.isEmpty() || typeMatches(type, e.getString("type")))
        && (kind == null || kind.isEmpty() || kind.equals(e.getString("kind")))
        && (since == null || e.getLong("seq") > since);
  }

  /** {@code CallConnected} and {@code Microsoft.Communication.CallConnected} both match. */
  private static boolean typeMatches(String wanted, String actual) {
    if (actual == null) {
      return false;
    }
    return actual.equals(wanted) || ("Microsoft.Communication." + actual).equals(wanted);
  }

  private void waitForEvent(RoutingContext ctx) {
    JsonObject body = bodyObject(ctx);
    if (body == null) {
      return;
    }
    Object type = body.getValue("type");
    Object call = body.getValue("callConnectionId");
    Object timeout = body.getValue("timeoutMs", 10_000);
    Object since = body.getValue("since");
    if (!(type instanceof String) || ((String) type).isEmpty()) {
      fail(ctx, 400, "InvalidArgument", "type is required, e.g. \"CallConnected\"");
      return;
    }
    if (call != null && !(call instanceof String)) {
      fail(ctx, 400, "InvalidArgument", "callConnectionId must be a string");
      return;
    }
    if (!(timeout instanceof Integer || timeout instanceof Long) || ((Number) timeout).longValue() < 0
        || ((Number) timeout).longValue() > MAX_WAIT_MS) {
      fail(ctx, 400, "InvalidArgument", "timeoutMs must be a whole number from 0 to " + MAX_WAIT_MS);
      return;
    }
    if (since != null && !(since instanceof Integer || since instanceof Long)) {
      fail(ctx, 400, "InvalidArgument", "since must be a journal sequence number");
      return;
    }
    Predicate<JsonObject> filter = entryFilter((String) call, (String) type, "callback",
        since == null ? null : ((Number) since).longValue());
    Predicate<JsonObject> delivered = e -> filter.test(e) && "delivered".equals(e.getString("outcome"));
    Promise<JsonObject> promise = Promise.promise();
    long ms = ((Number) timeout).longValue();
    // A real-time limit for the HTTP caller, not emulated time: it is no domain timer.
    long timer = vertx.setTimer(Math.max(1, ms), id -> promise.tryFail("timeout"));
    ctx.request().connection().closeHandler(v -> promise.tryFail("gone"));
    journal.await(delivered, promise).onComplete(ar -> {
      vertx.cancelTimer(timer);
      if (ar.succeeded()) {
        ok(ctx, 200, ar.result());
      } else if (!ctx.response().closed()) {
        fail(ctx, 408, "Timeout", "no " + type + " callback was delivered"
            + (call == null ? "" : " for call " + call) + " within " + ms + " ms");
      }
    });
  }

  private void clock(RoutingContext ctx) {
    ok(ctx, 200, clockJson());
  }

  private JsonObject clockJson() {
    JsonObject o = new JsonObject().put("mode", clock.mode()).put("now", iso(clock.nowMillis()))
        .put("nowMillis", clock.nowMillis());
    if (clock instanceof VirtualClock v) {
      o.put("pendingTimers", v.pending());
      if (v.nextDueAt() >= 0) {
        o.put("nextDueAt", iso(v.nextDueAt()));
      }
    }
    return o;
  }

  private void advance(RoutingContext ctx) {
    if (!(clock instanceof VirtualClock virtual)) {
      fail(ctx, 409, "WallClock", "the clock is wall time; start callemu with --clock virtual to advance it");
      return;
    }
    JsonObject body = bodyObject(ctx);
    if (body == null) {
      return;
    }
    Object ms = body.getValue("ms");
    if (!(ms instanceof Integer || ms instanceof Long) || ((Number) ms).longValue() < 0
        || ((Number) ms).longValue() > 31L * 24 * 3600 * 1000) {
      fail(ctx, 400, "InvalidArgument", "ms must be a whole number from 0 to 2678400000 (31 days)");
      return;
    }
    virtual.advance(((Number) ms).longValue(), this::settled)
        .onComplete(ar -> ok(ctx, 200, clockJson()));
  }

  /**
   * Completes when nothing that takes real time is under way: no prompt file being fetched (its
   * end sets the prompt's timer or fails the operation) and then no callback being sent.
   */
  private Future<Void> settled() {
    return media.whenPromptsFetched().compose(v -> callbacks.whenSettled());
  }

  private void addFault(RoutingContext ctx) {
    JsonObject body = bodyObject(ctx);
    if (body == null) {
      return;
    }
    try {
      checkCatalogued(body);
      JsonObject armed = faults.add(body).toJson();
      // A websocket fault drops open transcription connections at once.
      transcriptions.applyWebsocketFaults();
      ok(ctx, 201, armed);
    } catch (IllegalArgumentException e) {
      fail(ctx, 400, "InvalidArgument", e.getMessage());
    }
  }

  /** Media faults without a message take it from the catalogue, so their row must be there. */
  private static void checkCatalogued(JsonObject body) {
    Object action = body.getValue("action");
    if (!(action instanceof String a) || !CATALOGUED_ACTIONS.contains(a)
        || !(body.getValue("result") instanceof JsonObject r) || r.getValue("message") != null
        || !(r.getValue("code") instanceof Integer code) || !(r.getValue("subCode") instanceof Integer subCode)) {
      return;
    }
    Object event = r.getValue("event");
    if (ResultCatalogue.find(a, event instanceof String e ? e : null, code, subCode).isEmpty()) {
      throw new IllegalArgumentException("the result catalogue has no " + a + " row " + code + "/" + subCode
          + (event == null ? "" : " for " + event) + " (GET /_emulator/catalogue); give result.message to send it anyway");
    }
  }

  private void addScenario(RoutingContext ctx) {
    String text = ctx.body().asString(StandardCharsets.UTF_8.name());
    if (text == null || text.isBlank()) {
      fail(ctx, 400, "InvalidArgument", "the body must be a scenario document (JSON or YAML)");
      return;
    }
    try {
      int added = scenarios.add(text);
      ok(ctx, 201, scenarios.toJson().put("added", added));
    } catch (IllegalArgumentException e) {
      fail(ctx, 400, "InvalidArgument", e.getMessage());
    }
  }

  private void changeSettings(RoutingContext ctx) {
    JsonObject body = bodyObject(ctx);
    if (body == null) {
      return;
    }
    Map<String, String> checked = new LinkedHashMap<>();
    try {
      // Check all first so that a bad value changes nothing.
      for (String key : body.fieldNames()) {
        Object v = body.getValue(key);
        if (v instanceof JsonObject || v instanceof JsonArray || v == null) {
          throw new IllegalArgumentException("setting " + key + " takes a plain value");
        }
        checked.put(key, settings.check(key, String.valueOf(v)));
      }
    } catch (IllegalArgumentException e) {
      fail(ctx, 400, "InvalidArgument", e.getMessage());
      return;
    }
    checked.forEach((k, v) -> settings.set(k, v, "api"));
    ok(ctx, 200, settings.toJson());
  }

  private void notYet(RoutingContext ctx, String what) {
    fail(ctx, 501, "NotImplemented", what + " is not implemented by this callemu version");
  }

  /** The body as a JSON object (empty body: {}), or null after answering 400. */
  static JsonObject bodyObject(RoutingContext ctx) {
    if (ctx.body() == null || ctx.body().length() == 0) {
      return new JsonObject();
    }
    try {
      Object v = io.vertx.core.json.Json.decodeValue(ctx.body().buffer());
      if (v instanceof JsonObject o) {
        return o;
      }
      fail(ctx, 400, "InvalidArgument", "the body must be a JSON object");
    } catch (DecodeException e) {
      fail(ctx, 400, "InvalidJson", "the body is not valid JSON");
    }
    return null;
  }

  private static String iso(long epochMillis) {
    return Instant.ofEpochMilli(epochMillis).toString();
  }

  public static void ok(RoutingContext ctx, int status, JsonObject body) {
    if (ctx.response().ended() || ctx.response().closed()) {
      return;
    }
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8")
        .end(body.encode());
  }

  public static void fail(RoutingContext ctx, int status, String code, String message) {
    ok(ctx, status, new JsonObject().put("error", new JsonObject().put("code", code).put("message", message)));
  }
}
