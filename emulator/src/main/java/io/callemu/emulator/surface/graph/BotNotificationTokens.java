package io.callemu.emulator.surface.graph;

import io.callemu.emulator.platform.http.RequestOrigin;
import io.callemu.emulator.platform.jwt.JwtClaims;
import io.callemu.emulator.platform.jwt.Jwks;
import io.callemu.emulator.platform.jwt.SigningKeyFile;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The bearer tokens on the notifications callemu posts to a bot (CONTRACT section 6; reference
 * A2.1, A2.2): RS256, {@code iss} {@code https://api.botframework.com}, {@code aud} the bot's
 * client id, the tenant as {@code tid} and under the long claim name the .NET sample validator
 * requires, valid from five minutes back to an hour on (the documented example spans 3 900 s).
 * Their keys are served, standing in for {@code https://api.aps.skype.com/v1/.well-known/OpenIdConfiguration},
 * at {@link #OPENID_CONFIGURATION} with its {@code jwks_uri} at {@link #KEYS}, on both ports and
 * without the control token (a bot fetches them).
 */
public final class BotNotificationTokens {

  public static final String ISSUER = "https://api.botframework.com";
  /** The tenant claim under the name .NET maps {@code tid} to, which the sample validator demands. */
  public static final String TENANT_CLAIM = "http://schemas.microsoft.com/identity/claims/tenantid";
  public static final String OPENID_CONFIGURATION = "/_emulator/graph/.well-known/OpenIdConfiguration";
  public static final String KEYS = "/_emulator/graph/keys";
  static final Duration BACKDATE = Duration.ofMinutes(5);
  static final Duration LIFETIME = Duration.ofHours(1);

  /** How long one token serves a bot. */
  static final Duration REUSE = Duration.ofMinutes(5);
  /** Bots (with tenants) whose token is kept; any number can come through the control API. */
  static final int MAX_AUDIENCES = 1_000;

  private record Audience(String botAppId, String tenantId) {
  }

  private record Issued(Instant at, Future<String> token) {
  }

  private final SigningKeyFile key;
  private final Clock clock;
  private final Map<Audience, Issued> recent = new HashMap<>();
  private final Map<Audience, Future<String>> renewing = new HashMap<>();

  /** @param clock real time: bots judge the lifetime by their own clocks */
  public BotNotificationTokens(SigningKeyFile key, Clock clock) {
    this.key = key;
    this.clock = clock;
  }

  /** The claims of a notification token for bot {@code botAppId} in {@code tenantId}, issued at {@code now}. */
  public static JwtClaims claims(String botAppId, String tenantId, Instant now) {
    return JwtClaims.builder()
        .issuer(ISSUER)
        .audience(botAppId)
        .issuedAt(now.minus(BACKDATE))
        .notBefore(now.minus(BACKDATE))
        .expiresAt(now.plus(LIFETIME))
        .claim("tid", tenantId)
        .claim(TENANT_CLAIM, tenantId)
        .build();
  }

  /**
   * The token for a notification to {@code botAppId} in {@code tenantId}; fails only when the key
   * cannot be loaded. The claims name no notification, so one token serves a bot for
   * {@link #REUSE} (it stays valid for 55 minutes more) and a busy emulator signs a few times an
   * hour instead of once per notification. Once a bot's first token is signed the answer is always
   * complete: an older token is handed out while its successor is being signed, so a notification
   * never waits for a signature. Call on the emulator's context.
   */
  public Future<String> sign(String botAppId, String tenantId) {
    Instant now = clock.instant();
    Audience audience = new Audience(botAppId, tenantId);
    Issued issued = recent.get(audience);
    if (issued == null || issued.token().failed()) {
      if (recent.size() >= MAX_AUDIENCES) {
        recent.clear();
      }
      issued = new Issued(now, key.sign(claims(botAppId, tenantId, now)));
      recent.put(audience, issued);
      return issued.token();
    }
    if (issued.at().plus(REUSE).isBefore(now) && issued.token().succeeded() && !renewing.containsKey(audience)) {
      Future<String> next = key.sign(claims(botAppId, tenantId, now));
      renewing.put(audience, next);
      next.onComplete(ar -> {
        renewing.remove(audience);
        if (ar.succeeded()) {
          recent.put(audience, new Issued(now, next));
        }
      });
    }
    return issued.token();
  }

  /** The successor of a bot's token being signed, or null (tests wait for it). */
  Future<String> renewal(String botAppId, String tenantId) {
    return renewing.get(new Audience(botAppId, tenantId));
  }

  /** Serves the OpenID configuration and the JWKS; mount before the control API's token check. */
  public void mount(Router router) {
    router.get(OPENID_CONFIGURATION).handler(this::openIdConfiguration);
    router.get(KEYS).handler(this::keys);
  }

  /** The shape of the real document, with {@code jwks_uri} on the origin the bot used. */
  private void openIdConfiguration(RoutingContext ctx) {
    json(ctx, 200, new JsonObject()
        .put("issuer", ISSUER)
        .put("authorization_endpoint", "https://invalid.botframework.com")
        .put("jwks_uri", RequestOrigin.of(ctx.request()) + KEYS)
        // sic: the real document says RSA256 (https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-authentication)
        .put("id_token_signing_alg_values_supported", new JsonArray().add("RSA256"))
        .put("token_endpoint_auth_methods_supported", new JsonArray().add("private_key_jwt")));
  }

  private void keys(RoutingContext ctx) {
    key.key().onComplete(k -> {
      if (k.failed()) {
        json(ctx, 503, new JsonObject().put("error", new JsonObject().put("code", "KeyUnavailable")
            .put("message", "callemu cannot load its notification signing key: " + k.cause().getMessage())));
      } else {
        json(ctx, 200, new JsonObject(Jwks.of(List.of(k.result()))));
      }
    });
  }

  private static void json(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
  }
}
