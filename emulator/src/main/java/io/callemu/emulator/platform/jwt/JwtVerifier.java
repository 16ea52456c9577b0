package io.callemu.emulator.platform.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.callemu.emulator.platform.jwt.JwtRejected.Reason;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks tokens signed by one of its keys: RS256 only, a known {@code kid}, the signature, then
 * {@code exp} (required) and {@code nbf} against real time with the rules' skew, the issuer, the
 * audience and the required claims. Immutable and thread-safe.
 *
 * <p>Real time, not emulated time: the clients that hold these tokens judge their lifetime by
 * their own clocks.
 */
public final class JwtVerifier {

  private final Map<String, SigningKey> keys = new LinkedHashMap<>();
  private final Clock clock;

  /** @param clock real time ({@link Clock#systemUTC()}; a fixed clock in tests) */
  public JwtVerifier(List<SigningKey> keys, Clock clock) {
    for (SigningKey key : keys) {
      this.keys.put(key.keyId(), key);
    }
    this.clock = clock;
  }

  /**
   * The claims of {@code token} when it passes every check.
   *
   * @throws JwtRejected naming the first check it failed
   */
  public JwtClaims verify(String token, JwtRules rules) throws JwtRejected {
    SignedJWT jwt;
    JWTClaimsSet claims;
    try {
      jwt = SignedJWT.parse(token);
      claims = jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      throw new JwtRejected(Reason.MALFORMED, "not a signed JWT: " + e.getMessage());
    }
    if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
      throw new JwtRejected(Reason.UNSUPPORTED_ALGORITHM,
          "the token is signed with " + jwt.getHeader().getAlgorithm() + ", only RS256 is accepted");
    }
    SigningKey key = keys.get(jwt.getHeader().getKeyID());
    if (key == null) {
      throw new JwtRejected(Reason.UNKNOWN_KEY, "the token's signing key (kid "
          + jwt.getHeader().getKeyID() + ") is not one of this issuer's keys");
    }
    try {
      if (!jwt.verify(key.verifier())) {
        throw new JwtRejected(Reason.BAD_SIGNATURE, "the token's signature does not verify");
      }
    } catch (JOSEException e) {
      throw new JwtRejected(Reason.BAD_SIGNATURE, "the token's signature cannot be checked: " + e.getMessage());
    }
    checkLifetime(claims, rules);
    String issuer = claims.getIssuer();
    if (issuer == null || !rules.issuer().test(issuer)) {
      throw new JwtRejected(Reason.WRONG_ISSUER, "the token's issuer " + quoted(issuer)
          + " is not " + rules.issuerDescription());
    }
    List<String> audience = claims.getAudience();
    if (audience.stream().noneMatch(rules.audiences()::contains)) {
      throw new JwtRejected(Reason.WRONG_AUDIENCE, "the token's audience " + audience + " is none of "
          + rules.audiences());
    }
    for (String name : rules.requiredClaims()) {
      if (claims.getClaim(name) == null) {
        throw new JwtRejected(Reason.MISSING_CLAIM, "the token has no '" + name + "' claim");
      }
    }
    return new JwtClaims(claims);
  }

  private void checkLifetime(JWTClaimsSet claims, JwtRules rules) throws JwtRejected {
    Instant now = clock.instant();
    if (claims.getExpirationTime() == null) {
      throw new JwtRejected(Reason.EXPIRED, "the token has no expiry (exp)");
    }
    Instant exp = claims.getExpirationTime().toInstant();
    if (now.isAfter(exp.plus(rules.clockSkew()))) {
      throw new JwtRejected(Reason.EXPIRED, "the token expired at " + exp + " (now " + now + ")");
    }
    if (claims.getNotBeforeTime() != null) {
      Instant nbf = claims.getNotBeforeTime().toInstant();
      if (now.plus(rules.clockSkew()).isBefore(nbf)) {
        throw new JwtRejected(Reason.NOT_YET_VALID, "the token is not valid before " + nbf + " (now " + now + ")");
      }
    }
  }

  private static String quoted(String s) {
    return s == null ? "(none)" : "'" + s + "'";
  }
}
