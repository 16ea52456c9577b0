package io.callemu.emulator.surface.graph;

import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * Who sent an authenticated Graph request: the application (the audience of its calls'
 * notifications) and its tenant (their {@code tid}). {@link GraphAuth} puts it on the request.
 *
 * @param appId the token's {@code appid}
 * @param tenantId the token's {@code tid}
 * @param roles the token's {@code roles}
 * @param verified false in lenient mode, where nothing about the token was checked
 */
public record GraphCaller(String appId, String tenantId, List<String> roles, boolean verified) {

  static final String KEY = GraphCaller.class.getName();

  public GraphCaller {
    roles = List.copyOf(roles);
  }

  /**
   * The caller {@link GraphAuth#require} established for this request.
   *
   * @throws IllegalStateException when the route has no {@code require} handler before it
   */
  public static GraphCaller of(RoutingContext ctx) {
    GraphCaller caller = ctx.get(KEY);
    if (caller == null) {
      throw new IllegalStateException("no GraphAuth.require handler ran before " + ctx.request().path());
    }
    return caller;
  }
}
