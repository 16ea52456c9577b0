package io.callemu.emulator.platform.jwt;

/**
 * A token {@link JwtVerifier} refused, with the {@link Reason} callers map to their service's
 * error and a message fit for the client.
 */
public final class JwtRejected extends Exception {

  private static final long serialVersionUID = 1L;

  /** Why a token was refused, in the order the checks run. */
  public enum Reason {
    /** Not three base64url parts of JSON, or the claims are not a JSON object. */
    MALFORMED,
    /** Signed with anything but RS256 ({@code none} and HMAC included). */
    UNSUPPORTED_ALGORITHM,
    /** Its {@code kid} names no key of this verifier: another issuer's token. */
    UNKNOWN_KEY,
    /** The signature does not match: forged or altered. */
    BAD_SIGNATURE,
    /** {@code exp} is missing, or passed longer ago than the allowed skew. */
    EXPIRED,
    /** {@code nbf} lies further in the future than the allowed skew. */
    NOT_YET_VALID,
    WRONG_ISSUER,
    WRONG_AUDIENCE,
    /** A claim the rules require is absent. */
    MISSING_CLAIM
  }

  private final Reason reason;

  /** For callers that check more than {@link JwtRules} says (a claim that must match another). */
  public JwtRejected(Reason reason, String message) {
    super(message, null, false, false);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }

  /** True for the reasons that mean "not a token of this issuer" (forged, foreign, unsigned). */
  public boolean foreign() {
    return reason == Reason.UNSUPPORTED_ALGORITHM || reason == Reason.UNKNOWN_KEY
        || reason == Reason.BAD_SIGNATURE;
  }
}
