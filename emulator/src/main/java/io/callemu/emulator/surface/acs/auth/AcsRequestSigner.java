package io.callemu.emulator.surface.acs.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs an outgoing ACS request exactly as the SDKs do with a connection string's access key
 * (reference §2.2), for callemu's own tools and tests that talk to callemu (or to the cloud
 * service) without an SDK: load harnesses, raw-HTTP conformance tests.
 *
 * <p>The string to sign is {@code VERB\npathAndQuery\nx-ms-date;host;x-ms-content-sha256}, signed
 * with HMAC-SHA256 under the base64-decoded key. {@code pathAndQuery} must be exactly the request
 * target that goes on the wire, and {@code host} exactly the {@code Host} header sent (the JS SDK
 * signs {@code host:port}, Java 1.0.4 the bare host name), since the service rebuilds the string
 * from what it receives.
 *
 * <p>Written separately from {@link HmacAuthenticator} on purpose: the tests check each against
 * the other and against a vector recorded from the JS SDK.
 *
 * <p>Immutable and thread-safe.
 */
public final class AcsRequestSigner {

  /** {@code x-ms-date}'s format: JS {@code Date.toUTCString()}, two-digit day, always GMT. */
  public static final DateTimeFormatter DATE_FORMAT =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

  private static final String AUTHORIZATION_PREFIX =
      "HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=";

  private final SecretKeySpec key;

  /**
   * @param base64AccessKey the access key as in the connection string ({@code accesskey=…})
   * @throws IllegalArgumentException when the key is not non-empty base64
   */
  public AcsRequestSigner(String base64AccessKey) {
    this.key = AcsHmac.key(base64AccessKey);
  }

  /**
   * The three headers the SDKs add, in the order they add them.
   *
   * @param xMsDate the {@code x-ms-date} value
   * @param xMsContentSha256 base64 SHA-256 of the body
   * @param authorization {@code HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=…}
   */
  public record Headers(String xMsDate, String xMsContentSha256, String authorization) {

    /** Header name to value, ready to copy onto a request. */
    public Map<String, String> asMap() {
      Map<String, String> map = new LinkedHashMap<>();
      map.put("x-ms-date", xMsDate);
      map.put("x-ms-content-sha256", xMsContentSha256);
      map.put("Authorization", authorization);
      return map;
    }
  }

  /** Signs a request sent now. */
  public Headers sign(String method, String pathAndQuery, String host, byte[] body) {
    return sign(method, pathAndQuery, host, Instant.now(), body);
  }

  /**
   * Signs a request.
   *
   * @param method e.g. {@code POST}; upper-cased for signing as the SDKs do
   * @param pathAndQuery the request target as sent, e.g. {@code /calling/callConnections?api-version=2026-03-12}
   * @param host the {@code Host} header as sent, e.g. {@code 127.0.0.1:9080}
   * @param date the signing time; only whole seconds go on the wire
   * @param body the body bytes as sent; {@code null} for none
   */
  public Headers sign(String method, String pathAndQuery, String host, Instant date, byte[] body) {
    return sign(method, pathAndQuery, host, DATE_FORMAT.format(date), body);
  }

  /**
   * Signs a request with {@code x-ms-date} exactly as given, e.g. to check how the service treats a
   * stale or malformed date.
   */
  public Headers sign(String method, String pathAndQuery, String host, String xMsDate, byte[] body) {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(pathAndQuery, "pathAndQuery");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(xMsDate, "xMsDate");
    String contentHash = contentHash(body);
    byte[] signature = AcsHmac.hmac(key, AcsHmac.stringToSign(method, pathAndQuery, xMsDate, host, contentHash));
    return new Headers(xMsDate, contentHash, AUTHORIZATION_PREFIX + Base64.getEncoder().encodeToString(signature));
  }

  /** base64(SHA-256(body)); an absent body hashes like an empty one. */
  public static String contentHash(byte[] body) {
    return AcsHmac.contentHash(body);
  }
}
