package io.callemu.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callemu.emulator.surface.acs.auth.AcsRequestSigner;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A raw HTTP client that signs requests like the JS SDK's access-key policy (§2.2, signed by
 * callemu's {@link AcsRequestSigner}, whose tests hold the JS-SDK-verified vector), so tests can
 * send what no SDK sends: a body changed after signing, a stale date, another
 * key, broken JSON, a missing api-version. Plain HTTP against callemu's http endpoint.
 */
final class SignedHttp {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final URI endpoint;
  private final AcsRequestSigner signer;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

  /** @param endpoint e.g. http://127.0.0.1:9080 ; @param accessKey base64 */
  SignedHttp(String endpoint, String accessKey) {
    this.endpoint = URI.create(endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint);
    this.signer = new AcsRequestSigner(accessKey);
  }

  /** What to sign and what to send; by default both are the same, signed now with the right key. */
  static final class Request {
    final String method;
    final String pathAndQuery;
    String body;
    String signedBody;
    String date = AcsRequestSigner.DATE_FORMAT.format(Instant.now());
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

  record Response(int status, Map<String, List<String>> headers, String body) {
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
    // java.net.http sends Host as the URI's authority (host:port), the same string the JS SDK signs.
    String pathAndQuery = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    AcsRequestSigner signer = r.signingKey != null ? new AcsRequestSigner(r.signingKey) : this.signer;
    Map<String, String> signedHeaders = new LinkedHashMap<>(signer.sign(r.method, pathAndQuery,
        uri.getRawAuthority(), r.date, signed.getBytes(StandardCharsets.UTF_8)).asMap());
    if (!r.authorization) {
      signedHeaders.remove("Authorization");
    }
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
        .method(r.method, r.body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(sent, StandardCharsets.UTF_8))
        .header("Accept", "application/json");
    signedHeaders.forEach(builder::header);
    if (r.body != null) {
      builder.header("Content-Type", "application/json");
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
}
