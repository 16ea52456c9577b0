package io.callemu.emulator.surface.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.callemu.emulator.testing.Harness;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * recordResponse on the virtual clock: every timer and the 2-minute cap at its boundary, stop
 * tones, prompts, and the recording itself (format, length, tones and audio at their offsets,
 * token, retention, the size cap). Without a prompt and with the beep (500 ms), the recording
 * starts 500 ms after the request.
 */
@ExtendWith(VertxExtension.class)
class GraphRecordResponseTest {

  private static final long BEEP = 500;
  private GraphFixture f;

  @AfterEach
  void stop() {
    if (f != null) {
      f.close();
    }
  }

  private static JsonObject record(int initial, int maxSilence, int maxRecord) {
    return new JsonObject().put("clientContext", "rec-ctx").put("initialSilenceTimeoutInSeconds", initial)
        .put("maxSilenceTimeoutInSeconds", maxSilence).put("maxRecordDurationInSeconds", maxRecord)
        .put("stopTones", new JsonArray().add("#").add("*"));
  }

  /** Starts a recordResponse; asserts the 200 answer with the running operation and its Location. */
  private String startRecord(String callId, JsonObject body) {
    Harness.Response r = f.action(callId, "recordResponse", body);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonObject op = r.json();
    assertThat(op.getString("@odata.type")).isEqualTo("#microsoft.graph.recordOperation");
    assertThat(op.getString("status")).isEqualTo("running");
    assertThat(op.getString("clientContext")).isEqualTo(body.getString("clientContext"));
    assertThat(op.containsKey("completionReason")).as("v1.0 has no completionReason").isFalse();
    assertThat(r.header("Location")).isEqualTo(f.emu.callemu().httpUrl() + "/v1.0/communications/calls/" + callId
        + "/operations/" + op.getString("id"));
    return op.getString("id");
  }

  private int operationNotifications() {
    return (int) f.notifications().stream().filter(n -> n.getString("resourceUrl").contains("/operations/")).count();
  }

  private static void assertResult(JsonObject op, String status, String reason, int code, int subcode) {
    assertThat(op.getString("status")).isEqualTo(status);
    assertThat(op.getString("completionReason")).isEqualTo(reason);
    assertThat(op.getJsonObject("resultInfo").getInteger("code")).isEqualTo(code);
    assertThat(op.getJsonObject("resultInfo").getInteger("subcode")).isEqualTo(subcode);
  }

  @Test
  void initialSilenceFailsTheOperationExactlyAfterTheBeepPlusTheTimeout(Vertx vertx) {
    f = GraphFixture.start(vertx);
    String call = f.established();
    String op = startRecord(call, record(5, 5, 30));
    f.emu.advance(BEEP + 4_999);
    assertThat(operationNotifications()).isZero();
    f.emu.advance(1);
    JsonObject done = f.lastOperation();
    assertThat(done.getString("id")).isEqualTo(op);
    assertThat(done.getString("clientContext")).isEqualTo("rec-ctx");
    assertResult(done, "failed", "initialSilenceTimeout", 400, 8510);
    assertThat(done.getString("recordingLocation")).isEmpty();
    assertThat(done.getString("recordingAccessToken")).isEmpty();
    JsonObject notification = f.notifications().get(f.notifications().size() - 1);
    assertThat(notification.getString("changeType")).isEqualTo("deleted");
    assertThat(notification.getString("resourceUrl")).isEqualTo("/communications/calls/" + call + "/operations/" + op);
  }

  @Test
  void maxSilenceAfterSpeechCompletesAndTheRecordingIsTheWindowDownloadableWithItsTokenOnly(Vertx vertx) {
    f = GraphFixture.start(vertx);
    String call = f.established();
    startRecord(call, record(5, 2, 30));
    f.say(call, "my account number", 1_000, 2_000); // speaks from 500 ms into the recording to 2500 ms
    f.emu.advance(3_000 + 1_999);
    assertThat(operationNotifications()).isZero();
    f.emu.advance(1);
    JsonObject done = f.lastOperation();
    assertResult(done, "completed", "maxSilenceTimeout", 200, 0);
    String location = done.getString("recordingLocation");
    String token = done.getString("recordingAccessToken");
    assertThat(location).startsWith(f.emu.callemu().httpUrl() + "/_emulator/graph/recordings/");
    assertThat(token).hasSizeGreaterThan(30);

    assertThat(f.download(location, null).status()).isEqualTo(401);
    assertThat(f.download(location, token + "x").status()).isEqualTo(401);
    GraphFixture.Bytes wav = f.download(location, token);
    assertThat(wav.status()).isEqualTo(200);
    assertThat(wav.contentType()).isEqualTo("application/octet-stream");
    RecordingAudio audio = RecordingAudio.parse(wav.body());
    assertThat(audio.durationMillis()).isEqualTo(4_500);
    // Speech given as text has no sound: the recording is silence throughout.
    assertThat(audio.silent(0, 4_500)).isTrue();
  }

