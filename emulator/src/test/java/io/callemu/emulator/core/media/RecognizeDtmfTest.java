package io.callemu.emulator.core.media;

import static io.callemu.emulator.core.media.MediaFixture.dtmfRecognize;
import static io.callemu.emulator.core.media.MediaFixture.result;
import static io.callemu.emulator.core.media.MediaFixture.textPrompt;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** DTMF recognize: every timer of anchors 4.7 on the virtual clock, keys through the RFC 4733 decoder. */
@ExtendWith(VertxExtension.class)
class RecognizeDtmfTest {

  /** "Please enter your pin": 4 words at 150 words per minute. */
  static final long PROMPT_MS = 1_600;

  private MediaFixture f;

  @AfterEach
  void stop() {
    if (f != null) {
      f.close();
    }
  }

  private static JsonObject withPrompt(JsonObject request) {
    return request.put("playPrompt", textPrompt("Please enter your pin"));
  }

  @Test
  void maxTonesCompletesWith8531AndToneNames(Vertx vertx) {
    f = MediaFixture.start(vertx);
    f.accepted("recognize", dtmfRecognize(3, new JsonObject(), new JsonObject()));
    f.press("12#");
    f.emu.advance(1_000);
    assertThat(f.mediaEvents()).containsExactly("RecognizeCompleted");
    JsonObject data = f.last("RecognizeCompleted");
    assertThat(result(data).getMap()).isEqualTo(Map.of("code", 200, "subCode", 8531,
        "message", "Action completed, max digits received."));
    assertThat(data.getString("recognitionType")).isEqualTo("dtmf");
    assertThat(data.getJsonObject("dtmfResult").getJsonArray("tones")).containsExactly("one", "two", "pound");
    assertThat(data.getString("operationContext")).isEqualTo("pin");
  }

  @Test
  void stopToneEndsAtOnceWith8514AndIsInTheResultByDefault(Vertx vertx) {
    f = MediaFixture.start(vertx);
    f.accepted("recognize", dtmfRecognize(10, new JsonObject().put("stopTones", new JsonArray().add("pound")),
        new JsonObject()));
    long t0 = f.now();
    f.press("56#");
    f.emu.advance(600);
    JsonObject data = f.last("RecognizeCompleted");
    assertThat(result(data).getInteger("subCode")).isEqualTo(8514);
    assertThat(data.getJsonObject("dtmfResult").getJsonArray("tones")).containsExactly("five", "six", "pound");
    // The third key starts 500 ms after the first (100 ms tone + 150 ms gap each).
    assertThat(f.eventTime("RecognizeCompleted") - t0).isEqualTo(500);
  }

  @Test
  void stopToneLeftOutWhenSwitchedOff(Vertx vertx) {
    f = MediaFixture.start(vertx, c -> c.withSetting("recognize.stopToneInResult", "false"), false);
    f.accepted("recognize", dtmfRecognize(10, new JsonObject().put("stopTones", new JsonArray().add("pound")),
        new JsonObject()));
    f.press("7#");
    f.emu.advance(600);
    assertThat(f.last("RecognizeCompleted").getJsonObject("dtmfResult").getJsonArray("tones")).containsExactly("seven");
  }

  @Test
  void initialSilenceStartsWhenThePromptEnds(Vertx vertx) {
    f = MediaFixture.start(vertx);
    long t0 = f.now();
    f.accepted("recognize", withPrompt(dtmfRecognize(4, new JsonObject(), new JsonObject())));
    f.emu.advance(PROMPT_MS + 5_000 - 1);
    assertThat(f.mediaEvents()).isEmpty();
    f.emu.advance(1);
    assertThat(f.mediaEvents()).containsExactly("RecognizeFailed");
    JsonObject data = f.last("RecognizeFailed");
    assertThat(result(data).getMap()).isEqualTo(Map.of("code", 400, "subCode", 8510,
        "message", "Action failed, initial silence timeout reached."));
    assertThat(f.eventTime("RecognizeFailed") - t0).isEqualTo(PROMPT_MS + 5_000);
  }

