package io.callemu.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A raw HTTP client that signs requests exactly like the JS SDK's access-key policy (§2.2:
 * {@code VERB\npath?query\nx-ms-date;host;x-ms-content-sha256}, HMAC-SHA256 with the base64-decoded
 * key), so tests can send what no SDK sends: a body changed after signing, a stale date, another
 * key, broken JSON, a missing api-version. Plain HTTP against callemu's http endpoint.
 */
final class SignedHttp {

  static final DateTimeFormatter RFC_1123 =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final URI endpoint;
  private final String accessKey;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

  /** @param endpoint e.g. http://127.0.0.1:9080 ; @param accessKey base64 */
  SignedHttp(String endpoint, String accessKey) {
    this.endpoint = URI.create(endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint);
    this.accessKey = accessKey;
  }

  /** What to sign and what to send; by default both are the same, signed now with the right key. */
  static final class Request {
    final String method;
    final String pathAndQuery;
    String body;
    String signedBody;
    String date = RFC_1123.format(ZonedDateTime.now(ZoneOffset.UTC));
    String signingKey;
    boolean authorization = true;
    final Map<String, String> headers = new LinkedHashMap<>();

    Request(String method, String pathAndQuery, String body) {
      this.method = method;
      this.pathAndQuery = pathAndQuery;
      this.body = body;
    }

    /** Sign this body but send another one (what a man in the middle would do). */
    Request sendInstead(String tamperedBody) {
      this.signedBody = this.body;
      this.body = tamperedBody;
      return this;
    }

    Request date(String rfc1123) {
      this.date = rfc1123;
      return this;
    }

    Request signWith(String base64Key) {
      this.signingKey = base64Key;
      return this;
    }

    Request withoutAuthorization() {
      this.authorization = false;
      return this;
    }

    Request header(String name, String value) {
      headers.put(name, value);
      return this;
    }
  }

  record Response(int status, Map<String, java.util.List<String>> headers, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("response body is not JSON (status " + status + "): " + body, e);
      }
    }

    String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .flatMap(e -> e.getValue().stream())
          .findFirst().orElse(null);
    }
  }

  Request request(String method, String pathAndQuery, String body) {
    return new Request(method, pathAndQuery, body);
  }

  Response send(Request r) {
    URI uri = URI.create(endpoint + r.pathAndQuery);
    String sent = r.body == null ? "" : r.body;
    String signed = r.signedBody != null ? r.signedBody : sent;
    String contentHash = contentHash(signed);
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
        .method(r.method, r.body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(sent, StandardCharsets.UTF_8))
        .header("x-ms-date", r.date)
        .header("x-ms-content-sha256", contentHash)
        .header("Accept", "application/json");
    if (r.body != null) {
      builder.header("Content-Type", "application/json");
    }
    if (r.authorization) {
      // java.net.http sends Host as the URI's authority (host:port), the same string the JS SDK signs.
      String pathAndQuery = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
      String key = r.signingKey != null ? r.signingKey : accessKey;
      builder.header("Authorization", "HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature="
          + signature(key, r.method, pathAndQuery, r.date, uri.getRawAuthority(), contentHash));
    }
    r.headers.forEach(builder::header);
    try {
      HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Response(response.statusCode(), response.headers().map(), response.body());
    } catch (IOException e) {
      throw new AssertionError(r.method + " " + uri + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** base64(HMAC-SHA256(key, "VERB\npathAndQuery\ndate;host;contentHash")), as both SDKs compute it. */
  static String signature(String base64Key, String method, String pathAndQuery, String date, String host, String contentHash) {
    return base64(hmac(base64Key, method + "\n" + pathAndQuery + "\n" + date + ";" + host + ";" + contentHash));
  }

  static String contentHash(String body) {
    return base64(sha256(body.getBytes(StandardCharsets.UTF_8)));
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] hmac(String base64Key, String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(Base64.getDecoder().decode(base64Key), "HmacSHA256"));
      return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }
}
