package io.callemu.emulator.surface.graph.identity;

import io.callemu.emulator.platform.journal.Journal;
import io.callemu.emulator.platform.journal.RequestEntry;
import io.callemu.emulator.platform.http.RequestOrigin;
import io.callemu.emulator.platform.jwt.Jwks;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * The Entra ID stand-in's routes, served on the HTTPS port only (an http request gets 404 and
 * says where to go): the OpenID Connect document, the token endpoint and the JWKS of any tenant,
 * and the authorize endpoint the document must name, which refuses the interactive flows. Every
 * answer is journalled ({@code surface: "entra"}) without secrets or tokens.
 */
public final class IdentityRoutes {

  static final String OPENID_CONFIGURATION = "/:tenant/v2.0/.well-known/openid-configuration";
  static final String TOKEN = "/:tenant/oauth2/v2.0/token";
  static final String KEYS = "/:tenant/discovery/v2.0/keys";
  static final String AUTHORIZE = "/:tenant/oauth2/v2.0/authorize";
  /** A token request is a few hundred bytes; this bounds what a client can make callemu hold. */
  static final long BODY_LIMIT = 64 * 1024;

  private final RegisteredApps apps;
  private final GraphAccessTokens tokens;
  private final Journal journal;
  private final Clock clock;

  /** @param clock real time, for error timestamps */
  public IdentityRoutes(RegisteredApps apps, GraphAccessTokens tokens, Journal journal, Clock clock) {
    this.apps = apps;
    this.tokens = tokens;
    this.journal = journal;
    this.clock = clock;
  }

  public void mount(Router router) {
    for (String path : List.of(OPENID_CONFIGURATION, TOKEN, KEYS, AUTHORIZE)) {
      router.route(path).handler(this::httpsAndTenant).failureHandler(this::failure);
    }
    router.get(OPENID_CONFIGURATION).handler(ctx -> respond(ctx, 200,
        OpenIdConfiguration.of(RequestOrigin.of(ctx.request()), ctx.pathParam("tenant")), new JsonObject()));
    router.post(TOKEN).handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT)).handler(this::token);
    router.route(TOKEN).handler(ctx -> fail(ctx, EntraErrors.methodNotAllowed(ctx.request().method().name())));
    router.get(KEYS).handler(this::keys);
    router.route(AUTHORIZE).handler(ctx -> fail(ctx, EntraErrors.interactiveFlowsUnsupported()));
  }

  /** Plain HTTP is refused before anything else; then the tenant segment must be one. */
  private void httpsAndTenant(RoutingContext ctx) {
    if (!ctx.request().isSSL()) {
      fail(ctx, EntraErrors.httpsOnly());
      return;
    }
    try {
      Tenants.check(ctx.pathParam("tenant"));
    } catch (EntraError e) {
      fail(ctx, e);
      return;
    }
    ctx.next();
  }

  private void token(RoutingContext ctx) {
    String tenant = ctx.pathParam("tenant");
    ClientCredentialsRequest request;
    try {
      request = ClientCredentialsRequest.parse(tenant, ctx.request().getHeader("Content-Type"),
          ctx.body().asString("UTF-8"), ctx.request().getHeader("Authorization"));
      if (!apps.knows(request.clientId())) {
        throw EntraErrors.unknownClient(request.clientId(), tenant);
      }
      if (request.secret() == null) {
        throw EntraErrors.missingSecret();
      }
      if (!apps.secretMatches(request.clientId(), request.secret())) {
        throw EntraErrors.wrongSecret(request.clientId());
      }
    } catch (EntraError e) {
      fail(ctx, e);
      return;
    }
    tokens.issue(tenant, request.clientId()).onComplete(issued -> {
      if (issued.failed()) {
        fail(ctx, EntraErrors.temporarilyUnavailable(issued.cause().getMessage()));
        return;
      }
      ctx.response().putHeader("Cache-Control", "no-store, no-cache").putHeader("Pragma", "no-cache");
      respond(ctx, 200, new JsonObject()
          .put("token_type", "Bearer")
          .put("expires_in", GraphAccessTokens.EXPIRES_IN_SECONDS)
          .put("access_token", issued.result()), new JsonObject().put("clientId", request.clientId()));
    });
  }

  private void keys(RoutingContext ctx) {
    tokens.keyFile().key().onComplete(key -> {
      if (key.failed()) {
        fail(ctx, EntraErrors.temporarilyUnavailable(key.cause().getMessage()));
      } else {
        respond(ctx, 200, new JsonObject(Jwks.of(List.of(key.result()))), new JsonObject());
      }
    });
  }

  /** BodyHandler's refusals: a body over the limit, or one it cannot read. */
  private void failure(RoutingContext ctx) {
    fail(ctx, EntraErrors.malformedRequest(ctx.statusCode() == 413
        ? "the body exceeds " + BODY_LIMIT + " bytes" : "the request cannot be read"));
  }

  private void fail(RoutingContext ctx, EntraError e) {
    if (ctx.response().ended()) {
      return;
    }
    JsonObject details = new JsonObject().put("error", e.error());
    if (e.code() != null) {
      details.put("errorCode", e.code());
    }
    respond(ctx, e.status(), e.body(UUID.randomUUID().toString(), correlationId(ctx), clock.instant()), details);
  }

  /** Entra ID uses the client's {@code client-request-id} (header or query) as the correlation id. */
  private static String correlationId(RoutingContext ctx) {
    String id = ctx.request().getHeader("client-request-id");
    if (id == null) {
      id = ctx.request().getParam("client-request-id");
    }
    return id == null || id.isBlank() ? UUID.randomUUID().toString() : id;
  }

  /** Answers with {@code body} and journals the request with {@code details} (never a secret or token). */
  private void respond(RoutingContext ctx, int status, JsonObject body, JsonObject details) {
    String clientRequestId = ctx.request().getHeader("client-request-id");
    if (clientRequestId != null) {
      ctx.response().putHeader("client-request-id", clientRequestId);
    }
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8")
        .end(body.encode());
    journal.record(new RequestEntry("entra", ctx.request().method().name(), ctx.request().path(), status, null,
        false, details));
  }
}
