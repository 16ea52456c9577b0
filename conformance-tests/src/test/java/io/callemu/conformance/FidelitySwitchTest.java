package io.callemu.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.callemu.emulator.client.ControlException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The fidelity switches of CONTRACT §5: listed with their defaults and sources, changed through
 * {@code POST /_emulator/settings}, and each one changes what the app sees where that is
 * observable through the JS SDK (the transcription casing belongs to the transcription suite).
 */
@DisplayName("Fidelity switches (CONTRACT §5, JS SDK, virtual clock)")
class FidelitySwitchTest extends MediaConformanceTest {

  static final Map<String, String> DEFAULTS = Map.of(
      "recognize.interDigitTimeoutEvent", "completed",
      "recognize.stopToneInResult", "true",
      "recognize.promptEmitsPlayEvents", "false",
      "recognize.interruptPromptInitialSilenceQuirk", "false",
      "transcription.resultStatusCasing", "Final",
      "prompt.wordsPerMinute", "150",
      "recognize.tonesDuringUninterruptiblePrompt", "ignored",
      "media.interruptCallMediaOperationDefault", "false");

  /** Puts back the defaults of the switches this callemu has (a missing one fails CA-FID-001, not every test). */
  @AfterEach
  void restoreDefaults() {
    Map<String, Object> known = new HashMap<>();
    callemu.control().settings().path("settings").forEach(s -> {
      String key = s.path("key").asText();
      if (DEFAULTS.containsKey(key)) {
        known.put(key, DEFAULTS.get(key));
      }
    });
    if (!known.isEmpty()) {
      callemu.control().set(known);
    }
  }

  JsonNode listed(String key) {
    for (JsonNode s : callemu.control().settings().path("settings")) {
      if (key.equals(s.path("key").asText())) {
        return s;
      }
    }
    throw new AssertionError("GET /_emulator/settings does not list " + key);
  }

  @Test
  @DisplayName("CA-FID-001 GET /_emulator/settings lists every switch of CONTRACT §5 (and callemu's two further recognize/media switches) with its default, current value and the documents behind it")
  void switchesAreListed() {
    DEFAULTS.forEach((key, value) -> {
      JsonNode s = listed(key);
      assertThat(s.path("default").asText()).as(key).isEqualToIgnoringCase(value);
      assertThat(s.path("value").asText()).as(key).isEqualToIgnoringCase(value);
      assertThat(s.path("source").asText()).as("the documents behind %s", key).isNotBlank();
    });
  }

  @Test
  @DisplayName("CA-FID-002 recognize.interDigitTimeoutEvent=failed: the inter-digit timeout after keys is RecognizeFailed 400/8532")
  void interDigitFailed() {
    set("recognize.interDigitTimeoutEvent", "failed");
    String id = connectedCall("fid2");
    recognize(id, "dtmf", Map.of("maxTonesToCollect", 5, "interToneTimeoutInSeconds", 2)).result();

    press(id, "12");
    advance(pressMs(2) + 2_100);

    assertResult(event(id, "RecognizeFailed"), 400, 8532, RecognizeDtmfTest.MSG_INTER_DIGIT);
    assertNoEvent(id, "RecognizeCompleted");
  }

  @Test
  @DisplayName("CA-FID-003 recognize.stopToneInResult=false: RecognizeCompleted 8514 reports the tones without the stop tone")
  void stopToneNotInResult() {
    set("recognize.stopToneInResult", false);
    String id = connectedCall("fid3");
    recognize(id, "dtmf", Map.of("maxTonesToCollect", 8, "stopDtmfTones", List.of("pound"))).result();

    press(id, "42#");
    advance(pressMs(3));

    JsonNode event = event(id, "RecognizeCompleted");
    assertResult(event, 200, 8514, RecognizeDtmfTest.MSG_STOP_TONE);
    assertThat(tones(event)).containsExactly("four", "two");
  }

  @Test
  @DisplayName("CA-FID-004 recognize.promptEmitsPlayEvents=true: a recognize prompt sends PlayStarted, then PlayCompleted when it ends, then the recognize result")
  void promptEmitsPlayEvents() {
    set("recognize.promptEmitsPlayEvents", true);
    String id = connectedCall("fid4");
    recognize(id, "dtmf", Map.of("maxTonesToCollect", 1, "playPrompt", text(RecognizeDtmfTest.TEN_WORDS),
        "operationContext", "fid4")).result();

    awaitEvent(id, "PlayStarted");
    advance(1);
    assertThat(kinds(id)).contains("PlayStarted").doesNotContain("PlayCompleted");
    advance(RecognizeDtmfTest.TEN_WORDS_MS);
    press(id, "3");
    advance(pressMs(1));

    assertThat(kinds(id)).containsSubsequence("PlayStarted", "PlayCompleted", "RecognizeCompleted");
    assertResult(event(id, "PlayCompleted"), 200, 0, PlayAndCancelTest.MSG_OK);
  }

