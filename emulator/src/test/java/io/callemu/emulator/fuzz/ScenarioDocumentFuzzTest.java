package io.callemu.emulator.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.callemu.emulator.core.outcome.InvalidRequest;
import io.callemu.emulator.core.scenario.ScenarioRule;
import io.callemu.emulator.core.scenario.Step;
import io.callemu.emulator.surface.control.ScenarioParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * The scenario parser ({@link ScenarioParser#parse}), JSON and YAML: any document is read whole or
 * refused with an {@link InvalidRequest} naming the problem (the control API's 400), never another
 * exception; and what it reads names audio files only under the scenario's folder.
 */
class ScenarioDocumentFuzzTest {

  static final Path BASE = Path.of("/scenario-base");

  @FuzzTest
  void anyDocumentIsAddedTypedOrRefused(byte[] input) {
    assertReadOrRefused(new String(input, StandardCharsets.UTF_8));
  }

  /** Reads {@code document}; a refusal names its problem, and every audio file read stays under the folder. */
  static void assertReadOrRefused(String document) {
    List<ScenarioRule> rules;
    try {
      rules = ScenarioParser.parse(document, BASE);
    } catch (InvalidRequest e) {
      assertThat(e.getMessage()).isNotBlank();
      return;
    }
    assertThat(rules).isNotEmpty();
    for (ScenarioRule rule : rules) {
      for (Step step : rule.steps()) {
        if (step instanceof Step.PlayAudio audio) {
          assertThat(audio.file().normalize().startsWith(BASE)).as("audio " + audio.file()
              + " stays under the scenario's folder").isTrue();
        }
      }
    }
  }
}
