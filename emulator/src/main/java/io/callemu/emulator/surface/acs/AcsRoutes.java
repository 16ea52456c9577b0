package io.callemu.emulator.surface.acs;

import io.callemu.emulator.core.call.Call;
import io.callemu.emulator.core.call.CallService;
import io.callemu.emulator.core.call.Platform;
import io.callemu.emulator.core.media.MediaService;
import io.callemu.emulator.core.outcome.Outcome;
import io.callemu.emulator.core.outcome.Refusal;
import io.callemu.emulator.core.settings.Settings;
import io.callemu.emulator.core.transcription.TranscriptionService;
import io.callemu.emulator.platform.http.HttpReply;
import io.callemu.emulator.platform.http.JsonReader;
import io.callemu.emulator.platform.http.Replies;
import io.callemu.emulator.platform.http.Repeatability;
import io.callemu.emulator.platform.http.RepeatabilityCache;
import io.callemu.emulator.platform.http.RequestPipeline;
import static io.callemu.emulator.platform.http.RequestPipeline.answer;
import io.callemu.emulator.platform.journal.Journal;
import io.callemu.emulator.surface.acs.auth.AuthResult;
import io.callemu.emulator.surface.acs.auth.HmacAuthenticator;
import io.callemu.emulator.surface.acs.auth.SignedRequest;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.Set;

/**
 * The ACS Call Automation REST surface under {@code /calling}: on the shared request pipeline
 * (journal, body limit) each request is authenticated with HMAC over the request target and Host
 * exactly as received, checked for its api-version, replayed from the repeatability cache when
 * repeated, and only then routed to a small handler that validates fully before calling the core.
 */
public final class AcsRoutes {

  /** Largest request body accepted (413 beyond). */
  public static final int BODY_LIMIT = 1 << 20;

  private static final String API_VERSION = "callemu.acs.apiVersion";
  private static final String CONNECTION = "/callConnections/(?<id>[^/:]+)";
  /** Operations of the call connection that callemu does not implement (405/8520). */
  private static final Set<String> UNIMPLEMENTED_CALL_ACTIONS = Set.of("transferToParticipant",
      "hold", "unhold", "startMediaStreaming", "stopMediaStreaming", "interruptAudioAndAnnounce", "summarizeCall");
  private static final Set<String> UNIMPLEMENTED_PARTICIPANT_ACTIONS =
      Set.of("add", "remove", "mute", "cancelAddParticipant", "moveHere");

  private final CallService calls;
  private final Settings settings;
  private final Journal journal;
  private final RepeatabilityCache repeats;
  private final String accessKey;
  private final boolean loose;
  private final AcsCalls callRoutes;
  private final AcsMedia media;
  private final AcsTranscriptionActions transcription;
  private HmacAuthenticator authenticator;
  private long authenticatorSkew = -1;

  public AcsRoutes(CallService calls, MediaService media, TranscriptionService transcriptions, Settings settings,
      Journal journal, RepeatabilityCache repeats, String accessKey, boolean loose) {
    this.calls = calls;
    this.settings = settings;
    this.journal = journal;
    this.repeats = repeats;
    this.accessKey = accessKey;
    this.loose = loose;
    this.callRoutes = new AcsCalls(calls, transcriptions);
    this.media = new AcsMedia(media, settings);
    this.transcription = new AcsTranscriptionActions(transcriptions);
  }

  /** Mounts the surface under {@code /calling} of {@code root}. */
  public void mount(Vertx vertx, Router root) {
    Router r = Router.router(vertx);
    RequestPipeline pipeline = RequestPipeline.on(r, "acs", journal, new AcsErrors(), AcsRoutes::echo)
        .stage(Repeatability.resultHeader())
        .readBody(BODY_LIMIT)
        .stage(this::authenticate)
        .stage(this::apiVersion)
        .stage(Repeatability.replayOrKeep(repeats));
    r.post("/callConnections").handler(answer(callRoutes::create));
    r.postWithRegex("/callConnections:(?<action>[A-Za-z]+)").handler(answer(this::connectionsAction));
    r.getWithRegex(CONNECTION).handler(answer(callRoutes::get));
    r.deleteWithRegex(CONNECTION).handler(answer(callRoutes::hangUp));
    r.postWithRegex(CONNECTION + ":(?<action>[A-Za-z]+)").handler(answer(this::callAction));
    r.getWithRegex(CONNECTION + "/participants").handler(answer(callRoutes::participants));
    r.postWithRegex(CONNECTION + "/participants:(?<action>[A-Za-z]+)").handler(answer(this::participantsAction));
    r.getWithRegex(CONNECTION + "/participants/(?<rawId>.+)").handler(answer(callRoutes::participant));
    r.routeWithRegex("/recordings(/.*)?").handler(answer(ctx -> {
      throw AcsErrors.notImplemented("recording");
    }));
    pipeline.endWithNotFound();
    root.route("/calling*").subRouter(r);
  }