  @Test
  void theMaxRecordDurationEndsItAtItsBoundaryAndTheTwoMinuteCapIsEnforced(Vertx vertx) {
    f = GraphFixture.start(vertx);
    String call = f.established();
    Harness.Response tooLong = f.action(call, "recordResponse", record(5, 5, 121));
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.json().getJsonObject("error").getString("message"))
        .isEqualTo("maxRecordDurationInSeconds must be a whole number from 1 to 120, got 121");
    startRecord(call, record(5, 5, 120));
    f.say(call, "a very long story", 0, 300_000);
    f.emu.advance(BEEP + 119_999);
    assertThat(operationNotifications()).isZero();
    f.emu.advance(1);
    JsonObject done = f.lastOperation();
    assertResult(done, "completed", "maxRecordDurationReached", 200, 8515);
    assertThat(done.getJsonObject("resultInfo").getString("message"))
        .isEqualTo("Action completed, max record duration reached.");
    RecordingAudio audio = RecordingAudio.parse(f.download(done.getString("recordingLocation"),
        done.getString("recordingAccessToken")).body());
    assertThat(audio.durationMillis()).isEqualTo(120_000);
  }

  @Test
  void aStopToneEndsItWhereTheKeyBeganAndEarlierKeysSoundAtTheirOffsets(Vertx vertx) {
    f = GraphFixture.start(vertx);
    String call = f.established();
    startRecord(call, record(5, 5, 30));
    // Keys at 1000 ms (1), 1250 ms (2) and 1500 ms (#): 500, 750 and 1000 ms into the recording; 100 ms each.
    f.press(call, "12#", 1_000);
    f.emu.advance(1_499);
    assertThat(operationNotifications()).isZero();
    f.emu.advance(1);
    JsonObject done = f.lastOperation();
    assertResult(done, "completed", "stopToneDetected", 200, 8514);
    RecordingAudio audio = RecordingAudio.parse(f.download(done.getString("recordingLocation"),
        done.getString("recordingAccessToken")).body());
    assertThat(audio.durationMillis()).isEqualTo(1_000);
    assertThat(audio.silent(0, 500)).isTrue();
    assertThat(audio.power(697, 500, 600)).isGreaterThan(1e6);
    assertThat(audio.power(1209, 500, 600)).isGreaterThan(1e6);
    assertThat(audio.power(1336, 500, 600)).isLessThan(audio.power(1209, 500, 600) / 100);
    assertThat(audio.silent(600, 750)).isTrue();
    assertThat(audio.power(1336, 750, 850)).isGreaterThan(1e6);
    assertThat(audio.power(1209, 750, 850)).isLessThan(audio.power(1336, 750, 850) / 100);
    assertThat(audio.silent(850, 1_000)).isTrue();
  }

  @Test
  void uploadedAudioIsRecordedSampleForSampleWhereItWasSent(Vertx vertx) {
    f = GraphFixture.start(vertx);
    String call = f.established();
    startRecord(call, record(5, 1, 30));
    // 500 ms of silence and 1 s of a tone, sent from 500 ms into the recording.
    short[] sent = new short[24_000];
    f.audio(call, RecordingAudio.sineWav(440, 500, 1_000, sent), 1_000);
    f.emu.advance(10_000);
    JsonObject done = f.lastOperation();
    assertResult(done, "completed", "maxSilenceTimeout", 200, 0);
    RecordingAudio audio = RecordingAudio.parse(f.download(done.getString("recordingLocation"),
        done.getString("recordingAccessToken")).body());
    assertThat(audio.silent(0, 500)).isTrue();
    for (int i = 0; i < sent.length; i++) {
      assertThat(audio.samples()[8_000 + i]).as("sample %d", i).isEqualTo(sent[i]);
    }
    assertThat(audio.silent(2_000, audio.durationMillis())).isTrue();
    assertThat(audio.power(440, 1_000, 2_000)).isGreaterThan(1e6);
  }

  @Test
  void aPromptPlaysBeforeTheBeepAndAPromptThatCannotBeFetchedFails(Vertx vertx) {
    f = GraphFixture.start(vertx);
    String call = f.established();
    JsonObject prompt = new JsonObject().put("@odata.type", "#microsoft.graph.mediaPrompt")
        .put("mediaInfo", new JsonObject().put("uri", "https://cdn.contoso.com/beep.wav").put("resourceId", "r1"));
    // A file on another host plays for prompt.defaultFileMs (3000 ms), then the beep, then 5 s of initial silence.
    startRecord(call, record(5, 5, 30).put("prompts", new JsonArray().add(prompt)));
    f.emu.advance(3_000 + BEEP + 4_999);
    assertThat(operationNotifications()).isZero();
    f.emu.advance(1);
    assertResult(f.lastOperation(), "failed", "initialSilenceTimeout", 400, 8510);

    JsonObject unreachable = new JsonObject().put("mediaInfo", new JsonObject().put("uri", "http://127.0.0.1:1/x.wav"));
    startRecord(call, record(5, 5, 30).put("prompts", new JsonArray().add(unreachable)));
    f.emu.advance(0);
    assertResult(f.lastOperation(), "failed", "playPromptFailed", 500, 8511);
  }

  @Test
  void aCallerWhoStartedTalkingDuringThePromptHasStartedSpeaking(Vertx vertx) {
    f = GraphFixture.start(vertx);
    String call = f.established();
    JsonObject prompt = new JsonObject().put("mediaInfo", new JsonObject().put("uri", "https://cdn.contoso.com/q.wav"));
    // The prompt plays 3000 ms and the beep 500 ms; the caller talks from 1000 to 5000 ms, then 2 s of silence.
    startRecord(call, record(1, 2, 30).put("prompts", new JsonArray().add(prompt)));
    f.say(call, "I already know what to say", 1_000, 4_000);
    f.emu.advance(6_999);
    assertThat(operationNotifications()).isZero();
    f.emu.advance(1);
    assertResult(f.lastOperation(), "completed", "maxSilenceTimeout", 200, 0);
  }

  @Test
  void recordingsAreDeletedAfterTheRetentionOnceTheCallEnded(Vertx vertx) {
    f = GraphFixture.start(vertx);
    String call = f.established();
    startRecord(call, record(5, 5, 2));
    f.say(call, "hi", 0, 5_000);
    f.emu.advance(BEEP + 2_000);
    JsonObject done = f.lastOperation();
    String location = done.getString("recordingLocation");
    String token = done.getString("recordingAccessToken");
    assertThat(f.graph("DELETE", "/communications/calls/" + call, null).status()).isEqualTo(204);
    f.emu.advance(599_999);
    assertThat(f.download(location, token).status()).isEqualTo(200);
    f.emu.advance(1);
    GraphFixture.Bytes gone = f.download(location, token);
    assertThat(gone.status()).isEqualTo(404);
    assertThat(f.emu.control("GET", "/_emulator/events?callConnectionId=" + call, null).body())
        .contains("deleted (retention of 600000 ms");
  }

  @Test
  void theOldestRecordingsGoWhenTheSizeCapIsReachedAndTheJournalSaysSo(Vertx vertx) {
    f = GraphFixture.start(vertx, c -> c.withSetting("graph.recordingMaxTotalBytes", "4194304"));
    String call = f.established();
    JsonObject first = null;
    for (int i = 0; i < 2; i++) {
      startRecord(call, record(5, 5, 70));
      f.say(call, "talking", 0, 71_000);
      f.emu.advance(71_000);
      if (first == null) {
        first = f.lastOperation();
      }
    }
    JsonObject second = f.lastOperation();
    assertThat(second.getString("id")).isNotEqualTo(first.getString("id"));
    assertThat(f.download(first.getString("recordingLocation"), first.getString("recordingAccessToken")).status())
        .isEqualTo(404);
    assertThat(f.download(second.getString("recordingLocation"), second.getString("recordingAccessToken")).status())
        .isEqualTo(200);
    assertThat(f.emu.control("GET", "/_emulator/events?callConnectionId=" + call, null).body())
        .contains("recordings would exceed 4194304 bytes").contains("1 recordings, 2240044 bytes kept");
  }

  @Test
  void badRecordRequestsAre400AndStartNothing(Vertx vertx) {
    f = GraphFixture.start(vertx);
    String call = f.established();
    JsonObject prompt = new JsonObject().put("mediaInfo", new JsonObject().put("uri", "https://x.example/a.wav"));
    Object[] bodies = {"{", "\"text\"", record(0, 5, 5), record(5, 121, 5), record(5, 5, 0),
        record(5, 5, 5).put("initialSilenceTimeoutInSeconds", "5"),
        record(5, 5, 5).put("prompts", new JsonArray().add(prompt).add(prompt)),
        record(5, 5, 5).put("prompts", new JsonArray().add(new JsonObject())),
        record(5, 5, 5).put("prompts", new JsonArray().add(new JsonObject().put("mediaInfo",
            new JsonObject().put("uri", "not a uri")))),
        record(5, 5, 5).put("clientContext", "x".repeat(257)),
        record(5, 5, 5).put("stopTones", new JsonArray().add("##")),
        record(5, 5, 5).put("stopTones", new JsonArray().add("Z")),
        record(5, 5, 5).put("bargeInAllowed", "yes"),
        record(5, 5, 5).put("recordingFormat", "mp3")};
    for (Object body : bodies) {
      Harness.Response r = f.graph("POST", "/communications/calls/" + call + "/recordResponse", body);
      assertThat(r.status()).as(body + " → " + r.body()).isEqualTo(400);
      assertThat(r.errorCode()).isEqualTo("BadRequest");
    }
    assertThat(f.action("11111111-2222-3333-4444-555555555555", "recordResponse", record(5, 5, 5)).status())
        .isEqualTo(404);
    String offered = f.offer();
    Harness.Response notEstablished = f.action(offered, "recordResponse", record(5, 5, 5));
    assertThat(notEstablished.status()).isEqualTo(400);
    assertThat(notEstablished.json().getJsonObject("error").getString("message")).contains("not established");
    assertThat(f.emu.control("GET", "/_emulator/calls/" + call, null).json().getJsonObject("media")
        .getJsonArray("operations")).isEmpty();
    f.emu.advance(60_000);
    assertThat(operationNotifications()).isZero();
  }
}
