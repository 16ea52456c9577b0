package io.callemu.emulator.surface.graph;

import io.callemu.emulator.core.call.AppIdentity;
import io.callemu.emulator.core.call.Call;
import io.callemu.emulator.core.call.CallService;
import io.callemu.emulator.core.call.CallSetup;
import io.callemu.emulator.core.call.Platform;
import io.callemu.emulator.core.outcome.Outcome;
import io.callemu.emulator.core.outcome.Refusal;
import io.callemu.emulator.core.party.Cloud;
import io.callemu.emulator.core.party.Party;
import io.callemu.emulator.core.party.TeamsApp;
import io.callemu.emulator.platform.http.HttpReply;
import io.callemu.emulator.platform.http.JsonReader;
import io.callemu.emulator.platform.http.RequestOrigin;
import io.callemu.emulator.platform.http.RequestPipeline;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The call routes of the Graph surface (reference graph-and-speech.md A3, A4): create (201 +
 * {@code Location}), get, delete (204), answer, reject and redirect (202). Each request is validated
 * completely before the {@link CallService} is told. Creating or answering first makes sure the
 * notification token for the bot is signed, so the call's notifications are never held up by a
 * signature.
 */
final class GraphCalls {

  static final int MAX_TARGETS = 100;
  static final int MAX_PREFETCH = 100;
  private static final Set<String> MODALITIES = Set.of("unknown", "audio", "video", "videoBasedScreenSharing", "data");
  private static final Set<String> REJECT_REASONS = Set.of("none", "busy", "forbidden");
  private static final String SERVICE_HOSTED = "#microsoft.graph.serviceHostedMediaConfig";

  private final CallService calls;
  private final BotNotificationTokens notifications;

  GraphCalls(CallService calls, BotNotificationTokens notifications) {
    this.calls = calls;
    this.notifications = notifications;
  }

  /** The request body as a JSON object (an empty body is refused). */
  static JsonReader body(RoutingContext ctx) {
    return JsonReader.parse(ctx.body().buffer(), false);
  }

  /** The Graph call named in the path, if it still lasts; 404 {@code 8522} otherwise. */
  Call active(RoutingContext ctx) {
    Call call = calls.find(ctx.pathParam("id"));
    if (call == null || call.platform() != Platform.GRAPH || !call.isActive()) {
      throw new Refusal(Outcome.CALL_NOT_FOUND);
    }
    ctx.put(RequestPipeline.CALL_ID, call.id());
    return call;
  }

  Future<HttpReply> create(RoutingContext ctx) {
    JsonReader f = body(ctx);
    String type = f.optString("@odata.type");
    if (type != null && !type.equals("#microsoft.graph.call")) {
      throw f.invalid("@odata.type", "must be #microsoft.graph.call, got '" + type + "'");
    }
    if (f.has("meetingInfo") || f.has("chatInfo")) {
      throw GraphErrors.notImplemented("joining meetings and group calls (meetingInfo, chatInfo)");
    }
    String callbackUri = f.requireHttpUri("callbackUri");
    List<Party> targets = new ArrayList<>();
    for (JsonReader t : f.requireObjects("targets", false, MAX_TARGETS, "targets")) {
      targets.add(GraphIdentitySets.readParticipant(t));
    }
    modalities(f, "requestedModalities", false);
    serviceHostedMedia(f);
    JsonReader source = f.optObject("source");
    if (source != null) {
      GraphIdentitySets.readParticipant(source);
    }
    String tenant = f.optString("tenantId");
    f.optString("subject");
    GraphCaller caller = GraphCaller.of(ctx);
    AppIdentity app = new AppIdentity(caller.appId(), tenant != null ? tenant : caller.tenantId());
    return notificationToken(app).compose(signed -> {
      Call call = calls.create(Platform.GRAPH, TeamsApp.of(app.appId(), Cloud.PUBLIC), targets,
          CallSetup.forApp(callbackUri, app));
      ctx.put(RequestPipeline.CALL_ID, call.id());
      String location = RequestOrigin.of(ctx.request()) + trimSlash(ctx.request().path()) + "/" + call.id();
      return Future.succeededFuture(HttpReply.json(201, GraphResources.call(call)
          .put("@odata.context", odataContext(ctx))).with("Location", location));
    });
  }

  HttpReply get(RoutingContext ctx) {
    Call call = active(ctx);
    return HttpReply.json(200, GraphResources.call(call).put("@odata.context", odataContext(ctx)));
  }

