package io.callemu.emulator.surface.graph;

import io.callemu.emulator.Callemu;
import io.callemu.emulator.platform.tls.DevCertificates;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.security.KeyStore;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** Blocking HTTP(S) to an embedded callemu, trusting its development certificate and nothing else. */
final class GraphHttp {

  /** One answer: status, headers and the body (JSON when it parses). */
  record Answer(int status, java.net.http.HttpHeaders headers, String body) {
    JsonObject json() {
      return new JsonObject(body);
    }

    String header(String name) {
      return headers.firstValue(name).orElse(null);
    }
  }

  private final Callemu callemu;
  private final HttpClient client;

  GraphHttp(Callemu callemu) {
    this.callemu = callemu;
    this.client = HttpClient.newBuilder().sslContext(trusting(callemu)).build();
  }

  private static SSLContext trusting(Callemu callemu) {
    try (InputStream in = Files.newInputStream(callemu.trustStore())) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, DevCertificates.TRUST_STORE_PASSWORD.toCharArray());
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(store);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, tmf.getTrustManagers(), null);
      return context;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  Answer https(String method, String path, String contentType, String body, Map<String, String> headers) {
    return send(callemu.httpsUrl() + path, method, contentType, body, headers);
  }

  Answer http(String method, String path, String contentType, String body, Map<String, String> headers) {
    return send(callemu.httpUrl() + path, method, contentType, body, headers);
  }

  Answer get(String url, Map<String, String> headers) {
    return send(url, "GET", null, null, headers);
  }

  private Answer send(String url, String method, String contentType, String body, Map<String, String> headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).method(method,
        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    headers.forEach(b::header);
    try {
      HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(r.statusCode(), r.headers(), r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