  @Test
  void initialSilenceStartsAtOnceWithoutPrompt(Vertx vertx) {
    f = MediaFixture.start(vertx);
    f.accepted("recognize", dtmfRecognize(4, new JsonObject(),
        new JsonObject().put("initialSilenceTimeoutInSeconds", 3)));
    f.emu.advance(2_999);
    assertThat(f.mediaEvents()).isEmpty();
    f.emu.advance(1);
    assertThat(f.mediaEvents()).containsExactly("RecognizeFailed");
  }

  @Test
  void initialSilenceZeroMeansNoLimit(Vertx vertx) {
    f = MediaFixture.start(vertx);
    f.accepted("recognize", dtmfRecognize(1, new JsonObject(),
        new JsonObject().put("initialSilenceTimeoutInSeconds", 0)));
    f.emu.advance(600_000);
    assertThat(f.mediaEvents()).isEmpty();
    assertThat(f.detail().getJsonObject("media").getJsonArray("operations")).hasSize(1);
    f.press("9");
    f.emu.advance(100);
    assertThat(f.mediaEvents()).containsExactly("RecognizeCompleted");
  }

  @Test
  void everyKeyRestartsTheInterToneTimerAndExpiryCompletesWith8532AndTheTonesSoFar(Vertx vertx) {
    f = MediaFixture.start(vertx);
    f.accepted("recognize", dtmfRecognize(5, new JsonObject().put("interToneTimeoutInSeconds", 3), new JsonObject()));
    long t0 = f.now();
    f.press("1");
    f.press("2", 2_500);
    f.emu.advance(2_500 + 2_999);
    assertThat(f.mediaEvents()).isEmpty();
    f.emu.advance(1);
    assertThat(f.mediaEvents()).containsExactly("RecognizeCompleted");
    JsonObject data = f.last("RecognizeCompleted");
    assertThat(result(data).getMap()).isEqualTo(Map.of("code", 400, "subCode", 8532,
        "message", "Action failed, inter-digit silence timeout reached."));
    assertThat(data.getJsonObject("dtmfResult").getJsonArray("tones")).containsExactly("one", "two");
    assertThat(f.eventTime("RecognizeCompleted") - t0).isEqualTo(5_500);
  }

  @Test
  void interToneExpiryIsRecognizeFailedWhenSwitched(Vertx vertx) {
    f = MediaFixture.start(vertx, c -> c.withSetting("recognize.interDigitTimeoutEvent", "failed"), false);
    f.accepted("recognize", dtmfRecognize(5, new JsonObject(), new JsonObject()));
    f.press("1");
    f.emu.advance(2_000);
    assertThat(f.mediaEvents()).containsExactly("RecognizeFailed");
    assertThat(result(f.last("RecognizeFailed")).getInteger("subCode")).isEqualTo(8532);
    assertThat(f.last("RecognizeFailed").containsKey("dtmfResult")).isFalse();
  }

  @Test
  void keyDuringPromptWithInterruptPromptStopsItAndCounts(Vertx vertx) {
    f = MediaFixture.start(vertx);
    f.accepted("recognize", withPrompt(dtmfRecognize(2, new JsonObject(), new JsonObject().put("interruptPrompt", true))));
    long t0 = f.now();
    f.press("4", 500);
    f.press("2", 800);
    f.emu.advance(900);
    assertThat(f.mediaEvents()).containsExactly("RecognizeCompleted");
    assertThat(f.last("RecognizeCompleted").getJsonObject("dtmfResult").getJsonArray("tones")).containsExactly("four", "two");
    assertThat(f.eventTime("RecognizeCompleted") - t0).isEqualTo(800);
  }

  @Test
  void keyDuringPromptWithoutInterruptPromptIsIgnored(Vertx vertx) {
    f = MediaFixture.start(vertx);
    f.accepted("recognize", withPrompt(dtmfRecognize(1, new JsonObject(), new JsonObject().put("interruptPrompt", false))));
    f.press("4", 500);
    f.emu.advance(PROMPT_MS);
    assertThat(f.mediaEvents()).isEmpty();
    f.press("8");
    f.emu.advance(100);
    assertThat(f.last("RecognizeCompleted").getJsonObject("dtmfResult").getJsonArray("tones")).containsExactly("eight");
  }

