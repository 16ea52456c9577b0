package io.callemu.emulator.platform.jwt;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What a verified token must say besides a good signature and lifetime: its issuer, one of the
 * accepted audiences, the claims it must carry, and how much clock skew {@code exp}/{@code nbf}
 * may have.
 *
 * @param issuer accepts the {@code iss} value (never called with null)
 * @param issuerDescription how the accepted issuers are named in a refusal's message
 * @param audiences a token passes when its {@code aud} holds at least one of these
 * @param requiredClaims names of claims that must be present
 * @param clockSkew tolerance on both {@code exp} and {@code nbf}
 */
public record JwtRules(Predicate<String> issuer, String issuerDescription, Set<String> audiences,
    Set<String> requiredClaims, Duration clockSkew) {

  /** Five minutes, the default of the .NET and MSAL token validators. */
  public static final Duration DEFAULT_SKEW = Duration.ofMinutes(5);

  public JwtRules {
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(issuerDescription, "issuerDescription");
    audiences = Set.copyOf(audiences);
    requiredClaims = Set.copyOf(requiredClaims);
    if (clockSkew.isNegative()) {
      throw new IllegalArgumentException("clock skew must not be negative: " + clockSkew);
    }
  }

  /** Tokens of exactly {@code issuer} for one of {@code audiences}, default skew, no further claims. */
  public static JwtRules of(String issuer, String... audiences) {
    return new JwtRules(issuer::equals, "'" + issuer + "'", new LinkedHashSet<>(List.of(audiences)), Set.of(),
        DEFAULT_SKEW);
  }

  public JwtRules withIssuer(Predicate<String> accepts, String description) {
    return new JwtRules(accepts, description, audiences, requiredClaims, clockSkew);
  }

  public JwtRules requiring(String... claims) {
    Set<String> all = new LinkedHashSet<>(requiredClaims);
    all.addAll(List.of(claims));
    return new JwtRules(issuer, issuerDescription, audiences, all, clockSkew);
  }

  public JwtRules withClockSkew(Duration skew) {
    return new JwtRules(issuer, issuerDescription, audiences, requiredClaims, skew);
  }
}
