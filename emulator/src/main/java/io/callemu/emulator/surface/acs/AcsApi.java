package io.callemu.emulator.surface.acs;

import io.callemu.emulator.surface.acs.auth.AuthResult;
import io.callemu.emulator.surface.acs.auth.HmacAuthenticator;
import io.callemu.emulator.surface.acs.auth.SignedRequest;
import io.callemu.emulator.core.call.Call;
import io.callemu.emulator.core.call.CallService;
import io.callemu.emulator.core.call.CreateCallCommand;
import io.callemu.emulator.core.call.Identifier;
import io.callemu.emulator.platform.http.RepeatabilityCache;
import io.callemu.emulator.platform.http.RepeatabilityCache.StoredResponse;
import io.callemu.emulator.platform.journal.Journal;
import io.callemu.emulator.core.transcription.TranscriptionOptions;
import io.callemu.emulator.core.transcription.TranscriptionService;
import io.callemu.emulator.core.media.MediaService;
import io.callemu.emulator.core.settings.Settings;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ACS Call Automation REST surface under {@code /calling}. Each request is read whole (bounded),
 * authenticated with HMAC over the request-target and Host exactly as received, checked for its
 * api-version, replayed from the repeatability cache when repeated, and only then routed to a
 * small handler that validates fully before calling the {@link CallService}.
 */
public final class AcsApi implements Handler<HttpServerRequest> {

  /** Largest request body accepted (413 beyond). */
  public static final int BODY_LIMIT = 1 << 20;

  private static final String JSON = "application/json; charset=utf-8";
  private static final Pattern CONNECTIONS_ACTION = Pattern.compile("/calling/callConnections:([A-Za-z]+)");
  private static final Pattern CONNECTION = Pattern.compile("/calling/callConnections/([^/:]+)(?::([A-Za-z]+))?");
  private static final Pattern PARTICIPANTS =
      Pattern.compile("/calling/callConnections/([^/:]+)/participants(?::([A-Za-z]+))?");
  private static final Pattern PARTICIPANT = Pattern.compile("/calling/callConnections/([^/:]+)/participants/(.+)");
  /** Operations of reference section 4 that callemu does not implement yet (405/8520). */
  private static final Set<String> LATER_CALL_ACTIONS = Set.of("transferToParticipant",
      "hold", "unhold", "startMediaStreaming", "stopMediaStreaming",
      "interruptAudioAndAnnounce", "summarizeCall");
  private static final Set<String> TRANSCRIPTION_ACTIONS =
      Set.of("startTranscription", "updateTranscription", "stopTranscription");
  private static final Set<String> LATER_PARTICIPANT_ACTIONS =
      Set.of("add", "remove", "mute", "cancelAddParticipant", "moveHere");
  private static final int MAX_TARGETS = 100;

  private final CallService calls;
  private final Supplier<HmacAuthenticator> authenticator;
  private final RepeatabilityCache repeats;
  private final Journal journal;
  private final boolean loose;
  private final MediaActions media;
  private final TranscriptionService transcriptions;

  public AcsApi(CallService calls, MediaService media, Settings settings,
      Supplier<HmacAuthenticator> authenticator, RepeatabilityCache repeats, Journal journal,
      boolean loose, TranscriptionService transcriptions) {
    this.calls = calls;
    this.media = new MediaActions(media, settings);
    this.transcriptions = transcriptions;
    this.authenticator = authenticator;
    this.repeats = repeats;
    this.journal = journal;
    this.loose = loose;
  }

  @Override
  public void handle(HttpServerRequest req) {
    String declared = req.getHeader("Content-Length");
    if (declared != null && parseLength(declared) > BODY_LIMIT) {
      reply(req, error(AcsErrors.bodyTooLarge(BODY_LIMIT)), null);
      return;
    }
    Buffer body = Buffer.buffer();
    boolean[] tooLarge = new boolean[1];
    req.handler(chunk -> {
      if (tooLarge[0]) {
        return;
      }
      if (body.length() + chunk.length() > BODY_LIMIT) {
        tooLarge[0] = true;
        reply(req, error(AcsErrors.bodyTooLarge(BODY_LIMIT)), null);
        return;
      }
      body.appendBuffer(chunk);
    });
    req.endHandler(v -> {
      if (!tooLarge[0]) {
        process(req, body);
      }
    });
    req.exceptionHandler(e -> {
      // The client went away while sending; there is nobody to answer.
    });
  }

