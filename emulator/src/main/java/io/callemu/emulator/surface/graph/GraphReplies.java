package io.callemu.emulator.surface.graph;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes Graph responses: every error in the envelope of reference A12,
 * {@code {"error":{"code","message","innerError":{"date","request-id","client-request-id"}}}}.
 */
public final class GraphReplies {

  /** {@code 2023-01-04T14:18:00}: UTC, whole seconds, no zone, as Graph writes {@code innerError.date}. */
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

  private GraphReplies() {
  }

  /** Answers {@code ctx} with {@code error}'s status, headers and envelope. */
  public static void fail(RoutingContext ctx, GraphError error) {
    if (ctx.response().ended()) {
      return;
    }
    error.headers().forEach(ctx.response()::putHeader);
    ctx.response().setStatusCode(error.status()).putHeader("Content-Type", "application/json")
        .end(envelope(error, GraphRequestIds.of(ctx)).encode());
  }

  /** The envelope of {@code error} for a request with {@code ids}. */
  public static JsonObject envelope(GraphError error, GraphRequestIds ids) {
    return new JsonObject().put("error", new JsonObject()
        .put("code", error.code())
        .put("message", error.getMessage())
        .put("innerError", new JsonObject()
            .put("date", DATE.format(ids.receivedAt()))
            .put("request-id", ids.requestId())
            .put("client-request-id", ids.clientRequestId())));
  }

  /**
   * The failure handler of Graph routes: a {@link GraphError} passed to {@code ctx.fail} or thrown
   * is answered as itself, Vert.x Web's own refusals by their status, anything else as 500
   * {@code UnknownError}.
   */
  public static void failure(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    if (failure instanceof GraphError error) {
      fail(ctx, error);
    } else if (failure == null && ctx.statusCode() >= 400 && ctx.statusCode() < 500) {
      fail(ctx, GraphErrors.refusedByHttp(ctx.statusCode()));
    } else {
      fail(ctx, GraphErrors.unknownError(failure == null ? "" : failure.toString()));
    }
  }
}
