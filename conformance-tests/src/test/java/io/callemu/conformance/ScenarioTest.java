package io.callemu.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.callemu.emulator.CallemuConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Scenarios script the caller (CONTRACT §4) so an app's CI run needs no test code in the loop:
 * here the JS app only makes its call and its recognize, and waits; the keys and words come from
 * rules loaded by {@code --scenario} (JSON) or {@code POST /_emulator/scenarios} (YAML). The wall
 * clock runs at {@code --time-scale 0.05} so the scripted delays pass quickly.
 */
@DisplayName("Scenarios drive the caller (JS SDK, wall clock)")
class ScenarioTest extends MediaConformanceTest {

  static final String PIN_SCENARIO_JSON = """
      {"rules": [
        {"on": "recognize", "match": {"operationContext": "pin"}, "do": [{"dtmf": "1234#", "delayMs": 800}]}
      ]}
      """;

  static final String MENU_SCENARIO_YAML = """
      rules:
        - on: recognize
          match:
            recognizeInputType: choices
          do:
            - speech: Confirm
              delayMs: 500
        - on: play
          match:
            operationContext: goodbye
          times: 1
          do:
            - hangup: {}
              delayMs: 200
      """;

  @Override
  CallemuConfig configure(CallemuConfig config) {
    try {
      Path scenario = Files.createTempFile("callemu-pin-scenario-", ".json");
      Files.writeString(scenario, PIN_SCENARIO_JSON);
      scenario.toFile().deleteOnExit();
      return config.withClock("wall").withTimeScale(0.05).withSetting("call.ringMs", "20").withScenario(scenario);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A call connected on the wall clock (no advancing here). */
  String wallClockCall(String prefix) {
    String id = jsCreateCall(JS_HTTP, newTag(prefix), CALLEE, Map.of("cognitiveServicesEndpoint", COGNITIVE_SERVICES))
        .result().path("callConnectionId").asText();
    awaitEvent(id, "CallConnected");
    return id;
  }

  @Test
  @DisplayName("CA-SCEN-001 a JSON scenario loaded with --scenario answers the app's PIN recognize (operationContext pin) with 1234#: RecognizeCompleted 200/8514")
  void jsonScenarioDrivesPinEntry() {
    String id = wallClockCall("scen1");

    // generous timers: at time scale 0.05 they are 0.5 s of real time, the scripted keys take ~0.1 s
    recognize(id, "dtmf", Map.of("maxTonesToCollect", 8, "stopDtmfTones", List.of("pound"),
        "initialSilenceTimeoutInSeconds", 10, "interToneTimeoutInSeconds", 10, "operationContext", "pin")).result();

    assertStopToneCompleted(event(id, "RecognizeCompleted"), "one", "two", "three", "four", "pound");
  }

  @Test
  @DisplayName("CA-SCEN-002 a rule whose match differs does not fire: a recognize with another operationContext times out 400/8510")
  void unmatchedRuleDoesNotFire() {
    String id = wallClockCall("scen2");

    recognize(id, "dtmf", Map.of("maxTonesToCollect", 4, "initialSilenceTimeoutInSeconds", 5,
        "operationContext", "account-number")).result();

    assertResult(event(id, "RecognizeFailed"), 400, 8510, RecognizeDtmfTest.MSG_INITIAL_SILENCE);
    assertNoEvent(id, "RecognizeCompleted");
  }

  @Test
  @DisplayName("CA-SCEN-003 a YAML scenario posted to /_emulator/scenarios says Confirm to a choices recognize (match recognizeInputType) and hangs up after the goodbye play once (times 1)")
  void yamlScenarioDrivesMenuAndHangup() {
    JsonNode added = callemu.control().addScenario(MENU_SCENARIO_YAML);
    assertThat(added).isNotNull();
    String id = wallClockCall("scen3");

    recognize(id, "choices", Map.of("choices", RecognizeSpeechTest.MENU, "initialSilenceTimeoutInSeconds", 10,
        "operationContext", "menu")).result();

    JsonNode event = event(id, "RecognizeCompleted");
    assertResult(event, 200, 8545, null);
    assertThat(event.path("choiceResult").path("label").asText()).isEqualTo("Confirm");

    playToAll(id, "goodbye", Map.of(), text("Thank you, goodbye.")).result();
    awaitEvent(id, "CallDisconnected");

    String second = wallClockCall("scen3b");
    playToAll(second, "goodbye", Map.of(), text("Goodbye.")).result();
    awaitEvent(second, "PlayCompleted");
    assertNoEvent(second, "CallDisconnected");
  }

  @Test
  @DisplayName("CA-SCEN-004 a callConnected rule (times 1) makes the caller speak after connecting: the app's speech recognize hears it; the next call gets nothing")
  void callConnectedRuleSpeaks() {
    callemu.control().addScenario("""
        {"rules": [{"on": "callConnected", "times": 1, "do": [{"speech": "I want to pay my bill", "delayMs": 1500}]}]}
        """);
    String id = wallClockCall("scen4");

    recognize(id, "speech", Map.of("initialSilenceTimeoutInSeconds", 10, "endSilenceTimeoutInSeconds", 1)).result();

    JsonNode event = event(id, "RecognizeCompleted");
    assertResult(event, 200, 8569, null);
    assertThat(event.path("speechResult").path("speech").asText()).isEqualToIgnoringCase("I want to pay my bill");

    String second = wallClockCall("scen4b");
    recognize(second, "speech", Map.of("initialSilenceTimeoutInSeconds", 5)).result();
    assertResult(event(second, "RecognizeFailed"), 400, 8510, RecognizeDtmfTest.MSG_INITIAL_SILENCE);
  }
}