  private static long parseLength(String value) {
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private void process(HttpServerRequest req, Buffer body) {
    String method = req.method().name();
    String rawTarget = req.uri();
    String path = req.path();
    String requestId = req.getHeader("Repeatability-Request-ID");
    Outcome outcome;
    try {
      authenticate(req, body);
      String apiVersion = ApiVersions.check(req.getParam("api-version"), loose);
      StoredResponse replay = requestId == null ? null : repeats.get(method, path, requestId).orElse(null);
      if (replay != null) {
        outcome = new Outcome(replay, true, null);
      } else {
        Result result = route(req.method(), path, body, apiVersion);
        outcome = new Outcome(result.toStored(), false, result.callConnectionId);
        if (requestId != null && result.status < 500) {
          repeats.put(method, path, requestId, outcome.response);
        }
      }
    } catch (AcsError e) {
      outcome = new Outcome(error(e), false, null);
    }
    reply(req, outcome.response, requestId);
    JsonObject entry = new JsonObject().put("kind", "request").put("surface", "acs")
        .put("method", method).put("uri", rawTarget).put("status", outcome.response.status());
    if (outcome.callConnectionId != null) {
      entry.put("callConnectionId", outcome.callConnectionId);
    }
    if (outcome.replayed) {
      entry.put("replayed", true);
    }
    journal.record(entry);
  }

  private void authenticate(HttpServerRequest req, Buffer body) {
    String host = req.getHeader("Host");
    if (host == null && req.authority() != null) {
      host = req.authority().toString();
    }
    AuthResult result = authenticator.get().verify(new SignedRequest(req.method().name(), req.uri(),
        host, req.getHeader("x-ms-date"), req.getHeader("x-ms-content-sha256"),
        req.getHeader("Authorization"), body.getBytes()));
    if (!result.ok()) {
      throw AcsErrors.unauthorized(result.code(), result.message());
    }
  }

  private Result route(HttpMethod method, String path, Buffer body, String apiVersion) {
    Matcher m;
    if (path.equals("/calling/callConnections")) {
      requireMethod(method, HttpMethod.POST, path);
      return createCall(body);
    }
    if ((m = CONNECTIONS_ACTION.matcher(path)).matches()) {
      requireMethod(method, HttpMethod.POST, path);
      switch (m.group(1)) {
        case "answer": return answerCall(body);
        case "redirect": return dismissIncoming(body, true);
        case "reject": return dismissIncoming(body, false);
        case "connect": throw AcsErrors.notImplemented("connect");
        default: throw AcsErrors.unknownOperation(method.name(), path);
      }
    }
    if ((m = CONNECTION.matcher(path)).matches()) {
      String action = m.group(2);
      if (action != null && TRANSCRIPTION_ACTIONS.contains(action)) {
        requireMethod(method, HttpMethod.POST, path);
        return transcription(action, decode(m.group(1)), body);
      }
      Call call = activeCall(decode(m.group(1)));
      if (action == null) {
        if (method == HttpMethod.GET) {
          return Result.json(200, properties(call, null), call);
        }
        requireMethod(method, HttpMethod.DELETE, path);
        calls.hangUpByApp(call);
        return Result.empty(204, call);
      }
      requireMethod(method, HttpMethod.POST, path);
      if (action.equals("terminate")) {
        calls.hangUpByApp(call);
        return Result.empty(204, call);
      }
      if (MediaActions.handles(action)) {
        MediaActions.Reply reply = media.handle(action, call, body, apiVersion);
        return reply.body() == null ? Result.empty(reply.status(), call) : Result.json(reply.status(), reply.body(), call);
      }
      if (LATER_CALL_ACTIONS.contains(action)) {
        throw AcsErrors.notImplemented(action);
      }
      throw AcsErrors.unknownOperation(method.name(), path);
    }
    if ((m = PARTICIPANTS.matcher(path)).matches()) {
      Call call = activeCall(decode(m.group(1)));
      String action = m.group(2);
      if (action == null) {
        requireMethod(method, HttpMethod.GET, path);
        return Result.json(200, CallJson.participants(call), call);
      }
      requireMethod(method, HttpMethod.POST, path);
      if (LATER_PARTICIPANT_ACTIONS.contains(action)) {
        throw AcsErrors.notImplemented("participants:" + action);
      }
      throw AcsErrors.unknownOperation(method.name(), path);
    }
    if ((m = PARTICIPANT.matcher(path)).matches()) {
      requireMethod(method, HttpMethod.GET, path);
      Call call = activeCall(decode(m.group(1)));
      // Java 1.0.4 sends the raw id as is, JS percent-encodes it: decode exactly once.
      String rawId = decode(m.group(2));
      Identifier p = call.participant(rawId);
      if (p == null) {
        throw AcsErrors.participantNotFound(rawId);
      }
      return Result.json(200, io.callemu.emulator.core.call.Call.participantJson(p), call);
    }
    if (path.startsWith("/calling/recordings")) {
      throw AcsErrors.notImplemented("recording");
    }
    throw AcsErrors.unknownOperation(method.name(), path);
  }

  /**
   * {@code :startTranscription}, {@code :updateTranscription}, {@code :stopTranscription}: 202 with
   * no body, or the synchronous rows of reference section 8.3 (an ended call answers 400/8528, not
   * 404, so the call is looked up among ended ones too).
   */
  private Result transcription(String action, String callConnectionId, Buffer body) {
    Call call = calls.find(callConnectionId);
    if (call == null) {
      throw AcsErrors.callNotFound();
    }
    JsonFields f = body.length() == 0 ? JsonFields.of(new JsonObject(), "") : JsonFields.parse(body);
    switch (action) {
      case "startTranscription" -> transcriptions.start(call, f);
      case "updateTranscription" -> transcriptions.update(call, f);
      default -> transcriptions.stop(call, f);
    }
    return Result.empty(202, call);
  }

  /** CallConnectionProperties with the transcription subscription when the call has one. */
  private JsonObject properties(Call call, String stateOverride) {
    JsonObject o = CallJson.properties(call, stateOverride);
    JsonObject subscription = transcriptions.subscription(call);
    if (subscription != null) {
      o.put("transcriptionSubscription", subscription);
    }
    return o;
  }

  private static void requireMethod(HttpMethod actual, HttpMethod expected, String path) {
    if (actual != expected) {
      throw AcsErrors.unknownOperation(actual.name(), path);
    }
  }

  private Call activeCall(String id) {
    Call call = calls.find(id);
    if (call == null || !call.isActive()) {
      throw AcsErrors.callNotFound();
    }
    return call;
  }

  private Result createCall(Buffer body) {
    JsonFields f = JsonFields.parse(body);
    List<JsonFields> targetFields = f.requireObjects("targets", false);
    if (targetFields.size() > MAX_TARGETS) {
      throw AcsErrors.invalidArgument("targets may hold at most " + MAX_TARGETS + " identifiers");
    }
    List<Identifier> targets = new ArrayList<>();
    for (JsonFields t : targetFields) {
      targets.add(Identifiers.read(t));
    }
    String callbackUri = f.requireHttpUri("callbackUri");
    String operationContext = f.optString("operationContext");
    JsonObject extras = new JsonObject();
    JsonFields callerId = f.optObject("sourceCallerIdNumber");
    if (callerId != null) {
      extras.put("sourceCallerIdNumber", new JsonObject().put("value", callerId.requireString("value")));
    } else if (targets.stream().anyMatch(t -> t.kind().equals("phoneNumber"))) {
      throw AcsErrors.invalidArgument("sourceCallerIdNumber is required to call a phone number");
    }
    String displayName = f.optString("sourceDisplayName");
    if (displayName != null) {
      extras.put("sourceDisplayName", displayName);
    }
    JsonFields source = f.optObject("source");
    Identifier sourceId = source == null ? null : Identifier.communicationUser(source.requireString("id"));
    TranscriptionOptions.check(f);
    keepObjects(f, extras, "callIntelligenceOptions", "transcriptionOptions", "mediaStreamingOptions",
        "teamsAppSource");
    if (!calls.hasRoom()) {
      throw AcsErrors.tooManyCalls(CallService.MAX_CALLS);
    }
    Call call = calls.create(new CreateCallCommand(targets, sourceId, callbackUri, operationContext, extras));
    return Result.json(201, properties(call, null), call);
  }

  private Result answerCall(Buffer body) {
    JsonFields f = JsonFields.parse(body);
    String context = f.requireString("incomingCallContext");
    String callbackUri = f.requireHttpUri("callbackUri");
    String operationContext = f.optString("operationContext");
    JsonObject extras = new JsonObject();
    JsonFields answeredBy = f.optObject("answeredBy");
    if (answeredBy != null) {
      extras.put("answeredBy", new JsonObject().put("id", answeredBy.requireString("id")));
    }
    TranscriptionOptions.check(f);
    keepObjects(f, extras, "callIntelligenceOptions", "transcriptionOptions", "mediaStreamingOptions");
    if (!calls.hasRoom()) {
      throw AcsErrors.tooManyCalls(CallService.MAX_CALLS);
    }
    Call call = calls.answer(context, callbackUri, operationContext, extras);
    // The recorded answer response reports "unknown" until CallConnected (reference section 5).
    return Result.json(200, properties(call, "unknown"), call);
  }

  private Result dismissIncoming(Buffer body, boolean redirect) {
    JsonFields f = JsonFields.parse(body);
    String context = f.requireString("incomingCallContext");
    if (redirect) {
      Identifiers.read(f.requireObject("target"));
    } else {
      String reason = f.optString("callRejectReason");
      if (reason != null && !Set.of("none", "busy", "forbidden").contains(reason)) {
        throw AcsErrors.invalidArgument("callRejectReason must be none, busy or forbidden, got '" + reason + "'");
      }
    }
    if (!calls.dismiss(context)) {
      throw AcsErrors.incomingCallNotFound();
    }
    return Result.empty(204, null);
  }

  /** Type-checks optional object fields kept with the call for later features (media, transcription). */
  private static void keepObjects(JsonFields f, JsonObject extras, String... names) {
    for (String name : names) {
      JsonFields o = f.optObject(name);
      if (o != null) {
        extras.put(name, o.json().copy());
      }
    }
  }

  /** Percent-decodes one path segment once; a literal {@code +} stays a plus (path rules). */
  static String decode(String segment) {
    if (segment.indexOf('%') < 0) {
      return segment;
    }
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (int i = 0; i < segment.length(); i++) {
      char c = segment.charAt(i);
      if (c == '%') {
        if (i + 2 >= segment.length()) {
          throw AcsErrors.invalidArgument("bad percent-encoding in path segment '" + segment + "'");
        }
        int hi = Character.digit(segment.charAt(i + 1), 16);
        int lo = Character.digit(segment.charAt(i + 2), 16);
        if (hi < 0 || lo < 0) {
          throw AcsErrors.invalidArgument("bad percent-encoding in path segment '" + segment + "'");
        }
        out.write(hi * 16 + lo);
        i += 2;
      } else {
        byte[] bytes = String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.write(bytes, 0, bytes.length);
      }
    }
    return out.toString(java.nio.charset.StandardCharsets.UTF_8);
  }

  private static StoredResponse error(AcsError e) {
    return new StoredResponse(e.status(), Map.of("Content-Type", List.of(JSON)),
        e.body().toBuffer().getBytes());
  }

  private static void reply(HttpServerRequest req, StoredResponse response, String repeatabilityId) {
    HttpServerResponse resp = req.response();
    if (resp.ended()) {
      return;
    }
    resp.setStatusCode(response.status());
    response.headers().forEach((name, values) -> resp.putHeader(name, values));
    String clientRequestId = req.getHeader("x-ms-client-request-id");
    if (clientRequestId != null) {
      resp.putHeader("x-ms-client-request-id", clientRequestId);
    }
    if (repeatabilityId != null) {
      // Repeatable Requests: "accepted" when the request was carried out, "rejected" otherwise.
      resp.putHeader("Repeatability-Result", response.status() < 400 ? "accepted" : "rejected");
    }
    resp.end(Buffer.buffer(response.body()));
  }

  private record Outcome(StoredResponse response, boolean replayed, String callConnectionId) {
  }

  /** What a handler answers; the call gives the X-Microsoft-Skype-Chain-ID header. */
  private record Result(int status, JsonObject body, Call call, String callConnectionId) {

    static Result json(int status, JsonObject body, Call call) {
      return new Result(status, body, call, call.callConnectionId());
    }

    static Result empty(int status, Call call) {
      return new Result(status, null, call, call == null ? null : call.callConnectionId());
    }

    StoredResponse toStored() {
      Map<String, List<String>> headers = new LinkedHashMap<>();
      byte[] bytes = new byte[0];
      if (body != null) {
        headers.put("Content-Type", List.of(JSON));
        bytes = body.toBuffer().getBytes();
      }
      if (call != null) {
        headers.put("X-Microsoft-Skype-Chain-ID", List.of(call.correlationId()));
      }
      return new StoredResponse(status, headers, bytes);
    }
  }
}
