package io.callemu.emulator.surface.graph;

import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * The ids Graph puts on every response and in every error's {@code innerError}: a fresh
 * {@code request-id}, and the caller's {@code client-request-id} echoed (or the request id when the
 * caller sent none), plus the moment the request arrived. {@link #assign} runs first on every
 * Graph path.
 *
 * @param requestId callemu's id of this request
 * @param clientRequestId the caller's id, or {@code requestId}
 * @param receivedAt real time the request arrived
 */
public record GraphRequestIds(String requestId, String clientRequestId, Instant receivedAt) {

  private static final String KEY = GraphRequestIds.class.getName();

  /** A handler that gives the request its ids and sets the two response headers. */
  public static io.vertx.core.Handler<RoutingContext> assign(Clock clock) {
    return ctx -> {
      String requestId = UUID.randomUUID().toString();
      String given = ctx.request().getHeader("client-request-id");
      GraphRequestIds ids = new GraphRequestIds(requestId,
          given == null || given.isBlank() ? requestId : given.trim(), clock.instant());
      ctx.put(KEY, ids);
      ctx.response().putHeader("request-id", ids.requestId())
          .putHeader("client-request-id", ids.clientRequestId());
      ctx.next();
    };
  }

  /** The ids {@link #assign} gave this request; fresh ones if it did not run. */
  public static GraphRequestIds of(RoutingContext ctx) {
    GraphRequestIds ids = ctx.get(KEY);
    if (ids == null) {
      String id = UUID.randomUUID().toString();
      ids = new GraphRequestIds(id, id, Instant.now());
    }
    return ids;
  }
}
