package io.callemu.bench.load;

import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.LongConsumer;

/**
 * One Speech SDK-style WebSocket session: {@code speech.config}, {@code speech.context} (conversation
 * mode), the streaming RIFF header, then a recording repeated {@code times} times as 3200-byte (100 ms)
 * chunks paced at {@code speed} × real time, then the end of audio; it ends with the turn's
 * {@code turn.end}. For every {@code speech.phrase} it reports how long after the chunk that carried
 * the end of the phrase's speech plus the segmentation silence the phrase arrived: what an app waits
 * beyond the silence the service must hear. Lives on one Vert.x context.
 */
final class SpeechStream {

  private final Vertx vertx;
  private final SpeechWav wav;
  private final int times;
  private final double speed;
  private final int segmentationMs;
  private final LongConsumer latency;
  private final LongConsumer sendLag;
  private final String requestId = UUID.randomUUID().toString().replace("-", "");
  private final long[] sentNanos;
  private final Promise<Integer> done = Promise.promise();
  private WebSocket ws;
  private int nextChunk;
  private long startNanos;
  private int phrases;

  /**
   * @param latency receives each phrase's lateness in nanoseconds, on the session's context
   * @param sendLag receives how far behind its schedule each chunk went out, in nanoseconds: when the
   *     harness itself cannot keep up, its phrase timings are not callemu's alone
   */
  SpeechStream(Vertx vertx, SpeechWav wav, int times, double speed, int segmentationMs, LongConsumer latency,
      LongConsumer sendLag) {
    this.vertx = vertx;
    this.wav = wav;
    this.times = times;
    this.speed = speed;
    this.segmentationMs = segmentationMs;
    this.latency = latency;
    this.sendLag = sendLag;
    this.sentNanos = new long[(wav.pcm.length * times + SpeechWav.CHUNK_BYTES - 1) / SpeechWav.CHUNK_BYTES];
  }

  /** Connects and streams; completes with the number of phrases when turn.end arrives. */
  io.vertx.core.Future<Integer> run(WebSocketClient client, String host, int port, String key) {
    client.connect(new WebSocketConnectOptions().setHost(host).setPort(port)
            .setURI("/speech/recognition/conversation/cognitiveservices/v1?language=en-US&format=simple")
            .addHeader("Ocp-Apim-Subscription-Key", key).addHeader("X-ConnectionId", requestId))
        .onFailure(done::tryFail)
        .onSuccess(socket -> {
          ws = socket;
          ws.textMessageHandler(this::received);
          ws.closeHandler(v -> done.tryFail("closed " + ws.closeStatusCode() + " " + ws.closeReason()));
          ws.writeTextMessage(text("speech.config", "{\"context\":{\"system\":{\"name\":\"SpeechSDK\","
              + "\"version\":\"1.52.0\",\"build\":\"JavaScript\",\"lang\":\"JavaScript\"}}}"));
          ws.writeTextMessage(text("speech.context", "{\"phraseDetection\":{\"mode\":\"Conversation\","
              + "\"language\":\"en-US\",\"conversation\":{\"segmentation\":{\"mode\":\"Custom\","
              + "\"segmentationSilenceTimeoutMs\":" + segmentationMs + "}}},\"phraseOutput\":{}}"));
          ws.writeBinaryMessage(audio(SpeechWav.streamingHeader(), 0, 44));
          startNanos = System.nanoTime();
          sendDue();
        });
    return done.future();
  }

  /** Sends every chunk whose time has come, then waits for the next. */
  private void sendDue() {
    long chunkNanos = (long) (100_000_000L / speed);
    long now = System.nanoTime();
    while (nextChunk < sentNanos.length && startNanos + nextChunk * chunkNanos <= now) {
      int from = nextChunk * SpeechWav.CHUNK_BYTES;
      byte[] chunk = new byte[Math.min(SpeechWav.CHUNK_BYTES, wav.pcm.length * times - from)];
      for (int i = 0; i < chunk.length; i++) {
        chunk[i] = wav.pcm[(from + i) % wav.pcm.length];
      }
      sentNanos[nextChunk] = System.nanoTime();
      sendLag.accept(sentNanos[nextChunk] - (startNanos + nextChunk * chunkNanos));
      nextChunk++;
      ws.writeBinaryMessage(audio(chunk, 0, chunk.length));
    }
    if (nextChunk < sentNanos.length) {
      long wait = startNanos + nextChunk * chunkNanos - System.nanoTime();
      vertx.setTimer(Math.max(1, wait / 1_000_000), id -> sendDue());
    } else {
      ws.writeBinaryMessage(audio(new byte[0], 0, 0));
    }
  }

  private void received(String message) {
    long arrived = System.nanoTime();
    String path = message.substring("Path: ".length(), message.indexOf("\r\n"));
    if (path.equals("speech.phrase")) {
      phrases++;
      JsonObject body = new JsonObject(message.substring(message.indexOf("\r\n\r\n") + 4));
      long dueMs = (body.getLong("Offset") + body.getLong("Duration")) / 10_000 + segmentationMs;
      int chunk = (int) Math.min(sentNanos.length - 1, Math.max(0, (dueMs - 1) / 100));
      latency.accept(arrived - sentNanos[chunk]);
    } else if (path.equals("turn.end")) {
      done.tryComplete(phrases);
      ws.close();
    }
  }

  private String text(String path, String body) {
    return "Path: " + path + "\r\nX-RequestId: " + requestId + "\r\nX-Timestamp: 2026-01-01T00:00:00.000Z\r\n"
        + "Content-Type: application/json\r\n\r\n" + body;
  }

  private Buffer audio(byte[] payload, int from, int length) {
    byte[] headers = ("Path: audio\r\nX-RequestId: " + requestId + "\r\nX-Timestamp: 2026-01-01T00:00:00.000Z\r\n")
        .getBytes(StandardCharsets.US_ASCII);
    return Buffer.buffer(2 + headers.length + length).appendShort((short) headers.length).appendBytes(headers)
        .appendBytes(payload, from, length);
  }
}
