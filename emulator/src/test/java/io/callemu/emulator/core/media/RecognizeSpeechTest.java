package io.callemu.emulator.core.media;

import static io.callemu.emulator.core.media.MediaFixture.result;
import static io.callemu.emulator.core.media.MediaFixture.target;
import static io.callemu.emulator.core.media.MediaFixture.textPrompt;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Speech, choices and speechOrDtmf recognize with the simulated caller's speech. */
@ExtendWith(VertxExtension.class)
class RecognizeSpeechTest {

  private MediaFixture f;

  @BeforeEach
  void start(Vertx vertx) {
    f = MediaFixture.start(vertx, c -> c, true);
  }

  @AfterEach
  void stop() {
    f.close();
  }

  private static JsonObject request(String type, JsonObject options) {
    return new JsonObject().put("recognizeInputType", type).put("operationContext", "q")
        .put("recognizeOptions", new JsonObject().put("targetParticipant", target())
            .put("initialSilenceTimeoutInSeconds", 5).mergeIn(options));
  }

  private static JsonArray menu() {
    return new JsonArray()
        .add(new JsonObject().put("label", "Confirm").put("phrases", new JsonArray().add("Confirm").add("Yes")).put("tone", "one"))
        .add(new JsonObject().put("label", "Cancel").put("phrases", new JsonArray().add("Cancel").add("No")).put("tone", "two"));
  }

  private void say(String text, long delayMs, long durationMs) {
    assertThat(f.control("speech", new JsonObject().put("text", text).put("delayMs", delayMs)
        .put("durationMs", durationMs).put("confidence", 0.8)).status()).isEqualTo(202);
  }

  @Test
  void speechCompletesWith8569AfterEndSilence() {
    f.accepted("recognize", request("speech", new JsonObject().put("speechOptions",
        new JsonObject().put("endSilenceTimeoutInMs", 1_000))));
    long t0 = f.now();
    say("I want to pay my bill", 500, 2_000);
    f.emu.advance(3_499);
    assertThat(f.mediaEvents()).isEmpty();
    f.emu.advance(1);
    assertThat(f.mediaEvents()).containsExactly("RecognizeCompleted");
    JsonObject data = f.last("RecognizeCompleted");
    assertThat(result(data).getMap()).isEqualTo(Map.of("code", 200, "subCode", 8569,
        "message", "Action completed, speech recognized."));
    assertThat(data.getString("recognitionType")).isEqualTo("speech");
    assertThat(data.getJsonObject("speechResult").getString("speech")).isEqualTo("I want to pay my bill");
    assertThat(data.getJsonObject("speechResult").getDouble("confidence")).isEqualTo(0.8);
    assertThat(f.eventTime("RecognizeCompleted") - t0).isEqualTo(3_500);
  }

  @Test
  void speechResumingWithinEndSilenceContinuesTheUtterance() {
    f.accepted("recognize", request("speech", new JsonObject()));
    say("pay", 0, 500);
    say("my bill", 800, 700);
    f.emu.advance(1_500 + 499);
    assertThat(f.mediaEvents()).isEmpty();
    f.emu.advance(1);
    assertThat(f.last("RecognizeCompleted").getJsonObject("speechResult").getString("speech")).isEqualTo("pay my bill");
  }

  @Test
  void speechStartStopsTheInitialSilenceTimer() {
    f.accepted("recognize", request("speech", new JsonObject()));
    say("hello", 4_900, 5_000);
    f.emu.advance(9_899);
    assertThat(f.mediaEvents()).isEmpty();
    f.emu.advance(501);
    assertThat(f.mediaEvents()).containsExactly("RecognizeCompleted");
  }

  @Test
  void speechWithoutWordsIs8563() {
    f.accepted("recognize", request("speech", new JsonObject()));
    say("", 100, 400);
    f.emu.advance(1_000);
    assertThat(result(f.last("RecognizeFailed")).getInteger("subCode")).isEqualTo(8563);
  }

  @Test
  void choicesByPhraseByKeyAndNoMatch() {
    f.accepted("recognize", request("choices", new JsonObject().put("choices", menu())));
    say("yes", 0, 400);
    f.emu.advance(900);
    JsonObject data = f.last("RecognizeCompleted");
    assertThat(result(data).getInteger("subCode")).isEqualTo(8545);
    assertThat(data.getString("recognitionType")).isEqualTo("choices");
    assertThat(data.getJsonObject("choiceResult").getString("label")).isEqualTo("Confirm");
    assertThat(data.getJsonObject("choiceResult").getString("recognizedPhrase")).isEqualTo("yes");

    f.accepted("recognize", request("choices", new JsonObject().put("choices", menu())));
    f.press("2");
    f.emu.advance(100);
    data = f.last("RecognizeCompleted");
    assertThat(result(data).getInteger("subCode")).isEqualTo(8533);
    assertThat(data.getJsonObject("choiceResult").getString("label")).isEqualTo("Cancel");

    f.accepted("recognize", request("choices", new JsonObject().put("choices", menu())));
    f.press("9");
    f.emu.advance(300);
    assertThat(result(f.last("RecognizeFailed")).getMap()).isEqualTo(Map.of("code", 500, "subCode", 8534,
        "message", "Action failed, incorrect tone entered."));

    f.accepted("recognize", request("choices", new JsonObject().put("choices", menu())));
    say("maybe later", 0, 600);
    f.emu.advance(1_100);
    assertThat(result(f.last("RecognizeFailed")).getInteger("subCode")).isEqualTo(8547);
  }

  @Test
  void speechOrDtmfLocksOntoTheFirstInput() {
    JsonObject options = new JsonObject().put("dtmfOptions", new JsonObject().put("maxTonesToCollect", 2));
    f.accepted("recognize", request("speechOrDtmf", options));
    f.press("5");
    say("ignored words", 300, 500);
    f.press("6", 600);
    f.emu.advance(2_000);
    assertThat(f.mediaEvents()).containsExactly("RecognizeCompleted");
    assertThat(f.last("RecognizeCompleted").getJsonObject("dtmfResult").getJsonArray("tones")).containsExactly("five", "six");

    f.accepted("recognize", request("speechOrDtmf", options));
    say("agent please", 0, 800);
    f.press("7", 200);
    f.emu.advance(1_300);
    assertThat(f.last("RecognizeCompleted").getString("recognitionType")).isEqualTo("speech");
    assertThat(f.last("RecognizeCompleted").getJsonObject("speechResult").getString("speech")).isEqualTo("agent please");
  }

  @Test
  void speechBargesIntoThePromptOnlyWithInterruptPrompt() {
    // "Tell me what you need today": 6 words = 2400 ms at 150 wpm.
    f.accepted("recognize", request("speech", new JsonObject().put("interruptPrompt", false))
        .put("playPrompt", textPrompt("Tell me what you need today")));
    say("billing", 500, 500);
    f.emu.advance(2_400 + 4_999);
    assertThat(f.mediaEvents()).isEmpty();
    f.emu.advance(1);
    assertThat(f.mediaEvents()).containsExactly("RecognizeFailed");

    f.accepted("recognize", request("speech", new JsonObject().put("interruptPrompt", true))
        .put("playPrompt", textPrompt("Tell me what you need today")));
    say("billing", 500, 500);
    f.emu.advance(1_500);
    assertThat(f.last("RecognizeCompleted").getJsonObject("speechResult").getString("speech")).isEqualTo("billing");
  }
}
