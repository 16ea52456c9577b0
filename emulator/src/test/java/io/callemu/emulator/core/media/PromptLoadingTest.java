package io.callemu.emulator.core.media;

import static io.callemu.emulator.core.media.MediaFixture.dtmfRecognize;
import static io.callemu.emulator.core.media.MediaFixture.fileSource;
import static io.callemu.emulator.core.media.MediaFixture.result;
import static org.assertj.core.api.Assertions.assertThat;

import io.callemu.emulator.testing.Harness;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A file prompt's fetch takes real time the virtual clock does not see: an advance waits for it,
 * and the caller's input while it loads counts as input during the prompt.
 */
@ExtendWith(VertxExtension.class)
class PromptLoadingTest {

  private static final int PROMPT_MS = 2_000;

  private MediaFixture f;
  private HttpServer files;
  /** The prompt server holds every request until the test releases it. */
  private final CompletableFuture<Void> release = new CompletableFuture<>();
  private final CompletableFuture<Void> requested = new CompletableFuture<>();

  @AfterEach
  void stop() {
    release.complete(null);
    if (files != null) {
      files.close();
    }
    if (f != null) {
      f.close();
    }
  }

  /** An emulator whose prompt server answers {@code /slow.wav} only once released, and its URL. */
  private String start(Vertx vertx, UnaryOperator<io.callemu.emulator.CallemuConfig> config) throws Exception {
    return start(vertx, config, false);
  }

  private String start(Vertx vertx, UnaryOperator<io.callemu.emulator.CallemuConfig> config, boolean cognitive)
      throws Exception {
    f = MediaFixture.start(vertx, config, cognitive);
    files = vertx.createHttpServer().requestHandler((HttpServerRequest req) -> {
      requested.complete(null);
      release.thenRun(() -> req.response().end(Buffer.buffer(PlayAndQueueTest.wav(PROMPT_MS))));
    });
    files.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    return "http://127.0.0.1:" + files.actualPort() + "/slow.wav";
  }

  private static JsonObject withFilePrompt(JsonObject recognize, String uri, boolean interruptPrompt) {
    recognize.getJsonObject("recognizeOptions").put("interruptPrompt", interruptPrompt);
    return recognize.put("playPrompts", new JsonArray().add(fileSource(uri)));
  }

  /** The running media operation as the control API describes it. */
  private JsonObject operation() {
    return f.detail().getJsonObject("media").getJsonArray("operations").getJsonObject(0);
  }

  @Test
  void anAdvanceWaitsForAPromptFetchBeforeMovingTime(Vertx vertx) throws Exception {
    String uri = start(vertx, c -> c.withSetting("recognize.promptEmitsPlayEvents", "true"));
    Harness.Response r = f.action("recognize", withFilePrompt(dtmfRecognize(1, new JsonObject(), new JsonObject()),
        uri, false));
    assertThat(r.status()).as(r.body()).isEqualTo(202);
    requested.get(10, TimeUnit.SECONDS);
    long t0 = f.now();
    // The file arrives (real time) while the advance is under way; the advance must not move time
    // past the prompt before it knows the prompt's length. Whenever the file comes, the outcome is the same.
    vertx.setTimer(200, id -> release.complete(null));
    f.emu.advance(PROMPT_MS);
    assertThat(f.mediaEvents()).containsExactly("PlayStarted", "PlayCompleted");
    assertThat(f.eventTime("PlayStarted")).isEqualTo(t0);
    assertThat(f.eventTime("PlayCompleted")).isEqualTo(t0 + PROMPT_MS);
    // Initial silence (5 s) starts when the prompt ends.
    f.emu.advance(4_999);
    assertThat(f.mediaEvents()).containsExactly("PlayStarted", "PlayCompleted");
    f.emu.advance(1);
    assertThat(result(f.last("RecognizeFailed")).getInteger("subCode")).isEqualTo(8510);
  }

  @Test
  void aFetchThatNeverAnswersHoldsAnAdvanceOnlyUntilTheFetchTimeout(Vertx vertx) throws Exception {
    String uri = start(vertx, c -> c.withSetting("prompt.fetchTimeoutMs", "300"));
    f.action("recognize", withFilePrompt(dtmfRecognize(1, new JsonObject(), new JsonObject()), uri, false));
    requested.get(10, TimeUnit.SECONDS);
    // The server is never released: the advance returns once the fetch gave up (8536 → 8511).
    f.emu.advance(0);
    JsonObject failed = f.last("RecognizeFailed");
    assertThat(result(failed).getInteger("subCode")).isEqualTo(8511);
    assertThat(failed.getInteger("failedPlaySourceIndex")).isZero();
  }

