package io.callemu.emulator.surface.speech;

import static org.assertj.core.api.Assertions.assertThat;

import io.callemu.emulator.Callemu;
import io.callemu.emulator.CallemuConfig;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.net.PfxOptions;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Speech surface on the HTTPS port too: REST over https and the WebSocket over wss, trusting callemu's certificate. */
class SpeechOverHttpsTest {

  @Test
  void restAndWebSocketAreServedOverTls(@TempDir Path dir) throws Exception {
    Vertx vertx = Vertx.vertx();
    try (Callemu emu = Callemu.start(CallemuConfig.defaults().withPort(0).withHttpsPort(0).withDataDir(dir))) {
      emu.control().addSpeechTranscript("yes", null);
      HttpResponse<String> rest = HttpClient.newBuilder().sslContext(trusting(emu.trustStore())).build().send(
          HttpRequest.newBuilder(URI.create(emu.httpsUrl()
              + "/speech/recognition/interactive/cognitiveservices/v1?language=en-US"))
              .header("Ocp-Apim-Subscription-Key", emu.speechKey()).header("Content-Type", "audio/wav")
              .POST(HttpRequest.BodyPublishers.ofByteArray(SpeechAudio.pcm16k().silence(300).voice(600).silence(900)
                  .wav())).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(rest.statusCode()).isEqualTo(200);
      assertThat(rest.body()).contains("\"DisplayText\":\"Yes.\"");

      int port = URI.create(emu.httpsUrl()).getPort();
      WebSocket ws = vertx.createWebSocketClient(new WebSocketClientOptions().setSsl(true)
              .setTrustOptions(new PfxOptions().setPath(emu.trustStore().toString()).setPassword("changeit")))
          .connect(new WebSocketConnectOptions().setHost("localhost").setPort(port).setSsl(true)
              .setURI("/speech/recognition/conversation/cognitiveservices/v1?language=en-US")
              .addHeader("Ocp-Apim-Subscription-Key", emu.speechKey()))
          .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      CompletableFuture<String> first = new CompletableFuture<>();
      ws.textMessageHandler(first::complete);
      byte[] headers = "Path: audio\r\nX-RequestId: 0123456789abcdef0123456789abcdef\r\n".getBytes();
      ws.writeBinaryMessage(Buffer.buffer().appendShort((short) headers.length).appendBytes(headers)
          .appendBytes(SpeechAudio.pcm16k().streamingHeader()));
      assertThat(first.get(10, TimeUnit.SECONDS)).startsWith("Path: turn.start\r\n");
      ws.close();
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }

  private static SSLContext trusting(Path trustStore) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(trustStore)) {
      store.load(in, "changeit".toCharArray());
    }
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(store);
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(null, tmf.getTrustManagers(), null);
    return ssl;
  }
}
