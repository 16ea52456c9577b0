package io.callemu.emulator.surface.graph;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * The Graph routes under {@code /v1.0} and {@code /beta}: request ids and the error envelope on
 * every path, {@code GET …/calls/{id}} (no call exists yet, so 404 {@code 8522} once the token
 * passes), for a path Graph does not have the real service's 400 "Resource not found for the
 * segment", and 501 for the rest of the calls API. Routes of further operations go between the ids
 * and the fallback.
 */
public final class GraphRoutes {

  static final List<String> VERSIONS = List.of("/v1.0", "/beta");
  /** The roots of the calls API: {@code /communications/calls} and the deprecated beta {@code /app/calls} (A1). */
  static final List<String> CALL_ROOTS = List.of("/v1.0/communications/calls", "/beta/communications/calls",
      "/beta/app/calls");
  private static final Set<String> KNOWN_SEGMENTS = Set.of("communications", "app", "calls");

  private final GraphAuth auth;
  private final Clock clock;

  /** @param clock real time, for {@code innerError.date} */
  public GraphRoutes(GraphAuth auth, Clock clock) {
    this.auth = auth;
    this.clock = clock;
  }

  public void mount(Router router) {
    for (String version : VERSIONS) {
      router.route(version + "/*").handler(GraphRequestIds.assign(clock)).failureHandler(GraphReplies::failure);
    }
    for (String root : CALL_ROOTS) {
      router.get(root + "/:id").handler(auth.require(GraphPermission.CHECKED_AT_CREATION))
          .handler(ctx -> GraphReplies.fail(ctx, GraphErrors.callNotFound()));
    }
    for (String version : VERSIONS) {
      router.route(version + "/*").handler(ctx -> GraphReplies.fail(ctx, fallback(ctx, version)));
    }
  }

  /** The first segment after the version that the calls API does not have, as Graph names it. */
  private static GraphError fallback(RoutingContext ctx, String version) {
    String rest = ctx.request().path().substring(version.length());
    for (String segment : rest.split("/")) {
      if (!segment.isEmpty() && !KNOWN_SEGMENTS.contains(segment)) {
        return GraphErrors.resourceNotFound(segment);
      }
    }
    return GraphErrors.notImplemented(ctx.request().method().name(), ctx.request().path());
  }
}