  HttpReply delete(RoutingContext ctx) {
    Call call = active(ctx);
    calls.hangUpByApp(call);
    return HttpReply.empty(204);
  }

  Future<HttpReply> answer(RoutingContext ctx) {
    Call call = active(ctx);
    JsonReader f = body(ctx);
    String callbackUri = f.optHttpUri("callbackUri");
    modalities(f, "acceptedModalities", true);
    serviceHostedMedia(f);
    f.optObject("callOptions");
    f.optInt("participantCapacity", 0, Integer.MAX_VALUE, 0);
    GraphCaller caller = GraphCaller.of(ctx);
    AppIdentity app = new AppIdentity(caller.appId(), caller.tenantId());
    CallSetup setup = CallSetup.forApp(callbackUri != null ? callbackUri : call.setup().callbackUri(), app);
    return notificationToken(app).compose(signed -> {
      calls.answerOffered(call, setup);
      return Future.succeededFuture(HttpReply.empty(202));
    });
  }

  HttpReply reject(RoutingContext ctx) {
    Call call = active(ctx);
    JsonReader f = body(ctx);
    String reason = f.optString("reason");
    if (reason != null && !REJECT_REASONS.contains(reason)) {
      throw f.invalid("reason", "must be none, busy or forbidden, got '" + reason + "'");
    }
    f.optHttpUri("callbackUri");
    calls.dismissOffered(call);
    return HttpReply.empty(202);
  }

  HttpReply redirect(RoutingContext ctx) {
    Call call = active(ctx);
    JsonReader f = body(ctx);
    for (JsonReader t : f.requireObjects("targets", false, MAX_TARGETS, "targets")) {
      GraphIdentitySets.readParticipant(t);
    }
    f.optInt("timeout", 1, 3_600, 0);
    f.optHttpUri("callbackUri");
    calls.dismissOffered(call);
    return HttpReply.empty(202);
  }

  /** The bot's notification token, ready before its call's first notification; 503 when it cannot be signed. */
  private Future<String> notificationToken(AppIdentity app) {
    return notifications.sign(app.appId(), app.tenantId()).recover(e -> Future.failedFuture(
        GraphErrors.serviceUnavailable("callemu cannot sign notifications: " + e.getMessage())));
  }

  /** {@code requestedModalities} / {@code acceptedModalities}: known modalities, audio among them. */
  private static void modalities(JsonReader f, String field, boolean required) {
    JsonArray list = f.optArray(field);
    if (list == null) {
      if (required) {
        throw f.invalid(field, "is required, e.g. [\"audio\"]");
      }
      return;
    }
    boolean audio = false;
    for (int i = 0; i < list.size(); i++) {
      Object m = list.getValue(i);
      if (!(m instanceof String name) || !MODALITIES.contains(name)) {
        throw f.invalid(field + "[" + i + "]", "must be one of " + MODALITIES);
      }
      audio |= name.equals("audio");
    }
    if (!audio) {
      throw f.invalid(field, "must include \"audio\" (callemu emulates audio calls)");
    }
  }

  /** {@code mediaConfig}: service-hosted media (the only kind callemu emulates), with its prefetch list. */
  private static void serviceHostedMedia(JsonReader f) {
    JsonReader media = f.requireObject("mediaConfig");
    String type = media.optString("@odata.type");
    if (type == null) {
      throw media.invalid("@odata.type", "is required: " + SERVICE_HOSTED);
    }
    if (!type.equals(SERVICE_HOSTED)) {
      if (type.equals("#microsoft.graph.appHostedMediaConfig")) {
        throw GraphErrors.notImplemented("app-hosted media (appHostedMediaConfig); use serviceHostedMediaConfig");
      }
      throw media.invalid("@odata.type", "must be " + SERVICE_HOSTED + ", got '" + type + "'");
    }
    if (media.has("preFetchMedia")) {
      for (JsonReader info : media.requireObjects("preFetchMedia", true, MAX_PREFETCH, "media")) {
        GraphMedia.mediaUri(info);
        info.optString("resourceId");
      }
    }
  }

  /** {@code https://…/v1.0/$metadata#communications/calls/$entity} on the request's origin and version. */
  private static String odataContext(RoutingContext ctx) {
    return RequestOrigin.of(ctx.request()) + "/" + GraphRoutes.version(ctx) + "/$metadata#communications/calls/$entity";
  }

  private static String trimSlash(String path) {
    return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }
}
