package io.callemu.emulator.surface.acs.transcription;

import io.callemu.emulator.core.outcome.Outcome;

import static org.assertj.core.api.Assertions.assertThat;

import io.callemu.emulator.testing.CallbackReceiver;
import io.callemu.emulator.testing.Harness;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The transcription operations over HTTP as an SDK calls them, on the virtual clock. */
class TranscriptionApiTest {

  private static final String API = "?api-version=" + Harness.JS_API;
  private Vertx vertx;
  private Harness emu;
  private CallbackReceiver app;
  private AppWebSocketServer sockets;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    emu = Harness.start();
    app = CallbackReceiver.start(vertx);
    sockets = AppWebSocketServer.start(vertx);
  }

  @AfterEach
  void stop() throws Exception {
    sockets.close();
    app.close();
    emu.close();
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private String call(JsonObject transcriptionOptions, boolean cognitive) {
    JsonObject body = new JsonObject()
        .put("targets", new JsonArray().add(new JsonObject().put("kind", "phoneNumber")
            .put("rawId", "4:+15551234567").put("phoneNumber", new JsonObject().put("value", "+15551234567"))))
        .put("sourceCallerIdNumber", new JsonObject().put("value", "+15550000000"))
        .put("callbackUri", app.url("/cb"));
    if (transcriptionOptions != null) {
      body.put("transcriptionOptions", transcriptionOptions);
    }
    if (cognitive) {
      body.put("callIntelligenceOptions", new JsonObject().put("cognitiveServicesEndpoint", "https://cs.example"));
    }
    Harness.Response r = emu.acs("POST", "/calling/callConnections" + API, body);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().getString("callConnectionId");
  }

  private Harness.Response action(String id, String action, JsonObject body) {
    return emu.acs("POST", "/calling/callConnections/" + id + ":" + action + API, body);
  }

  @Test
  void startAnswers202AndThePropertiesShowTheSubscription() {
    String id = call(TranscriptionFixture.options(sockets.url("/ws")), true);
    JsonObject created = emu.acs("GET", "/calling/callConnections/" + id + API, null).json();
    assertThat(created.getJsonObject("transcriptionSubscription").getString("state")).isEqualTo("inactive");
    emu.advance(500);
    Harness.Response started = action(id, "startTranscription", new JsonObject().put("locale", "en-AU"));
    assertThat(started.status()).isEqualTo(202);
    assertThat(started.body()).isEmpty();
    emu.advance(0);
    sockets.nextConnection();
    emu.control("POST", "/_emulator/events/wait", new JsonObject().put("type", "TranscriptionStarted")
        .put("callConnectionId", id));
    JsonObject subscription = emu.acs("GET", "/calling/callConnections/" + id + API, null).json()
        .getJsonObject("transcriptionSubscription");
    assertThat(subscription.getString("state")).isEqualTo("active");
    assertThat(subscription.getString("locale")).isEqualTo("en-AU");
    JsonObject detail = emu.control("GET", "/_emulator/calls/" + id, null).json();
    assertThat(detail.getJsonObject("media").getJsonObject("transcription").getJsonObject("stream")
        .getString("connection")).isEqualTo("open");
  }

  @Test
  void scriptedSpeechSendsItsHypothesesWhileTheCallerSpeaks() {
    String id = call(TranscriptionFixture.options(sockets.url("/ws")).put("enableIntermediateResults", true), true);
    emu.advance(500);
    assertThat(action(id, "startTranscription", new JsonObject().put("locale", "en-US")).status()).isEqualTo(202);
    emu.advance(0);
    AppWebSocketServer.Connection c = sockets.nextConnection();
    assertThat(c.next().getString("kind")).isEqualTo("TranscriptionMetadata");
    assertThat(emu.control("POST", "/_emulator/calls/" + id + "/speech",
        new JsonObject().put("text", "one two three four").put("durationMs", 1_200)).status()).isEqualTo(202);
    emu.advance(700);
    // 700 ms into a 1,200 ms phrase: the hypotheses of 300 and 600 ms are already at the app.
    JsonObject first = c.next().getJsonObject("transcriptionData");
    JsonObject second = c.next().getJsonObject("transcriptionData");
    assertThat(first.getString("resultStatus")).isEqualTo("Intermediate");
    assertThat(first.getString("text")).isEqualTo("one");
    assertThat(second.getString("text")).isEqualTo("one two");
    emu.advance(500 + 500);
    assertThat(c.next().getJsonObject("transcriptionData").getString("text")).isEqualTo("one two three");
    JsonObject fin = c.next().getJsonObject("transcriptionData");
    assertThat(fin.getString("resultStatus")).isEqualTo("Final");
    assertThat(fin.getString("text")).isEqualTo("one two three four");
  }

  @Test
  void theSynchronousRowsAnswerWithTheirStatusAndSubCode() {
    String noOptions = call(null, true);
    String noCognitive = call(TranscriptionFixture.options(sockets.url("/ws")), false);
    String ok = call(TranscriptionFixture.options(sockets.url("/ws")), true);
    Harness.Response ringing = action(ok, "startTranscription", new JsonObject());
    assertThat(ringing.status()).isEqualTo(400);
    assertThat(ringing.errorCode()).isEqualTo("8501");
    emu.advance(500);
    Harness.Response noUrl = action(noOptions, "startTranscription", new JsonObject());
    assertThat(noUrl.status()).isEqualTo(405);
    assertThat(noUrl.json().getJsonObject("error").getString("message"))
        .isEqualTo(Outcome.TRANSCRIPTION_URL_NOT_SET.acs().message());
    Harness.Response cognitive = action(noCognitive, "startTranscription", new JsonObject());
    assertThat(cognitive.status()).isEqualTo(405);
    assertThat(cognitive.json().getJsonObject("error").getString("message"))
        .isEqualTo(Outcome.TRANSCRIPTION_COGNITIVE_NOT_SET.acs().message());
    Harness.Response region = action(ok, "startTranscription", new JsonObject().put("locale", "en"));
    assertThat(region.status()).isEqualTo(400);
    assertThat(region.errorCode()).isEqualTo("8523");
    emu.acs("DELETE", "/calling/callConnections/" + ok + API, null);
    Harness.Response ended = action(ok, "stopTranscription", new JsonObject());
    assertThat(ended.status()).isEqualTo(400);
    assertThat(ended.errorCode()).isEqualTo("8528");
    Harness.Response unknown = action("no-such-call", "startTranscription", new JsonObject());
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(sockets.waitingConnections()).isZero();
  }

  @Test
  void createCallRefusesTranscriptionOptionsWithoutALocaleOrWithAnotherTransport() {
    JsonObject body = new JsonObject()
        .put("targets", new JsonArray().add(new JsonObject().put("communicationUser", new JsonObject().put("id", "8:acs:x"))))
        .put("callbackUri", app.url("/cb"))
        .put("transcriptionOptions", new JsonObject().put("transportType", "websocket"));
    Harness.Response noLocale = emu.acs("POST", "/calling/callConnections" + API, body);
    assertThat(noLocale.status()).isEqualTo(400);
    assertThat(noLocale.json().getJsonObject("error").getString("message"))
        .isEqualTo(Outcome.TRANSCRIPTION_LOCALE_MISSING.acs().message());
    body.getJsonObject("transcriptionOptions").put("locale", "en-US").put("transportType", "carrierPigeon");
    assertThat(emu.acs("POST", "/calling/callConnections" + API, body).status()).isEqualTo(400);
    assertThat(emu.callCount()).isZero();
  }
}