  @Test
  void aKeyWhileAnInterruptiblePromptLoadsBargesInAndThePromptNeverPlays(Vertx vertx) throws Exception {
    String uri = start(vertx, c -> c.withSetting("recognize.promptEmitsPlayEvents", "true"));
    f.action("recognize", withFilePrompt(dtmfRecognize(2, new JsonObject(), new JsonObject()), uri, true));
    requested.get(10, TimeUnit.SECONDS);
    assertThat(operation().getString("state")).isEqualTo("loading");
    // Due now, the key needs no advance (which would wait for the held fetch).
    f.press("7");
    JsonObject op = operation();
    assertThat(op.getString("state")).isEqualTo("collecting");
    assertThat(op.getJsonArray("tones")).containsExactly("seven");
    release.complete(null);
    f.press("8");
    f.emu.advance(PROMPT_MS);
    assertThat(f.mediaEvents()).as("no prompt events: the prompt never started").containsExactly("RecognizeCompleted");
    JsonObject done = f.last("RecognizeCompleted");
    assertThat(result(done).getInteger("subCode")).isEqualTo(8531);
    assertThat(done.getJsonObject("dtmfResult").getJsonArray("tones")).containsExactly("seven", "eight");
  }

  @Test
  void speechWhileAnInterruptiblePromptLoadsBargesIn(Vertx vertx) throws Exception {
    String uri = start(vertx, c -> c, true);
    JsonObject speech = new JsonObject().put("recognizeInputType", "speech").put("recognizeOptions",
        new JsonObject().put("targetParticipant", MediaFixture.target()).put("initialSilenceTimeoutInSeconds", 5)
            .put("speechOptions", new JsonObject().put("endSilenceTimeoutInMs", 500)));
    f.action("recognize", withFilePrompt(speech, uri, true));
    requested.get(10, TimeUnit.SECONDS);
    Harness.Response said = f.control("speech", new JsonObject().put("text", "Hello there").put("durationMs", 800));
    assertThat(said.status()).as(said.body()).isEqualTo(202);
    assertThat(operation().getString("state")).isEqualTo("speaking");
    release.complete(null);
    f.emu.advance(800 + 500);
    assertThat(f.mediaEvents()).containsExactly("RecognizeCompleted");
    assertThat(f.last("RecognizeCompleted").getJsonObject("speechResult").getString("speech")).isEqualTo("Hello there");
  }

  @Test
  void aKeyWhileAnUninterruptiblePromptLoadsIsTypeAheadWhenKept(Vertx vertx) throws Exception {
    String uri = start(vertx, c -> c.withSetting("recognize.tonesDuringUninterruptiblePrompt", "kept"));
    f.action("recognize", withFilePrompt(dtmfRecognize(1, new JsonObject(), new JsonObject()), uri, false));
    requested.get(10, TimeUnit.SECONDS);
    long t0 = f.now();
    f.press("5");
    assertThat(operation().getString("state")).as("the key waits for the prompt's end").isEqualTo("loading");
    release.complete(null);
    f.emu.advance(PROMPT_MS);
    JsonObject done = f.last("RecognizeCompleted");
    assertThat(done.getJsonObject("dtmfResult").getJsonArray("tones")).containsExactly("five");
    assertThat(f.eventTime("RecognizeCompleted")).isEqualTo(t0 + PROMPT_MS);
  }

  @Test
  void aKeyWhileAnUninterruptiblePromptLoadsIsIgnoredByDefault(Vertx vertx) throws Exception {
    String uri = start(vertx, c -> c);
    f.action("recognize", withFilePrompt(dtmfRecognize(1, new JsonObject(), new JsonObject()), uri, false));
    requested.get(10, TimeUnit.SECONDS);
    f.press("5");
    release.complete(null);
    f.emu.advance(PROMPT_MS + 5_000);
    assertThat(f.mediaEvents()).containsExactly("RecognizeFailed");
    assertThat(result(f.last("RecognizeFailed")).getInteger("subCode")).isEqualTo(8510);
  }
}
