package io.callemu.emulator.surface.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The Speech WebSocket through a real socket: handshake checks, a turn, limits, idle close. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpeechWebSocketTest {

  private static final String CONVERSATION = "/speech/recognition/conversation/cognitiveservices/v1";
  private SpeechServer server;
  private Vertx vertx;
  private WebSocketClient client;

  @BeforeAll
  void start() {
    server = SpeechServer.start(c -> c);
    vertx = Vertx.vertx();
    client = vertx.createWebSocketClient();
  }

  @AfterAll
  void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    server.close();
  }

  @BeforeEach
  void clean() {
    server.control("POST", "/_emulator/reset", null);
    server.control("POST", "/_emulator/settings", new JsonObject().put("speech.idleTimeoutMs", 180_000)
        .put("speech.maxSessions", 500).encode());
  }

  /** A connected socket and what it received, text messages and the close. */
  private static final class Socket {
    final WebSocket ws;
    final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    final CompletableFuture<Short> closed = new CompletableFuture<>();
    volatile String closeReason;

    Socket(WebSocket ws) {
      this.ws = ws;
      ws.textMessageHandler(messages::add);
      ws.closeHandler(v -> {
        closeReason = ws.closeReason();
        closed.complete(ws.closeStatusCode());
      });
    }

    String next() throws InterruptedException {
      String m = messages.poll(10, TimeUnit.SECONDS);
      if (m == null) {
        throw new AssertionError("no message within 10 s");
      }
      return m;
    }

    String path(String message) {
      return message.substring("Path: ".length(), message.indexOf("\r\n"));
    }
  }

  private Socket connect(String pathAndQuery, Map<String, String> headers) throws Exception {
    WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(server.port())
        .setURI(pathAndQuery);
    headers.forEach(options::addHeader);
    return new Socket(client.connect(options).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS));
  }

  private int refusedWith(String pathAndQuery, Map<String, String> headers) {
    WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(server.port())
        .setURI(pathAndQuery);
    headers.forEach(options::addHeader);
    try {
      client.connect(options).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      throw new AssertionError("the handshake was accepted");
    } catch (ExecutionException e) {
      assertThat(e.getCause()).isInstanceOf(UpgradeRejectedException.class);
      return ((UpgradeRejectedException) e.getCause()).getStatus();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static Buffer audio(String requestId, byte[] payload) {
    byte[] headers = ("Path: audio\r\nX-RequestId: " + requestId + "\r\nX-Timestamp: 2026-01-01T00:00:00.000Z\r\n")
        .getBytes(StandardCharsets.US_ASCII);
    return Buffer.buffer().appendByte((byte) (headers.length >> 8)).appendByte((byte) headers.length)
        .appendBytes(headers).appendBytes(payload);
  }

  @Test
  void aTurnOverTheSocketWithTheKeyInTheQueryStringAsBrowsersSendIt() throws Exception {
    server.control("POST", "/_emulator/speech/transcripts", new JsonObject().put("text", "good morning").encode());
    Socket s = connect(CONVERSATION + "?language=en-US&format=detailed&Ocp-Apim-Subscription-Key="
        + SpeechServer.KEY + "&X-ConnectionId=ABCDEF", Map.of());
    String id = UUID.randomUUID().toString().replace("-", "");
    byte[] wav = SpeechAudio.pcm16k().silence(300).voice(900).silence(900).streamingWav();
    for (int at = 0; at < wav.length; at += 3200) {
      s.ws.writeBinaryMessage(audio(id, java.util.Arrays.copyOfRange(wav, at, Math.min(at + 3200, wav.length))));
    }
    s.ws.writeBinaryMessage(audio(id, new byte[0]));
    List<String> paths = new ArrayList<>();
    String phrase = null;
    for (String m = s.next(); ; m = s.next()) {
      paths.add(s.path(m));
      assertThat(m).contains("X-RequestId: " + id + "\r\n");
      if (s.path(m).equals("speech.phrase")) {
        phrase = m.substring(m.indexOf("\r\n\r\n") + 4);
      }
      if (s.path(m).equals("turn.end")) {
        break;
      }
    }
    assertThat(paths).startsWith("turn.start", "speech.startDetected").endsWith("speech.endDetected", "turn.end");
    assertThat(new JsonObject(phrase).getJsonArray("NBest").getJsonObject(0).getString("Display"))
        .isEqualTo("Good morning.");
    JsonObject turn = new JsonObject(server.control("GET", "/_emulator/events?type=speech", null).body())
        .getJsonArray("events").getJsonObject(0);
    assertThat(turn.getString("surface")).isEqualTo("websocket");
    assertThat(turn.getString("connectionId")).isEqualTo("ABCDEF");
    assertThat(turn.getString("requestId")).isEqualTo(id);
    assertThat(turn.getString("pcmSha256")).isEqualTo(SpeechAudio.pcm16k().silence(300).voice(900).silence(900).sha256());
    s.ws.close();
  }

  @Test
  void aBearerTokenInTheQueryIsAccepted() throws Exception {
    String token = server.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.url("/sts/v1.0/issueToken")))
        .header("Ocp-Apim-Subscription-Key", SpeechServer.KEY).POST(java.net.http.HttpRequest.BodyPublishers.noBody()))
        .body();
    Socket s = connect("/stt/speech/universal/v2?language=en-US&Authorization="
        + URLEncoder.encode("Bearer " + token, StandardCharsets.UTF_8), Map.of());
    assertThat(s.closed).isNotDone();
    s.ws.close();
    Socket h = connect(CONVERSATION + "?language=en-US", Map.of("Authorization", "Bearer " + token));
    h.ws.close();
  }

  @Test
  void handshakesAreRefused401Wrong403Missing400BadQueryAnd429PastTheCap() throws Exception {
    assertThat(refusedWith(CONVERSATION + "?language=en-US", Map.of("Ocp-Apim-Subscription-Key", "wrong"))).isEqualTo(401);
    assertThat(refusedWith(CONVERSATION + "?language=en-US&Authorization=Bearer%20x.y.z", Map.of())).isEqualTo(401);
    assertThat(refusedWith(CONVERSATION + "?language=en-US", Map.of())).isEqualTo(403);
    assertThat(refusedWith(CONVERSATION, Map.of("Ocp-Apim-Subscription-Key", SpeechServer.KEY))).isEqualTo(400);
    assertThat(refusedWith(CONVERSATION + "?language=xx-YY", Map.of("Ocp-Apim-Subscription-Key", SpeechServer.KEY)))
        .isEqualTo(400);

    server.control("POST", "/_emulator/settings", new JsonObject().put("speech.maxSessions", 1).encode());
    Socket held = connect(CONVERSATION + "?language=en-US", Map.of("Ocp-Apim-Subscription-Key", SpeechServer.KEY));
    assertThat(refusedWith(CONVERSATION + "?language=en-US", Map.of("Ocp-Apim-Subscription-Key", SpeechServer.KEY)))
        .isEqualTo(429);
    assertThat(server.recognize(CONVERSATION + "?language=en-US", SpeechAudio.pcm16k().silence(100).wav()).statusCode())
        .isEqualTo(429);
    held.ws.close();
    held.closed.get(10, TimeUnit.SECONDS);
    // the place is free again once the close is processed; a REST request shows it
    for (int i = 0; i < 100 && server.recognize(CONVERSATION + "?language=en-US",
        SpeechAudio.pcm16k().silence(100).wav()).statusCode() == 429; i++) {
      Thread.onSpinWait();
    }
    assertThat(server.recognize(CONVERSATION + "?language=en-US", SpeechAudio.pcm16k().silence(100).wav()).statusCode())
        .isEqualTo(200);
  }

  @Test
  void anIdleConnectionIsClosedWith1000AfterTheIdleTimeout() throws Exception {
    server.control("POST", "/_emulator/settings", new JsonObject().put("speech.idleTimeoutMs", 200).encode());
    Socket s = connect(CONVERSATION + "?language=en-US", Map.of("Ocp-Apim-Subscription-Key", SpeechServer.KEY));
    assertThat(s.closed.get(10, TimeUnit.SECONDS)).isEqualTo((short) 1000);
    assertThat(s.closeReason).contains("idle");
  }

  @Test
  void aProtocolBreachClosesOnlyThatConnection() throws Exception {
    Socket bad = connect(CONVERSATION + "?language=en-US", Map.of("Ocp-Apim-Subscription-Key", SpeechServer.KEY));
    Socket good = connect(CONVERSATION + "?language=en-US", Map.of("Ocp-Apim-Subscription-Key", SpeechServer.KEY));
    bad.ws.writeBinaryMessage(audio(UUID.randomUUID().toString(), SpeechAudio.pcm16k().streamingHeader()));
    assertThat(bad.closed.get(10, TimeUnit.SECONDS)).isEqualTo((short) 1002);
    assertThat(bad.closeReason).contains("no-dash");
    String id = UUID.randomUUID().toString().replace("-", "");
    good.ws.writeBinaryMessage(audio(id, SpeechAudio.pcm16k().streamingHeader()));
    assertThat(good.path(good.next())).isEqualTo("turn.start");
    good.ws.close();
  }

  @Test
  void aPlainGetOnTheUniversalPathIsNotAWebSocket() {
    assertThat(server.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.url("/stt/speech/universal/v2")))
        .GET()).statusCode()).isEqualTo(400);
    assertThatThrownBy(() -> connect("/speech/recognition/shouting/cognitiveservices/v1?language=en-US",
        Map.of("Ocp-Apim-Subscription-Key", SpeechServer.KEY))).hasCauseInstanceOf(UpgradeRejectedException.class);
  }
}