  /** Every answer echoes the client's request id. */
  private static HttpReply echo(RoutingContext ctx, HttpReply reply) {
    String clientRequestId = ctx.request().getHeader("x-ms-client-request-id");
    return clientRequestId == null ? reply : reply.with("x-ms-client-request-id", clientRequestId);
  }

  /** The request body as a JSON object (an empty body is refused). */
  static JsonReader body(RoutingContext ctx) {
    return JsonReader.parse(ctx.body().buffer(), false);
  }

  /** Marks {@code reply} as being about {@code call}: journalled with it, its chain id in a header. */
  static HttpReply forCall(RoutingContext ctx, Call call, HttpReply reply) {
    ctx.put(RequestPipeline.CALL_ID, call.id());
    return reply.with("X-Microsoft-Skype-Chain-ID", call.correlationId());
  }

  private void authenticate(RoutingContext ctx) {
    String host = ctx.request().getHeader("Host");
    if (host == null && ctx.request().authority() != null) {
      host = ctx.request().authority().toString();
    }
    byte[] body = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
    AuthResult result = authenticator().verify(new SignedRequest(ctx.request().method().name(), ctx.request().uri(),
        host, ctx.request().getHeader("x-ms-date"), ctx.request().getHeader("x-ms-content-sha256"),
        ctx.request().getHeader("Authorization"), body));
    if (!result.ok()) {
      throw AcsErrors.unauthorized(result.code(), result.message());
    }
    ctx.next();
  }

  /** The HMAC verifier, rebuilt when the allowed clock skew setting changes. */
  private HmacAuthenticator authenticator() {
    long skew = settings.get(AcsSettings.MAX_CLOCK_SKEW_SECONDS);
    if (authenticator == null || skew != authenticatorSkew) {
      authenticator = new HmacAuthenticator(accessKey, java.time.Clock.systemUTC(), Duration.ofSeconds(skew));
      authenticatorSkew = skew;
    }
    return authenticator;
  }

  private void apiVersion(RoutingContext ctx) {
    ctx.put(API_VERSION, ApiVersions.check(ctx.request().getParam("api-version"), loose));
    ctx.next();
  }

  private static boolean ga1(RoutingContext ctx) {
    return ApiVersions.V2023_03_06.equals(ctx.get(API_VERSION));
  }

  private HttpReply connectionsAction(RoutingContext ctx) {
    switch (ctx.pathParam("action")) {
      case "answer": return callRoutes.answer(ctx);
      case "redirect": return callRoutes.redirect(ctx);
      case "reject": return callRoutes.reject(ctx);
      case "connect": throw AcsErrors.notImplemented("connect");
      default: throw AcsErrors.unknownOperation(HttpMethod.POST.name(), ctx.request().path());
    }
  }

  private HttpReply callAction(RoutingContext ctx) {
    String action = ctx.pathParam("action");
    switch (action) {
      case "startTranscription":
      case "updateTranscription":
      case "stopTranscription":
        return transcriptionAction(ctx, action);
      default:
        break;
    }
    Call call = callRoutes.active(ctx);
    ctx.put(RequestPipeline.CALL_ID, call.id());
    HttpReply reply = switch (action) {
      case "terminate" -> {
        calls.hangUpByApp(call);
        yield HttpReply.empty(204);
      }
      case "play" -> media.play(call, body(ctx), ga1(ctx));
      case "recognize" -> media.recognize(call, body(ctx), ga1(ctx));
      case "cancelAllMediaOperations" -> media.cancelAll(call);
      case "startContinuousDtmfRecognition" -> media.continuousDtmf(call, body(ctx), ga1(ctx), true);
      case "stopContinuousDtmfRecognition" -> media.continuousDtmf(call, body(ctx), ga1(ctx), false);
      case "sendDtmfTones" -> media.sendDtmf(call, body(ctx), ga1(ctx));
      default -> throw UNIMPLEMENTED_CALL_ACTIONS.contains(action) ? AcsErrors.notImplemented(action)
          : AcsErrors.unknownOperation(HttpMethod.POST.name(), ctx.request().path());
    };
    return forCall(ctx, call, reply);
  }

  private HttpReply transcriptionAction(RoutingContext ctx, String action) {
    Call call = calls.find(ctx.pathParam("id"));
    if (call == null || call.platform() != Platform.ACS) {
      throw new Refusal(Outcome.CALL_NOT_FOUND);
    }
    JsonReader f = JsonReader.parse(ctx.body().buffer(), true);
    HttpReply reply = switch (action) {
      case "startTranscription" -> transcription.start(call, f);
      case "updateTranscription" -> transcription.update(call, f);
      default -> transcription.stop(call, f);
    };
    return forCall(ctx, call, reply);
  }

  private HttpReply participantsAction(RoutingContext ctx) {
    callRoutes.active(ctx);
    String action = ctx.pathParam("action");
    throw UNIMPLEMENTED_PARTICIPANT_ACTIONS.contains(action) ? AcsErrors.notImplemented("participants:" + action)
        : AcsErrors.unknownOperation(HttpMethod.POST.name(), ctx.request().path());
  }
}
