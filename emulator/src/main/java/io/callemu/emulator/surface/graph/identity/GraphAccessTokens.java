package io.callemu.emulator.surface.graph.identity;

import io.callemu.emulator.platform.jwt.JwtClaims;
import io.callemu.emulator.platform.jwt.JwtRejected;
import io.callemu.emulator.platform.jwt.JwtRules;
import io.callemu.emulator.platform.jwt.JwtVerifier;
import io.callemu.emulator.platform.jwt.SigningKey;
import io.callemu.emulator.platform.jwt.SigningKeyFile;
import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The app-only access tokens for Microsoft Graph that the token endpoint issues and Graph request
 * authentication accepts: RS256, signed with the Entra ID stand-in's key, with the claims of
 * CONTRACT section 6 ({@code aud}, {@code iss}, {@code tid}, {@code appid}, {@code roles},
 * {@code exp} an hour on) plus those every Entra v1.0 app token carries ({@code iat}, {@code nbf},
 * {@code idp}, {@code idtyp}, {@code oid}, {@code sub}, {@code appidacr}, {@code uti},
 * {@code ver}), as described at https://learn.microsoft.com/entra/identity-platform/access-token-claims-reference.
 */
public final class GraphAccessTokens {

  /** {@code aud} of the tokens callemu issues. */
  public static final String AUDIENCE = "https://graph.microsoft.com";
  /** Graph's application id, the other spelling of its audience Entra ID uses. */
  public static final String GRAPH_APP_ID = "00000003-0000-0000-c000-000000000000";
  /** The application permissions every token carries (CONTRACT section 6). */
  public static final List<String> ROLES =
      List.of("Calls.Initiate.All", "Calls.AccessMedia.All", "Calls.JoinGroupCall.All");
  /** {@code expires_in} of the token response; {@code exp} is one hour after issue. */
  public static final int EXPIRES_IN_SECONDS = 3599;
  static final Duration LIFETIME = Duration.ofHours(1);
  /** Entra ID dates {@code iat}/{@code nbf} back five minutes so that a lagging clock accepts a new token. */
  static final Duration BACKDATE = Duration.ofMinutes(5);
  private static final String ISSUER_PREFIX = "https://sts.windows.net/";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SigningKeyFile key;
  private final Clock clock;
  private JwtVerifier verifier;

  /** @param clock real time: the clients judge token lifetimes by their own clocks */
  public GraphAccessTokens(SigningKeyFile key, Clock clock) {
    this.key = key;
    this.clock = clock;
  }

  /** {@code https://sts.windows.net/{tenant}/}, the issuer of Entra ID's v1.0 tokens, which Graph gets. */
  public static String issuer(String tenant) {
    return ISSUER_PREFIX + tenant + "/";
  }

  /** The claims of a token for {@code clientId} in {@code tenant}, issued at {@code now}. */
  public static JwtClaims claims(String tenant, String clientId, Instant now) {
    String servicePrincipal = UUID.nameUUIDFromBytes((tenant + "/" + clientId).getBytes(StandardCharsets.UTF_8))
        .toString();
    byte[] uti = new byte[16];
    RANDOM.nextBytes(uti);
    return JwtClaims.builder()
        .audience(AUDIENCE)
        .issuer(issuer(tenant))
        .issuedAt(now.minus(BACKDATE))
        .notBefore(now.minus(BACKDATE))
        .expiresAt(now.plus(LIFETIME))
        .subject(servicePrincipal)
        .claim("idp", issuer(tenant))
        .claim("idtyp", "app")
        .claim("appid", clientId)
        .claim("appidacr", "1")
        .claim("oid", servicePrincipal)
        .claim("roles", ROLES)
        .claim("tid", tenant)
        .claim("uti", Base64.getUrlEncoder().withoutPadding().encodeToString(uti))
        .claim("ver", "1.0")
        .build();
  }

  /** A signed token for {@code clientId} in {@code tenant}, issued now. */
  public Future<String> issue(String tenant, String clientId) {
    return key.sign(claims(tenant, clientId, clock.instant()));
  }

  /**
   * The claims of a token this callemu issued for Graph that is still valid; fails with
   * {@link JwtRejected} when it is not, or with the key's load failure.
   */
  public Future<JwtClaims> verify(String token, Duration clockSkew) {
    return key.key().compose(k -> {
      try {
        JwtClaims claims = verifier(k).verify(token, rules(clockSkew));
        // iss names the tenant: it must be the tenant of tid.
        if (!claims.issuer().equals(issuer(claims.string("tid")))) {
          throw new JwtRejected(JwtRejected.Reason.WRONG_ISSUER, "the token's issuer " + claims.issuer()
              + " is not that of its tenant " + claims.string("tid"));
        }
        return Future.succeededFuture(claims);
      } catch (JwtRejected e) {
        return Future.failedFuture(e);
      }
    });
  }

  private JwtVerifier verifier(SigningKey k) {
    if (verifier == null) {
      verifier = new JwtVerifier(List.of(k), clock);
    }
    return verifier;
  }

  static JwtRules rules(Duration clockSkew) {
    return new JwtRules(iss -> iss.startsWith(ISSUER_PREFIX), "an Entra ID issuer (" + ISSUER_PREFIX + "{tenant}/)",
        Set.of(AUDIENCE, GRAPH_APP_ID), Set.of("tid", "appid"), clockSkew);
  }

  /** Where the signing key is kept. */
  public SigningKeyFile keyFile() {
    return key;
  }
}
