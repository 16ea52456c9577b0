package io.callemu.emulator.fuzz;

import io.callemu.emulator.testing.CallbackReceiver;
import io.callemu.emulator.testing.Harness;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * An embedded emulator on the virtual clock with one connected call (with a Cognitive Services
 * endpoint, so speech recognizes validate too), for fuzz tests that send requests byte for byte.
 */
final class FuzzedEmulator implements AutoCloseable {

  /** The callee's raw id, a participant of the call. */
  static final String CALLEE = "4:+15551234567";

  /** A status and body; status -1 when the server closed without answering. */
  record Answer(int status, String contentType, String body) {
    /** callemu's error envelope {@code {"error":{"code":…,"message":…}}} as JSON. */
    boolean isErrorEnvelope() {
      if (contentType == null || !contentType.startsWith("application/json")) {
        return false;
      }
      try {
        JsonObject error = new JsonObject(body).getJsonObject("error");
        return error != null && error.getValue("code") instanceof String && error.getValue("message") instanceof String;
      } catch (RuntimeException e) {
        return false;
      }
    }
  }

  final Harness emu;
  final String callId;
  private final Vertx vertx;
  private final CallbackReceiver app;

  private FuzzedEmulator(Harness emu, Vertx vertx, CallbackReceiver app, String callId) {
    this.emu = emu;
    this.vertx = vertx;
    this.app = app;
    this.callId = callId;
  }

  static FuzzedEmulator start() {
    Harness emu = Harness.start();
    Vertx vertx = Vertx.vertx();
    CallbackReceiver app = CallbackReceiver.start(vertx);
    JsonObject body = new JsonObject()
        .put("targets", new JsonArray().add(new JsonObject().put("rawId", CALLEE)
            .put("phoneNumber", new JsonObject().put("value", "+15551234567"))))
        .put("sourceCallerIdNumber", new JsonObject().put("value", "+15550000000"))
        .put("callbackUri", app.url("/cb"))
        .put("callIntelligenceOptions", new JsonObject().put("cognitiveServicesEndpoint", "https://cog.example/"));
    Harness.Response created = emu.acs("POST", "/calling/callConnections?api-version=" + Harness.JS_API, body);
    if (created.status() != 201) {
      throw new IllegalStateException("cannot create the call: " + created);
    }
    emu.advance(1_000);
    return new FuzzedEmulator(emu, vertx, app, created.json().getString("callConnectionId"));
  }

  /** Writes {@code head} (request line and headers, without the blank line) and {@code body} as they are. */
  Answer raw(String head, String contentType, byte[] body) {
    String request = head + "\r\nHost: " + hostHeader() + "\r\n"
        + (contentType == null ? "" : "Content-Type: " + contentType + "\r\n")
        + (body == null ? "" : "Content-Length: " + body.length + "\r\n") + "Connection: close\r\n\r\n";
    URI uri = URI.create(emu.callemu().httpUrl());
    try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
      socket.setSoTimeout(30_000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      if (body != null) {
        socket.getOutputStream().write(body);
      }
      socket.getOutputStream().flush();
      return parse(readAll(socket.getInputStream()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String hostHeader() {
    URI uri = URI.create(emu.callemu().httpUrl());
    return uri.getHost() + ":" + uri.getPort();
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    in.transferTo(out);
    return out.toByteArray();
  }

  private static Answer parse(byte[] raw) {
    String text = new String(raw, StandardCharsets.UTF_8);
    int headEnd = text.indexOf("\r\n\r\n");
    if (!text.startsWith("HTTP/1.1 ") || headEnd < 0) {
      return new Answer(-1, null, text);
    }
    String contentType = null;
    for (String line : text.substring(0, headEnd).split("\r\n")) {
      if (line.regionMatches(true, 0, "Content-Type:", 0, 13)) {
        contentType = line.substring(13).trim();
      }
    }
    return new Answer(Integer.parseInt(text.substring(9, 12)), contentType, text.substring(headEnd + 4));
  }

  /** Cancels the call's media operations, so that accepted inputs do not pile up. */
  void cancelMedia() {
    emu.acs("POST", "/calling/callConnections/" + callId + ":cancelAllMediaOperations?api-version="
        + Harness.JS_API, new JsonObject());
  }

  @Override
  public void close() {
    emu.close();
    app.close();
    vertx.close();
  }
}
