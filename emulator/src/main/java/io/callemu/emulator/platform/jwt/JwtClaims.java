package io.callemu.emulator.platform.jwt;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The claims of one token, immutable: the registered claims of RFC 7519 section 4.1 as typed
 * accessors, every other claim by name. Times are whole seconds on the wire (NumericDate), so an
 * {@link Instant} read back has no fraction.
 */
public final class JwtClaims {

  private final JWTClaimsSet set;

  JwtClaims(JWTClaimsSet set) {
    this.set = Objects.requireNonNull(set, "set");
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * The claims of a JWT read without checking anything (no signature, no lifetime): for callers
   * that deliberately trust any token, such as lenient request authentication. Empty for anything
   * that is not a JWT with a JSON claims object.
   */
  public static Optional<JwtClaims> readUnverified(String token) {
    try {
      return Optional.of(new JwtClaims(JWTParser.parse(token).getJWTClaimsSet()));
    } catch (ParseException | RuntimeException e) {
      return Optional.empty();
    }
  }

  JWTClaimsSet set() {
    return set;
  }

  /** {@code iss}, or null. */
  public String issuer() {
    return set.getIssuer();
  }

  /** {@code aud} as a list (a single string audience is a list of one); empty when absent. */
  public List<String> audience() {
    return set.getAudience();
  }

  /** {@code sub}, or null. */
  public String subject() {
    return set.getSubject();
  }

  /** {@code iat}, or null. */
  public Instant issuedAt() {
    return instant(set.getIssueTime());
  }

  /** {@code nbf}, or null. */
  public Instant notBefore() {
    return instant(set.getNotBeforeTime());
  }

  /** {@code exp}, or null. */
  public Instant expiresAt() {
    return instant(set.getExpirationTime());
  }

  /** A claim that must be a string when present: its value, or null when absent or not a string. */
  public String string(String name) {
    Object value = set.getClaim(name);
    return value instanceof String s ? s : null;
  }

  /**
   * A claim holding a list of strings (such as {@code roles}): its values, empty when absent; a
   * single string counts as a list of one, anything else as empty.
   */
  public List<String> strings(String name) {
    Object value = set.getClaim(name);
    if (value instanceof String s) {
      return List.of(s);
    }
    if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
      return list.stream().map(String.class::cast).toList();
    }
    return List.of();
  }

  /** True when the token carries a claim of that name (whatever its value). */
  public boolean has(String name) {
    return set.getClaim(name) != null;
  }

  /** Every claim as JSON-ready values (times as seconds since the epoch). */
  public Map<String, Object> toMap() {
    return set.toJSONObject();
  }

  @Override
  public String toString() {
    return set.toString();
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }

  /** Builds claims; unset claims are left out of the token. */
  public static final class Builder {

    private final JWTClaimsSet.Builder set = new JWTClaimsSet.Builder();

    private Builder() {
    }

    public Builder issuer(String iss) {
      set.issuer(iss);
      return this;
    }

    /** {@code aud}: one audience is written as a string, several as an array (RFC 7519 4.1.3). */
    public Builder audience(String... aud) {
      set.audience(List.of(aud));
      return this;
    }

    public Builder subject(String sub) {
      set.subject(sub);
      return this;
    }

    public Builder issuedAt(Instant iat) {
      set.issueTime(Date.from(iat));
      return this;
    }

    public Builder notBefore(Instant nbf) {
      set.notBeforeTime(Date.from(nbf));
      return this;
    }

    public Builder expiresAt(Instant exp) {
      set.expirationTime(Date.from(exp));
      return this;
    }

    /**
     * Any other claim: a string, number, boolean, list or map of those.
     *
     * @throws IllegalArgumentException for a registered claim name, which has its own method
     */
    public Builder claim(String name, Object value) {
      if (JWTClaimsSet.getRegisteredNames().contains(name)) {
        throw new IllegalArgumentException("'" + name + "' is a registered claim: use its own builder method");
      }
      set.claim(name, value);
      return this;
    }

    public JwtClaims build() {
      return new JwtClaims(set.build());
    }
  }
}
