package io.callemu.emulator.testing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a request the way the ACS SDKs do (reference section 2.2), written independently of the
 * emulator's verifier so that the tests check one against the other.
 */
public final class AcsSigner {

  private AcsSigner() {
  }

  public static String contentHash(byte[] body) {
    try {
      return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(body));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code VERB\npathAndQuery\ndate;host;contentHash} signed with the base64-decoded key. */
  public static String signature(String base64Key, String method, String pathAndQuery, String host,
      String date, byte[] body) {
    String toSign = method + "\n" + pathAndQuery + "\n" + date + ";" + host + ";" + contentHash(body);
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(Base64.getDecoder().decode(base64Key), "HmacSHA256"));
      return Base64.getEncoder().encodeToString(mac.doFinal(toSign.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The headers an SDK adds: x-ms-date, x-ms-content-sha256, Authorization. */
  public static Map<String, String> headers(String base64Key, String method, String pathAndQuery,
      String host, String date, byte[] body) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("x-ms-date", date);
    h.put("x-ms-content-sha256", contentHash(body));
    h.put("Authorization", "HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature="
        + signature(base64Key, method, pathAndQuery, host, date, body));
    return h;
  }
}
