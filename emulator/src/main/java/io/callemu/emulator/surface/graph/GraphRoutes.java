package io.callemu.emulator.surface.graph;

import static io.callemu.emulator.platform.http.RequestPipeline.answer;
import static io.callemu.emulator.platform.http.RequestPipeline.answerLater;

import io.callemu.emulator.core.call.Call;
import io.callemu.emulator.platform.http.HttpReply;
import io.callemu.emulator.platform.http.RequestPipeline;
import io.callemu.emulator.platform.journal.Journal;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Graph calls API under {@code /v1.0} and {@code /beta} (reference graph-and-speech.md A1), on
 * the shared request pipeline: request ids, journal, body limit, then per route the token check for
 * the permission the operation needs (A2), then a handler that validates fully before calling the
 * core. Paths: {@code /communications/calls…} in both versions and the deprecated {@code /app/calls…}
 * in beta; every action with and without the {@code microsoft.graph.} prefix. Errors are Graph's
 * envelope from {@link GraphErrors}.
 */
final class GraphRoutes {

  static final List<String> VERSIONS = List.of("v1.0", "beta");
  /** Largest request body accepted (413 beyond). */
  static final int BODY_LIMIT = 1 << 20;
  private static final String ACTION_PREFIX = "microsoft.graph.";
  /** The permission each action needs (A2): answering, media access, or the one checked at creation. */
  private static final Map<String, GraphPermission> ACTIONS = Map.of(
      "answer", GraphPermission.ANSWER_CALL,
      "reject", GraphPermission.ANSWER_CALL,
      "redirect", GraphPermission.ANSWER_CALL,
      "recordResponse", GraphPermission.ACCESS_MEDIA,
      "subscribeToTone", GraphPermission.ACCESS_MEDIA,
      "playPrompt", GraphPermission.CHECKED_AT_CREATION,
      "cancelMediaProcessing", GraphPermission.CHECKED_AT_CREATION);
  /** Actions Graph's call has that callemu does not emulate (501). */
  private static final Set<String> NOT_EMULATED = Set.of("transfer", "mute", "unmute", "keepAlive",
      "changeScreenSharingRole", "updateRecordingStatus", "addLargeGalleryView", "sendDtmfTones", "record",
      "startHoldMusic", "stopHoldMusic");

  private final GraphAuth auth;
  private final GraphCalls calls;
  private final GraphMedia media;
  private final Journal journal;
  private final Clock clock;

  /** @param clock real time, for {@code innerError.date} */
  GraphRoutes(GraphAuth auth, GraphCalls calls, GraphMedia media, Journal journal, Clock clock) {
    this.auth = auth;
    this.calls = calls;
    this.media = media;
    this.journal = journal;
    this.clock = clock;
  }

  void mount(Vertx vertx, Router root) {
    for (String version : VERSIONS) {
      root.route("/" + version + "*").subRouter(router(vertx, version));
    }
  }

  private Router router(Vertx vertx, String version) {
    Router r = Router.router(vertx);
    RequestPipeline pipeline = RequestPipeline.on(r, "graph", journal, new GraphErrors(), GraphReplies::finish)
        .stage(GraphRequestIds.assign(clock))
        .readBody(BODY_LIMIT);
    List<String> roots = version.equals("beta") ? List.of("/communications/calls", "/app/calls")
        : List.of("/communications/calls");
    for (String calls : roots) {
      r.post(calls).handler(auth.require(GraphPermission.CREATE_CALL)).handler(answerLater(this.calls::create));
      r.get(calls + "/:id").handler(auth.require(GraphPermission.CHECKED_AT_CREATION))
          .handler(answer(this.calls::get));
      r.delete(calls + "/:id").handler(auth.require(GraphPermission.CHECKED_AT_CREATION))
          .handler(answer(this.calls::delete));
      r.get(calls + "/:id/operations/:opId").handler(auth.require(GraphPermission.CHECKED_AT_CREATION))
          .handler(answer(ctx -> media.operation(ctx, this.calls.active(ctx))));
      r.post(calls + "/:id/:action").handler(this::authorizeAction).handler(answerLater(this::action));
    }
    pipeline.endWithNotFound();
    return r;
  }

  /** {@code v1.0} or {@code beta}: the version the request's path names. */
  static String version(RoutingContext ctx) {
    return isBeta(ctx) ? "beta" : "v1.0";
  }

  static boolean isBeta(RoutingContext ctx) {
    return ctx.request().path().startsWith("/beta/");
  }

  /** The action's name without the OData namespace ({@code microsoft.graph.answer} → {@code answer}). */
  private static String actionName(RoutingContext ctx) {
    String action = ctx.pathParam("action");
    return action.startsWith(ACTION_PREFIX) ? action.substring(ACTION_PREFIX.length()) : action;
  }

  /** Unknown actions are refused before the token check (they reveal nothing); known ones need their permission. */
  private void authorizeAction(RoutingContext ctx) {
    String action = actionName(ctx);
    GraphPermission permission = ACTIONS.get(action);
    if (permission == null) {
      ctx.fail(NOT_EMULATED.contains(action) ? GraphErrors.notImplemented("the call action " + action)
          : GraphErrors.resourceNotFound(ctx.pathParam("action")));
      return;
    }
    auth.check(ctx, permission);
  }

  private Future<HttpReply> action(RoutingContext ctx) {
    String action = actionName(ctx);
    switch (action) {
      case "answer":
        return calls.answer(ctx);
      case "reject":
        return Future.succeededFuture(calls.reject(ctx));
      case "redirect":
        return Future.succeededFuture(calls.redirect(ctx));
      default:
        break;
    }
    Call call = calls.active(ctx);
    return Future.succeededFuture(switch (action) {
      case "recordResponse" -> media.recordResponse(ctx, call);
      case "playPrompt" -> media.playPrompt(ctx, call);
      case "subscribeToTone" -> media.subscribeToTone(ctx, call);
      default -> media.cancelMediaProcessing(ctx, call);
    });
  }
}
