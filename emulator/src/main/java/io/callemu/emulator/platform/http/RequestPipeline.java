package io.callemu.emulator.platform.http;

import io.callemu.emulator.platform.journal.Journal;
import io.callemu.emulator.platform.journal.RequestEntry;
import io.vertx.core.Handler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * The one request pipeline of the emulated surfaces, on a surface's sub-router: journal → the
 * surface's stages (those that need no body first: a token check) → body limit → the stages that
 * need the body (HMAC, api-version, repeatability) → its named handlers → one failure handler
 * rendering the surface's envelope. A handler answers through {@link Replies} or
 * fails the context; whatever it throws is rendered by the surface's {@link SurfaceErrors}.
 */
public final class RequestPipeline {

  /** The context key under which a handler names the call a request was about (for the journal). */
  public static final String CALL_ID = "callemu.callId";
  /** The context key marking an answer replayed from the repeatability cache. */
  public static final String REPLAYED = "callemu.replayed";

  private final Router router;
  private final SurfaceErrors errors;
  private long bodyLimit;

  private RequestPipeline(Router router, SurfaceErrors errors) {
    this.router = router;
    this.errors = errors;
  }

  /**
   * Starts a pipeline on {@code router}: every request is journalled under {@code surface} once
   * answered (unless {@code journal} is null: callemu's own control API), every answer passes
   * {@code headers} (what all answers of the surface carry). Stages and {@link #readBody} follow.
   */
  public static RequestPipeline on(Router router, String surface, Journal journal, SurfaceErrors errors,
      Replies.Hook headers) {
    RequestPipeline pipeline = new RequestPipeline(router, errors);
    router.route().handler(ctx -> {
      Replies.beforeSend(ctx, headers);
      String method = ctx.request().method().name();
      String uri = ctx.request().uri();
      if (journal != null) {
        ctx.addEndHandler(ar -> journal.record(new RequestEntry(surface, method, uri,
            ctx.response().getStatusCode(), ctx.get(CALL_ID), Boolean.TRUE.equals(ctx.get(REPLAYED)))));
      }
      ctx.next();
    });
    router.route().failureHandler(ctx -> {
      HttpReply reply = ctx.statusCode() == 413 ? errors.bodyTooLarge(pipeline.bodyLimit)
          : errors.render(ctx.failure() != null ? ctx.failure() : new IllegalStateException("HTTP " + ctx.statusCode()));
      Replies.send(ctx, reply);
    });
    return pipeline;
  }

  /** Reads the body, up to {@code limit} bytes (413 beyond); stages after this one see it. */
  public RequestPipeline readBody(long limit) {
    this.bodyLimit = limit;
    router.route().handler(BodyHandler.create(false).setBodyLimit(limit));
    return this;
  }

  /** Adds a stage every request passes before the routes (auth, api-version, repeatability). */
  public RequestPipeline stage(Handler<RoutingContext> stage) {
    router.route().handler(stage);
    return this;
  }

  /** The router to add the surface's routes to. */
  public Router router() {
    return router;
  }

  /** Adapts a handler that returns its answer (or throws a refusal) to the router. */
  public static Handler<RoutingContext> answer(java.util.function.Function<RoutingContext, HttpReply> handler) {
    return ctx -> Replies.send(ctx, handler.apply(ctx));
  }

  /** Adapts a handler that answers later; a failed future is rendered by the surface. */
  public static Handler<RoutingContext> answerLater(
      java.util.function.Function<RoutingContext, io.vertx.core.Future<HttpReply>> handler) {
    return ctx -> handler.apply(ctx).onComplete(ar -> {
      if (ar.succeeded()) {
        Replies.send(ctx, ar.result());
      } else {
        ctx.fail(ar.cause());
      }
    });
  }

  /** Ends the route table: whatever no route took is the surface's "not found". */
  public void endWithNotFound() {
    router.route().handler(ctx -> Replies.send(ctx, errors.notFound(ctx.request().method().name(),
        ctx.request().path())));
  }
}