  @Test
  void typeAheadDuringAnUninterruptiblePromptCountsAfterItWhenKept(Vertx vertx) {
    f = MediaFixture.start(vertx, c -> c.withSetting("recognize.tonesDuringUninterruptiblePrompt", "kept"), false);
    f.accepted("recognize", withPrompt(dtmfRecognize(1, new JsonObject(), new JsonObject().put("interruptPrompt", false))));
    long t0 = f.now();
    f.press("4", 500);
    f.emu.advance(PROMPT_MS);
    assertThat(f.last("RecognizeCompleted").getJsonObject("dtmfResult").getJsonArray("tones")).containsExactly("four");
    assertThat(f.eventTime("RecognizeCompleted") - t0).isEqualTo(PROMPT_MS);
  }

  @Test
  void interruptPromptQuirkMakesInitialSilenceTwoSeconds(Vertx vertx) {
    f = MediaFixture.start(vertx, c -> c.withSetting("recognize.interruptPromptInitialSilenceQuirk", "true"), false);
    f.accepted("recognize", dtmfRecognize(1, new JsonObject(),
        new JsonObject().put("interruptPrompt", true).put("initialSilenceTimeoutInSeconds", 30)));
    f.emu.advance(2_000);
    assertThat(f.mediaEvents()).containsExactly("RecognizeFailed");
  }

  @Test
  void promptPlayEventsWhenSwitchedOn(Vertx vertx) {
    f = MediaFixture.start(vertx, c -> c.withSetting("recognize.promptEmitsPlayEvents", "true"), false);
    f.accepted("recognize", withPrompt(dtmfRecognize(1, new JsonObject(), new JsonObject())));
    f.emu.advance(PROMPT_MS);
    f.press("1");
    f.emu.advance(100);
    assertThat(f.mediaEvents()).containsExactly("PlayStarted", "PlayCompleted", "RecognizeCompleted");
  }

  @Test
  void java104RequestShapeWorksOnApi20230306(Vertx vertx) {
    f = MediaFixture.start(vertx);
    JsonObject body = new JsonObject("{\"recognizeInputType\":\"dtmf\",\"playPrompt\":{\"kind\":\"file\","
        + "\"file\":{\"uri\":\"https://x.example/p.wav\"}},\"recognizeOptions\":{\"interruptPrompt\":true,"
        + "\"initialSilenceTimeoutInSeconds\":5,\"targetParticipant\":{\"rawId\":\"4:+15551234567\","
        + "\"phoneNumber\":{\"value\":\"+15551234567\"}},\"dtmfOptions\":{\"interToneTimeoutInSeconds\":2,"
        + "\"maxTonesToCollect\":4}},\"operationContext\":\"pin\"}");
    assertThat(f.action("recognize", body, "2023-03-06").status()).isEqualTo(202);
    f.emu.advance(0);
    f.press("1234");
    f.emu.advance(1_000);
    assertThat(f.last("RecognizeCompleted").getJsonObject("dtmfResult").getJsonArray("tones"))
        .isEqualTo(new JsonArray(List.of("one", "two", "three", "four")));
  }

  @Test
  void aPromptThatCannotBePlayedFailsWith8511AndItsIndex(Vertx vertx) {
    f = MediaFixture.start(vertx);
    JsonObject request = dtmfRecognize(1, new JsonObject(), new JsonObject())
        .put("playPrompts", new JsonArray().add(textPrompt("first"))
            .add(MediaFixture.fileSource("http://127.0.0.1:1/nobody-listens.wav")));
    f.accepted("recognize", request);
    for (int i = 0; i < 500 && f.mediaEvents().isEmpty(); i++) {
      f.emu.advance(0);
    }
    JsonObject data = f.last("RecognizeFailed");
    assertThat(result(data).getMap()).isEqualTo(Map.of("code", 500, "subCode", 8511,
        "message", "Action failed, encountered failure while trying to play the prompt."));
    assertThat(data.getInteger("failedPlaySourceIndex")).isEqualTo(1);
  }
}
