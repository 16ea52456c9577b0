package io.callemu.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.callemu.emulator.surface.acs.auth.AcsRequestSigner;
import io.callemu.emulator.testing.Harness;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** HMAC over the request-target and Host as received; a refused request changes nothing. */
class AcsAuthenticationTest {

  private static Harness emu;

  private static final String CREATE = "/calling/callConnections?api-version=" + Harness.JS_API;

  @BeforeAll
  static void start() {
    emu = Harness.start();
  }

  @AfterAll
  static void stop() {
    emu.close();
  }

  @BeforeEach
  void reset() {
    emu.control("POST", "/_emulator/reset", null);
  }

  private static byte[] createBody() {
    return new JsonObject()
        .put("targets", new io.vertx.core.json.JsonArray().add(new JsonObject().put("rawId", "8:acs:x")))
        .put("callbackUri", "http://127.0.0.1:9/cb").encode().getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void jsStyleSignatureWithHostAndPortIsAccepted() {
    Harness.Response r = emu.signed("POST", CREATE, createBody(), emu.callemu().accessKey(), Harness.now(), Map.of());
    assertThat(r.status()).isEqualTo(201);
    assertThat(emu.callCount()).isEqualTo(1);
  }

  @Test
  void javaStyleSignatureWithHostWithoutPortIsAccepted() throws IOException {
    // Java 1.0.4 signs and sends "Host: localhost" without the port (reference section 2.2).
    URI base = URI.create(emu.callemu().httpUrl());
    byte[] body = createBody();
    String path = "/calling/callConnections?api-version=" + Harness.JAVA_API;
    Map<String, String> auth = new AcsRequestSigner(emu.callemu().accessKey()).sign("POST", path, "localhost", Harness.now(), body).asMap();
    StringBuilder head = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: localhost\r\n"
        + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n");
    auth.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
    head.append("\r\n");
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      OutputStream out = socket.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream response = new ByteArrayOutputStream();
      in.transferTo(response);
      assertThat(response.toString(StandardCharsets.UTF_8)).startsWith("HTTP/1.1 201");
    }
    assertThat(emu.callCount()).isEqualTo(1);
  }

  @Test
  void wrongKeyIsRefusedWith401AndCreatesNothing() {
    String otherKey = Base64.getEncoder().encodeToString("not-the-key".getBytes(StandardCharsets.UTF_8));
    Harness.Response r = emu.signed("POST", CREATE, createBody(), otherKey, Harness.now(), Map.of());
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.json().getJsonObject("error").getString("code")).isNotBlank();
    assertThat(r.json().getJsonObject("error").getString("message")).isNotBlank();
    assertThat(emu.callCount()).isZero();
  }

  @Test
  void tamperedBodyIsRefused() {
    byte[] body = createBody();
    String key = emu.callemu().accessKey();
    URI uri = URI.create(emu.callemu().httpUrl());
    String host = uri.getHost() + ":" + uri.getPort();
    String date = Harness.now();
    Map<String, String> headers = new AcsRequestSigner(key).sign("POST", CREATE, host, date, body).asMap();
    // Same headers, different bytes on the wire.
    byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("8:acs:x", "8:acs:y").getBytes(StandardCharsets.UTF_8);
    java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(URI.create(emu.callemu().httpUrl() + CREATE))
        .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(tampered));
    headers.forEach(b::header);
    int status;
    try {
      status = java.net.http.HttpClient.newHttpClient().send(b.build(), java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    assertThat(status).isEqualTo(401);
    assertThat(emu.callCount()).isZero();
  }

  @Test
  void staleDateIsRefused() {
    Harness.Response r = emu.signed("POST", CREATE, createBody(), emu.callemu().accessKey(),
        "Sat, 21 Nov 2020 21:02:46 GMT", Map.of());
    assertThat(r.status()).isEqualTo(401);
    assertThat(emu.callCount()).isZero();
  }

  @Test
  void missingAuthorizationIsRefused() {
    Harness.Response r = emu.control("POST", CREATE, new String(createBody(), StandardCharsets.UTF_8));
    assertThat(r.status()).isEqualTo(401);
    assertThat(emu.callCount()).isZero();
  }
}
