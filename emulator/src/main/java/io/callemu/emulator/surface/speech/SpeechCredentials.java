package io.callemu.emulator.surface.speech;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;

/**
 * Checks a request's credentials: {@code Ocp-Apim-Subscription-Key: <key>} or
 * {@code Authorization: Bearer <token from issueToken>} (CONTRACT section 7). Where they were found
 * (headers, or for WebSockets also the query string) is the caller's business.
 */
final class SpeechCredentials {

  /** What the credentials are worth. */
  enum Verdict {
    OK,
    /** None were given: 403. */
    MISSING,
    /** Some were given and none is valid: 401. */
    WRONG
  }

  private final byte[] key;
  private final SpeechTokens tokens;

  SpeechCredentials(String speechKey, SpeechTokens tokens) {
    this.key = speechKey.getBytes(StandardCharsets.UTF_8);
    this.tokens = tokens;
  }

  /** @param subscriptionKey the key given, or null; @param authorization the Authorization value given, or null */
  Verdict check(String subscriptionKey, String authorization) {
    boolean givenKey = subscriptionKey != null && !subscriptionKey.isEmpty();
    boolean givenToken = authorization != null && !authorization.isBlank();
    if (!givenKey && !givenToken) {
      return Verdict.MISSING;
    }
    if (givenKey && MessageDigest.isEqual(key, subscriptionKey.getBytes(StandardCharsets.UTF_8))) {
      return Verdict.OK;
    }
    if (givenToken) {
      String value = authorization.trim();
      if (value.toLowerCase(Locale.ROOT).startsWith("bearer ") && tokens.isValid(value.substring(7).trim())) {
        return Verdict.OK;
      }
    }
    return Verdict.WRONG;
  }

  /** True for the Speech key itself (issueToken takes only the key). */
  boolean isKey(String subscriptionKey) {
    return subscriptionKey != null && MessageDigest.isEqual(key, subscriptionKey.getBytes(StandardCharsets.UTF_8));
  }
}
