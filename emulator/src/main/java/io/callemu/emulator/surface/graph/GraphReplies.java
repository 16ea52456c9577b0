package io.callemu.emulator.surface.graph;

import io.callemu.emulator.platform.http.HttpReply;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * What every Graph answer gets on its way out: an error's envelope completed with the
 * {@code innerError} of reference A12,
 * {@code {"error":{"code","message","innerError":{"date","request-id","client-request-id"}}}}, from
 * the ids {@link GraphRequestIds} gave the request (which also sent them as headers).
 */
public final class GraphReplies {

  /** {@code 2023-01-04T14:18:00}: UTC, whole seconds, no zone, as Graph writes {@code innerError.date}. */
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

  private GraphReplies() {
  }

  /** The surface's reply hook: an error reply gets its {@code innerError}. */
  public static HttpReply finish(RoutingContext ctx, HttpReply reply) {
    if (reply.status() < 400 || reply.body().length() == 0) {
      return reply;
    }
    JsonObject body = new JsonObject(reply.body());
    JsonObject error = body.getJsonObject("error");
    if (error == null || error.containsKey("innerError")) {
      return reply;
    }
    GraphRequestIds ids = GraphRequestIds.of(ctx);
    error.put("innerError", new JsonObject()
        .put("date", DATE.format(ids.receivedAt()))
        .put("request-id", ids.requestId())
        .put("client-request-id", ids.clientRequestId()));
    return new HttpReply(reply.status(), reply.headers(), body.toBuffer());
  }
}
