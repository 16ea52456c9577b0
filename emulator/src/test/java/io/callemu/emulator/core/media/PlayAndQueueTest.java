package io.callemu.emulator.core.media;

import static io.callemu.emulator.core.media.MediaFixture.dtmfRecognize;
import static io.callemu.emulator.core.media.MediaFixture.fileSource;
import static io.callemu.emulator.core.media.MediaFixture.result;
import static io.callemu.emulator.core.media.MediaFixture.textPrompt;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Play durations and outcomes, the per-call queue, cancel and interruptCallMediaOperation. */
@ExtendWith(VertxExtension.class)
class PlayAndQueueTest {

  private MediaFixture f;
  private HttpServer files;

  @AfterEach
  void stop() {
    if (files != null) {
      files.close();
    }
    if (f != null) {
      f.close();
    }
  }

  static JsonObject play(JsonObject... sources) {
    JsonArray list = new JsonArray();
    for (JsonObject s : sources) {
      list.add(s);
    }
    return new JsonObject().put("playSources", list).put("playTo", new JsonArray()).put("operationContext", "p");
  }

  /** 16-bit mono PCM at 16 kHz, {@code ms} long. */
  static byte[] wav(int ms) {
    int data = 16_000 * 2 * ms / 1000;
    java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(44 + data).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes()).putInt(36 + data).put("WAVE".getBytes()).put("fmt ".getBytes()).putInt(16)
        .putShort((short) 1).putShort((short) 1).putInt(16_000).putInt(32_000).putShort((short) 2)
        .putShort((short) 16).put("data".getBytes()).putInt(data);
    return b.array();
  }

  private String serve(Vertx vertx, Map<String, byte[]> content) throws Exception {
    files = vertx.createHttpServer().requestHandler(req -> {
      byte[] body = content.get(req.path());
      if (body == null) {
        req.response().setStatusCode(404).end();
      } else {
        req.response().end(io.vertx.core.buffer.Buffer.buffer(body));
      }
    });
    files.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    return "http://127.0.0.1:" + files.actualPort();
  }

  /**
   * Lets the loopback download (real I/O) finish: each advance(0) is a round trip to the emulator
   * that settles its callbacks; no sleeping.
   */
  private void awaitEvents(int n) {
    for (int i = 0; i < 500 && f.mediaEvents().size() < n; i++) {
      f.emu.advance(0);
    }
  }

  @Test
  void textPlaysForItsWordsAtTheConfiguredRate(Vertx vertx) {
    f = MediaFixture.start(vertx, c -> c.withSetting("prompt.wordsPerMinute", "60"), false);
    f.accepted("play", play(textPrompt("one two three")));
    assertThat(f.mediaEvents()).containsExactly("PlayStarted");
    assertThat(result(f.last("PlayStarted")).getMap()).isEqualTo(Map.of("code", 200, "subCode", 0,
        "message", "Action completed successfully."));
    f.emu.advance(2_999);
    assertThat(f.mediaEvents()).containsExactly("PlayStarted");
    f.emu.advance(1);
    assertThat(f.mediaEvents()).containsExactly("PlayStarted", "PlayCompleted");
    assertThat(f.last("PlayCompleted").getString("operationContext")).isEqualTo("p");
  }

  @Test
  void ssmlCountsWordsAndBreaks() {
    assertThat(PlayDurations.ssmlMillis("<speak><voice name='x'>Hello there<break time=\"500ms\"/>friend"
        + "<break time='2s'/><break strength=\"weak\"/></voice></speak>", 150)).isEqualTo(1_200 + 2_500 + 500);
  }

  @Test
  void wavAndMp3DurationsComeFromTheirBytes() {
    assertThat(AudioDuration.millis(wav(1_250))).isEqualTo(1_250);
    // Ten MPEG-1 layer III frames, 128 kbit/s, 44.1 kHz: 1152 samples and 417 bytes each.
    byte[] mp3 = new byte[10 * 417];
    for (int i = 0; i < 10; i++) {
      mp3[i * 417] = (byte) 0xFF;
      mp3[i * 417 + 1] = (byte) 0xFB;
      mp3[i * 417 + 2] = (byte) 0x90;
    }
    assertThat(AudioDuration.millis(mp3)).isEqualTo(10 * 1152 * 1000 / 44_100);
    assertThat(AudioDuration.millis("not audio".getBytes())).isEqualTo(-1);
  }

  @Test
  void loopbackFilePlaysForItsRealLength(Vertx vertx) throws Exception {
    f = MediaFixture.start(vertx);
    String base = serve(vertx, Map.of("/a.wav", wav(2_000)));
    f.accepted("play", play(fileSource(base + "/a.wav")));
    awaitEvents(1);
    assertThat(f.mediaEvents()).containsExactly("PlayStarted");
    f.emu.advance(1_999);
    assertThat(f.mediaEvents()).containsExactly("PlayStarted");
    f.emu.advance(1);
    assertThat(f.mediaEvents()).containsExactly("PlayStarted", "PlayCompleted");
  }

  @Test
  void unreachableFileFails8536AndUnreadableFails8535WithTheSourceIndex(Vertx vertx) throws Exception {
    f = MediaFixture.start(vertx);
    String base = serve(vertx, Map.of("/a.wav", wav(100), "/bad.wav", "plain text".getBytes()));
    f.accepted("play", play(fileSource(base + "/a.wav"), fileSource(base + "/missing.wav")));
    awaitEvents(1);
    assertThat(f.mediaEvents()).containsExactly("PlayFailed");
    JsonObject failed = f.last("PlayFailed");
    assertThat(result(failed).getMap()).isEqualTo(Map.of("code", 400, "subCode", 8536,
        "message", "Action failed, file could not be downloaded."));
    assertThat(failed.getInteger("failedPlaySourceIndex")).isEqualTo(1);

    f.accepted("play", play(fileSource(base + "/bad.wav")));
    awaitEvents(2);
    assertThat(result(f.last("PlayFailed")).getInteger("subCode")).isEqualTo(8535);
    assertThat(f.last("PlayFailed").getInteger("failedPlaySourceIndex")).isEqualTo(0);
  }

  @Test
  void fileUnderTheDataDirPlaysForItsLength(Vertx vertx) throws Exception {
    f = MediaFixture.start(vertx);
    Path dir = f.emu.callemu().dataDir();
    Path wavFile = dir.resolve("prompt.wav");
    Files.write(wavFile, wav(700));
    f.accepted("play", play(fileSource(wavFile.toUri().toString())));
    awaitEvents(1);
    f.emu.advance(700);
    assertThat(f.mediaEvents()).containsExactly("PlayStarted", "PlayCompleted");
  }

  @Test
  void fileOnAnotherHostPlaysForTheDefaultTime(Vertx vertx) {
    f = MediaFixture.start(vertx, c -> c.withSetting("prompt.defaultFileMs", "1234"), false);
    f.accepted("play", play(fileSource("https://cdn.example/hello.mp3")));
    f.emu.advance(1_233);
    assertThat(f.mediaEvents()).containsExactly("PlayStarted");
    f.emu.advance(1);
    assertThat(f.mediaEvents()).containsExactly("PlayStarted", "PlayCompleted");
  }

  @Test
  void operationsQueueAndRunOneAfterTheOther(Vertx vertx) {
    f = MediaFixture.start(vertx);
    f.accepted("play", play(textPrompt("one two three four five")));
    f.accepted("recognize", dtmfRecognize(1, new JsonObject(), new JsonObject()));
    JsonArray ops = f.detail().getJsonObject("media").getJsonArray("operations");
    assertThat(ops).hasSize(2);
    assertThat(ops.getJsonObject(0).getString("kind")).isEqualTo("play");
    assertThat(ops.getJsonObject(0).getJsonArray("timers").getJsonObject(0).getString("name")).isEqualTo("playEnd");
    assertThat(ops.getJsonObject(1).getString("state")).isEqualTo("queued");
    f.emu.advance(2_000);
    assertThat(f.mediaEvents()).containsExactly("PlayStarted", "PlayCompleted");
    f.emu.advance(4_999);
    assertThat(f.mediaEvents()).hasSize(2);
    f.emu.advance(1);
    assertThat(f.mediaEvents()).containsExactly("PlayStarted", "PlayCompleted", "RecognizeFailed");
  }

  @Test
  void cancelAllCancelsTheRunningAndEveryQueuedOperationWith8508(Vertx vertx) {
    f = MediaFixture.start(vertx);
    f.accepted("play", play(textPrompt("a long prompt")).put("playOptions", new JsonObject().put("loop", true)));
    f.accepted("recognize", dtmfRecognize(1, new JsonObject(), new JsonObject()));
    f.accepted("play", play(textPrompt("another")));
    assertThat(f.action("cancelAllMediaOperations", null).status()).isEqualTo(202);
    f.emu.advance(0);
    assertThat(f.mediaEvents()).containsExactly("PlayStarted", "PlayCanceled", "RecognizeCanceled", "PlayCanceled");
    assertThat(result(f.last("RecognizeCanceled")).getMap()).isEqualTo(Map.of("code", 400, "subCode", 8508,
        "message", "Action failed, the operation was canceled."));
    assertThat(f.detail().getJsonObject("media").getJsonArray("operations")).isEmpty();
    f.emu.advance(60_000);
    assertThat(f.mediaEvents()).hasSize(4);
  }

  @Test
  void loopingPlayNeverCompletes(Vertx vertx) {
    f = MediaFixture.start(vertx);
    f.accepted("play", play(textPrompt("hold music")).put("playOptions", new JsonObject().put("loop", true)));
    f.emu.advance(3_600_000);
    assertThat(f.mediaEvents()).containsExactly("PlayStarted");
  }

  @Test
  void interruptCallMediaOperationCancelsTheOthersAndStartsAtOnce(Vertx vertx) {
    f = MediaFixture.start(vertx);
    f.accepted("play", play(textPrompt("one two three")));
    f.accepted("recognize", dtmfRecognize(1, new JsonObject(), new JsonObject())
        .put("interruptCallMediaOperation", true));
    assertThat(f.mediaEvents()).containsExactly("PlayStarted", "PlayCanceled");
    f.press("5");
    f.emu.advance(100);
    assertThat(f.mediaEvents()).containsExactly("PlayStarted", "PlayCanceled", "RecognizeCompleted");
  }

  @Test
  void hangUpEndsOperationsSilently(Vertx vertx) {
    f = MediaFixture.start(vertx);
    f.accepted("recognize", dtmfRecognize(1, new JsonObject(), new JsonObject()));
    f.emu.control("POST", "/_emulator/calls/" + f.callId + "/hangup", null);
    f.emu.advance(10_000);
    assertThat(f.mediaEvents()).containsExactly("CallDisconnected");
  }

  @Test
  void interruptByDefaultWhenSwitched(Vertx vertx) {
    f = MediaFixture.start(vertx, c -> c.withSetting("media.interruptCallMediaOperationDefault", "true"), false);
    f.accepted("play", play(textPrompt("one two three")));
    f.accepted("play", play(textPrompt("four")));
    assertThat(f.mediaEvents()).containsExactly("PlayStarted", "PlayCanceled", "PlayStarted");
  }

  @Test
  void theQueueIsBounded(Vertx vertx) {
    f = MediaFixture.start(vertx);
    f.accepted("play", play(textPrompt("hold")).put("playOptions", new JsonObject().put("loop", true)));
    for (int i = 0; i < 100; i++) {
      assertThat(f.action("play", play(textPrompt("queued " + i))).status()).isEqualTo(202);
    }
    var refused = f.action("play", play(textPrompt("one too many")));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.errorCode()).isEqualTo("8500");
    assertThat(f.detail().getJsonObject("media").getJsonArray("operations")).hasSize(101);
  }
}