  @Test
  @DisplayName("CA-FID-005 recognize.interruptPromptInitialSilenceQuirk=true: with interruptPrompt the initial silence behaves as 2 s whatever was asked")
  void interruptPromptQuirk() {
    set("recognize.interruptPromptInitialSilenceQuirk", true);
    String id = connectedCall("fid5");
    recognize(id, "dtmf", Map.of("maxTonesToCollect", 4, "interruptPrompt", true, "initialSilenceTimeoutInSeconds", 10))
        .result();

    advance(1_999);
    assertNoEvent(id, "RecognizeFailed");
    advance(1);

    assertResult(event(id, "RecognizeFailed"), 400, 8510, RecognizeDtmfTest.MSG_INITIAL_SILENCE);
  }

  @Test
  @DisplayName("CA-FID-006 prompt.wordsPerMinute=300: ten words play for 2 s instead of 4 s")
  void wordsPerMinute() {
    set("prompt.wordsPerMinute", 300);
    String id = connectedCall("fid6");

    playToAll(id, "fast", Map.of(), text(RecognizeDtmfTest.TEN_WORDS)).result();

    advance(1_999);
    assertNoEvent(id, "PlayCompleted");
    advance(1);
    assertResult(event(id, "PlayCompleted"), 200, 0, PlayAndCancelTest.MSG_OK);
  }

  @Test
  @DisplayName("CA-FID-007 a bad value or an unknown switch is refused with 400 and changes nothing")
  void badValuesRefused() {
    for (Map<String, Object> bad : List.<Map<String, Object>>of(
        Map.of("recognize.interDigitTimeoutEvent", "sometimes"),
        Map.of("prompt.wordsPerMinute", -5),
        Map.of("recognize.noSuchSwitch", true))) {
      ControlException e = catchThrowableOfType(ControlException.class, () -> callemu.control().set(new HashMap<>(bad)));
      assertThat(e).as("refused: %s", bad).isNotNull();
      assertThat(e.status()).isEqualTo(400);
    }
    assertThat(listed("recognize.interDigitTimeoutEvent").path("value").asText()).isEqualTo("completed");
    assertThat(listed("prompt.wordsPerMinute").path("value").asText()).isEqualTo("150");
  }

  @Test
  @DisplayName("CA-FID-008 recognize.tonesDuringUninterruptiblePrompt=kept: a key pressed during an interruptPrompt=false prompt counts when the prompt ends")
  void keysKeptDuringPrompt() {
    set("recognize.tonesDuringUninterruptiblePrompt", "kept");
    String id = connectedCall("fid8");
    recognize(id, "dtmf", Map.of("maxTonesToCollect", 1, "interruptPrompt", false,
        "playPrompt", text(RecognizeDtmfTest.TEN_WORDS))).result();
    advance(1_000);

    press(id, "4");
    advance(RecognizeDtmfTest.TEN_WORDS_MS - 1_000 - 1);
    assertNoEvent(id, "RecognizeCompleted");
    advance(1);

    JsonNode event = event(id, "RecognizeCompleted");
    assertResult(event, 200, 8531, RecognizeDtmfTest.MSG_MAX_DIGITS);
    assertThat(tones(event)).containsExactly("four");
  }

  @Test
  @DisplayName("CA-FID-009 media.interruptCallMediaOperationDefault=true (the how-to table's default, reference §6.2): a recognize without the field barges into a running play (PlayCanceled 400/8508) and starts at once")
  void interruptByDefault() {
    set("media.interruptCallMediaOperationDefault", true);
    String id = connectedCall("fid9");
    playToAll(id, "music", Map.of(), text(RecognizeDtmfTest.TEN_WORDS)).result();
    advance(500);

    recognize(id, "dtmf", Map.of("maxTonesToCollect", 1, "operationContext", "menu")).result();
    advance(1);
    press(id, "2");
    advance(pressMs(1));

    assertResult(event(id, "PlayCanceled"), 400, 8508, MSG_CANCELED);
    assertThat(tones(event(id, "RecognizeCompleted"))).containsExactly("two");
    assertNoEvent(id, "PlayCompleted");
  }
}
