package io.callemu.emulator.surface.speech;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.function.LongSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The access tokens of {@code POST /sts/v1.0/issueToken}: JWTs valid for 10 minutes (reference
 * graph-and-speech.md B1.3), signed with HMAC-SHA256 under a key derived from the Speech key, so a
 * token from a callemu with another key is refused. The claims mimic the service's tokens; apps treat
 * the token as opaque text.
 */
final class SpeechTokens {

  static final long LIFETIME_SECONDS = 600;
  static final String AUDIENCE = "urn:ms.speechservices.callemu";
  private static final String HEADER = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SecretKeySpec key;
  private final LongSupplier nowMillis;

  /** @param nowMillis real time, since tokens expire in the app's time whatever the emulated clock */
  SpeechTokens(String speechKey, LongSupplier nowMillis) {
    try {
      byte[] derived = MessageDigest.getInstance("SHA-256")
          .digest(("callemu speech token\n" + speechKey).getBytes(StandardCharsets.UTF_8));
      this.key = new SecretKeySpec(derived, "HmacSHA256");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
    this.nowMillis = nowMillis;
  }

  String issue() {
    long now = nowMillis.getAsLong() / 1000;
    String claims = "{\"region\":\"local\",\"subscription-id\":\"callemu\",\"product-id\":\"SpeechServices.S0\","
        + "\"scope\":\"speechservices\",\"aud\":\"" + AUDIENCE + "\",\"iss\":\"urn:ms.cognitiveservices\",\"iat\":" + now
        + ",\"exp\":" + (now + LIFETIME_SECONDS) + "}";
    String signingInput = b64(HEADER) + "." + b64(claims);
    return signingInput + "." + B64.encodeToString(sign(signingInput));
  }

  /** True for a token this callemu issued that has not expired. */
  boolean isValid(String token) {
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) {
      return false;
    }
    byte[] expected = sign(parts[0] + "." + parts[1]);
    byte[] given;
    try {
      given = Base64.getUrlDecoder().decode(parts[2]);
    } catch (IllegalArgumentException e) {
      return false;
    }
    if (!MessageDigest.isEqual(expected, given)) {
      return false;
    }
    try {
      JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
      return AUDIENCE.equals(claims.path("aud").asText()) && claims.path("exp").asLong() * 1000 > nowMillis.getAsLong();
    } catch (java.io.IOException | IllegalArgumentException e) {
      return false;
    }
  }

  private byte[] sign(String signingInput) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has HmacSHA256", e);
    }
  }

  private static String b64(String json) {
    return B64.encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
