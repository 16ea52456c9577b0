package io.callemu.emulator.surface.acs.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The ACS HMAC-SHA256 scheme (reference §2.2) in one place, so that the signer callemu's tools use
 * and the verifier the emulated service uses cannot drift apart.
 */
final class AcsHmac {

  private AcsHmac() {
  }

  /**
   * The HMAC key: the connection string's access key, base64-decoded, as both SDKs do.
   *
   * @throws IllegalArgumentException when the key is not non-empty base64
   */
  static SecretKeySpec key(String base64AccessKey) {
    Objects.requireNonNull(base64AccessKey, "base64AccessKey");
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(base64AccessKey.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the access key is not valid base64: " + e.getMessage(), e);
    }
    if (raw.length == 0) {
      throw new IllegalArgumentException("the access key must not be empty");
    }
    return new SecretKeySpec(raw, "HmacSHA256");
  }

  /** base64(SHA-256(body)); an absent body hashes like an empty one. */
  static String contentHash(byte[] body) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return Base64.getEncoder().encodeToString(sha256.digest(body == null ? new byte[0] : body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
    }
  }

  /** {@code VERB\npathAndQuery\ndate;host;contentHash}, the verb upper-cased as the SDKs do. */
  static String stringToSign(String method, String pathAndQuery, String xMsDate, String host,
      String contentHash) {
    return method.toUpperCase(Locale.ROOT) + "\n" + pathAndQuery + "\n"
        + xMsDate + ";" + host + ";" + contentHash;
  }

  static byte[] hmac(SecretKeySpec key, String stringToSign) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required of every Java runtime", e);
    }
  }
}
