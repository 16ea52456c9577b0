package io.callemu.emulator.surface.graph;

import io.callemu.emulator.platform.jwt.JwtClaims;
import io.callemu.emulator.platform.jwt.JwtRejected;
import io.callemu.emulator.core.settings.Settings;
import io.callemu.emulator.surface.graph.identity.GraphAccessTokens;
import io.callemu.emulator.surface.graph.identity.RegisteredApps;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.Optional;

/**
 * Authentication of Graph requests by setting {@code graph.auth} (CONTRACT section 6).
 * {@code strict}: a bearer token that this callemu's token endpoint issued, unexpired, for Graph,
 * holding a role the operation needs; otherwise 401 {@code InvalidAuthenticationToken} (missing,
 * malformed, foreign, expired) or 403 {@code Forbidden} (role missing). {@code lenient}: any bearer
 * or none; the caller is read from the token without checking it, else it is the first registered
 * application in {@link RegisteredApps#DEFAULT_TENANT_ID}.
 */
public final class GraphAuth {

  private final GraphAccessTokens tokens;
  private final RegisteredApps apps;
  private final Settings settings;

  public GraphAuth(GraphAccessTokens tokens, RegisteredApps apps, Settings settings) {
    this.tokens = tokens;
    this.apps = apps;
    this.settings = settings;
  }

  /**
   * A route handler for an operation that needs {@code permission}: on success it puts the
   * {@link GraphCaller} on the request and calls the next handler, otherwise it fails the request
   * with the {@link GraphError} (rendered by the surface's error factory).
   */
  public Handler<RoutingContext> require(GraphPermission permission) {
    return ctx -> check(ctx, permission);
  }

  /** Authenticates {@code ctx} for {@code permission}: on success the next handler runs, else it fails. */
  void check(RoutingContext ctx, GraphPermission permission) {
    authenticate(ctx.request().getHeader("Authorization"), permission).onComplete(result -> {
      if (result.succeeded()) {
        ctx.put(GraphCaller.KEY, result.result());
        ctx.next();
      } else {
        ctx.fail(result.cause());
      }
    });
  }

  /**
   * The caller of a request with this {@code Authorization} header; fails with the
   * {@link GraphError} to answer. Call on the emulator's context (settings are read there).
   */
  public Future<GraphCaller> authenticate(String authorization, GraphPermission permission) {
    String token = bearer(authorization);
    if (settings.get(GraphAuthSettings.AUTH) == GraphAuthSettings.Mode.LENIENT) {
      return Future.succeededFuture(unchecked(token));
    }
    if (token == null) {
      return Future.failedFuture(authorization == null || authorization.isBlank() || isBearerScheme(authorization)
          ? GraphErrors.tokenMissing()
          : GraphErrors.invalidAuthenticationToken("The Authorization header is not a bearer token"
              + " ('Authorization: Bearer <token>'); get one from callemu's token endpoint."));
    }
    Duration skew = Duration.ofSeconds(settings.get(GraphAuthSettings.CLOCK_SKEW_SECONDS));
    return tokens.verify(token, skew).transform(verified -> {
      if (verified.failed()) {
        return Future.failedFuture(refusal(verified.cause()));
      }
      JwtClaims claims = verified.result();
      String appId = claims.string("appid");
      if (!permission.grantedBy(claims.strings("roles"))) {
        return Future.failedFuture(GraphErrors.missingRole(appId,
            permission.anyOf().stream().map(GraphRole::wire).sorted().toList(), claims.strings("roles")));
      }
      return Future.succeededFuture(new GraphCaller(appId, claims.string("tid"), claims.strings("roles"), true));
    });
  }

  /** In lenient mode: whoever the token says, or the default application. */
  private GraphCaller unchecked(String token) {
    Optional<JwtClaims> claims = token == null ? Optional.empty() : JwtClaims.readUnverified(token);
    String appId = claims.map(c -> c.string("appid") != null ? c.string("appid") : c.string("azp"))
        .orElse(apps.defaultClientId());
    String tenant = claims.map(c -> c.string("tid")).orElse(RegisteredApps.DEFAULT_TENANT_ID);
    return new GraphCaller(appId, tenant, claims.map(c -> c.strings("roles")).orElse(GraphAccessTokens.ROLES),
        false);
  }

  private static GraphError refusal(Throwable failure) {
    if (!(failure instanceof JwtRejected rejected)) {
      return GraphErrors.serviceUnavailable("callemu cannot check tokens: its signing key did not load ("
          + failure.getMessage() + ").");
    }
    String detail = rejected.getMessage() + ".";
    switch (rejected.reason()) {
      case EXPIRED:
        return GraphErrors.tokenExpired("(" + detail + ")");
      case NOT_YET_VALID:
        return GraphErrors.invalidAuthenticationToken("Lifetime validation failed, the token is not yet valid. ("
            + detail + ")");
      case WRONG_AUDIENCE:
        return GraphErrors.invalidAuthenticationToken("Access token validation failure. Invalid audience. ("
            + detail + ")");
      case MALFORMED:
        return GraphErrors.invalidAuthenticationToken("Access token validation failure: the token is not a JWT ("
            + detail + ")");
      default:
        return GraphErrors.invalidAuthenticationToken("Access token validation failure: " + detail
            + (rejected.foreign() ? " Graph requests need a token from this callemu's token endpoint." : ""));
    }
  }

  /** The token of {@code Bearer <token>}, or null. */
  private static String bearer(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    String token = authorization.substring(7).trim();
    return token.isEmpty() ? null : token;
  }

  private static boolean isBearerScheme(String authorization) {
    return authorization.regionMatches(true, 0, "Bearer ", 0, 7) || authorization.trim().equalsIgnoreCase("Bearer");
  }
}
