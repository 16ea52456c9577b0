package io.callemu.emulator.core.media;

import static io.callemu.emulator.core.media.MediaFixture.dtmfRecognize;
import static io.callemu.emulator.core.media.MediaFixture.target;
import static org.assertj.core.api.Assertions.assertThat;

import io.callemu.emulator.testing.Harness;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Scenario triggers recognize, play and callConnected with match and times; dtmf, speech and hangup actions. */
@ExtendWith(VertxExtension.class)
class ScenarioMediaTest {

  private MediaFixture f;

  @AfterEach
  void stop() {
    if (f != null) {
      f.close();
    }
  }

  private void scenario(String document) {
    Harness.Response r = f.emu.control("POST", "/_emulator/scenarios", document);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
  }

  @Test
  void jsonRecognizeRuleMatchesByOperationContextAndPressesKeys(Vertx vertx) {
    f = MediaFixture.start(vertx);
    scenario("{\"rules\":[{\"on\":\"recognize\",\"match\":{\"operationContext\":\"pin\"},"
        + "\"do\":[{\"dtmf\":\"1234#\",\"delayMs\":800}]},"
        + "{\"on\":\"recognize\",\"match\":{\"operationContext\":\"other\"},\"do\":[{\"dtmf\":\"9\"}]}]}");
    long t0 = f.now();
    f.accepted("recognize", dtmfRecognize(10, new JsonObject().put("stopTones", new JsonArray().add("pound")),
        new JsonObject()));
    f.emu.advance(800 + 4 * 250);
    assertThat(f.last("RecognizeCompleted").getJsonObject("dtmfResult").getJsonArray("tones"))
        .containsExactly("one", "two", "three", "four", "pound");
    assertThat(f.eventTime("RecognizeCompleted") - t0).isEqualTo(1_800);
  }

  @Test
  void matchSeesTheRemotePartySoCallersCanBeScriptedApart(Vertx vertx) {
    f = MediaFixture.start(vertx);
    scenario("{\"rules\":[{\"on\":\"recognize\",\"match\":{\"remoteParty\":\"4:+15550000001\"},"
        + "\"do\":[{\"dtmf\":\"9\"}]},"
        + "{\"on\":\"recognize\",\"match\":{\"remoteParty\":\"" + MediaFixture.CALLEE + "\"},"
        + "\"do\":[{\"dtmf\":\"12#\"}]}]}");
    f.accepted("recognize", dtmfRecognize(10, new JsonObject().put("stopTones", new JsonArray().add("pound")),
        new JsonObject()));
    f.emu.advance(1_000);
    assertThat(f.last("RecognizeCompleted").getJsonObject("dtmfResult").getJsonArray("tones"))
        .containsExactly("one", "two", "pound");
  }

  @Test
  void yamlRulesWithTimesAndSpeech(Vertx vertx) {
    f = MediaFixture.start(vertx, c -> c, true);
    scenario("rules:\n"
        + "  - on: recognize\n"
        + "    match: {recognizeInputType: choices}\n"
        + "    times: 1\n"
        + "    do:\n"
        + "      - speech: Confirm\n"
        + "        delayMs: 500\n");
    JsonObject choices = new JsonObject().put("recognizeInputType", "choices").put("recognizeOptions",
        new JsonObject().put("targetParticipant", target()).put("choices", new JsonArray()
            .add(new JsonObject().put("label", "Confirm").put("phrases", new JsonArray().add("confirm")))));
    f.accepted("recognize", choices);
    f.emu.advance(2_000);
    assertThat(f.last("RecognizeCompleted").getJsonObject("choiceResult").getString("label")).isEqualTo("Confirm");
    f.accepted("recognize", choices);
    f.emu.advance(5_000);
    assertThat(f.mediaEvents()).containsExactly("RecognizeCompleted", "RecognizeFailed");
  }

  @Test
  void playRuleHangsUp(Vertx vertx) {
    f = MediaFixture.start(vertx);
    scenario("{\"rules\":[{\"on\":\"play\",\"times\":1,\"do\":[{\"hangup\":{},\"delayMs\":200}]}]}");
    f.accepted("play", new JsonObject().put("playSources", new JsonArray().add(MediaFixture.textPrompt("hello there"))));
    f.emu.advance(200);
    assertThat(f.mediaEvents()).containsExactly("PlayStarted", "CallDisconnected");
    assertThat(f.last("CallDisconnected").getJsonObject("resultInformation").getInteger("subCode")).isEqualTo(5001);
  }

  @Test
  void scenarioFileGivenAtStartDrivesCallConnected(Vertx vertx, @TempDir Path dir) throws Exception {
    Path file = dir.resolve("scenario.yaml");
    Files.writeString(file, "rules:\n  - on: callConnected\n    do:\n      - dtmf: [\"one\", \"two\"]\n        delayMs: 100\n");
    f = MediaFixture.start(vertx, c -> c.withScenario(file), false);
    // The call connected while the fixture started; the keys come 100 ms later.
    f.accepted("startContinuousDtmfRecognition", new JsonObject().put("targetParticipant", target()));
    f.emu.advance(1_000);
    assertThat(f.mediaEvents()).containsExactly("ContinuousDtmfRecognitionToneReceived",
        "ContinuousDtmfRecognitionToneReceived");
  }

  @Test
  void badActionsAreRefused(Vertx vertx) {
    f = MediaFixture.start(vertx);
    Harness.Response r = f.emu.control("POST", "/_emulator/scenarios",
        "{\"rules\":[{\"on\":\"recognize\",\"do\":[{\"dtmf\":\"12x\"}]}]}");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body()).contains("rules[0].do[0].dtmf");
    r = f.emu.control("POST", "/_emulator/scenarios", "{\"rules\":[{\"on\":\"play\",\"do\":[{\"speech\":5}]}]}");
    assertThat(r.status()).isEqualTo(400);
  }

  @Test
  void audioPathsOfAScenarioFileAreRelativeToIt(Vertx vertx, @TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("fixtures"));
    Files.write(dir.resolve("fixtures/yes.wav"), AudioInputTest.fixture("yes.wav"));
    Path file = dir.resolve("menu.json");
    Files.writeString(file, "{\"rules\":[{\"on\":\"recognize\",\"do\":[{\"audio\":\"fixtures/yes.wav\","
        + "\"text\":\"yes\",\"delayMs\":100}]}]}");
    f = MediaFixture.start(vertx, c -> c.withScenario(file), true);
    f.accepted("recognize", new JsonObject().put("recognizeInputType", "choices").put("recognizeOptions",
        new JsonObject().put("targetParticipant", target()).put("choices", new JsonArray()
            .add(new JsonObject().put("label", "Yes").put("phrases", new JsonArray().add("yes"))))));
    for (int i = 0; i < 200 && f.mediaEvents().isEmpty(); i++) {
      f.emu.advance(100);
    }
    assertThat(f.last("RecognizeCompleted").getJsonObject("choiceResult").getString("label")).isEqualTo("Yes");
  }
}
