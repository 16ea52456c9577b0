package io.callemu.emulator.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.callemu.emulator.scenario.Scenarios;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The scenario parser ({@link Scenarios#add}), JSON and YAML: any document is added whole or
 * refused with an {@link IllegalArgumentException} naming the problem (the control API's 400),
 * never another exception; and what it adds is typed (step options of their documented types) and
 * names audio files only under the scenario's folder.
 */
class ScenarioDocumentFuzzTest {

  private static final Path BASE = Path.of("/scenario-base");

  @FuzzTest
  void anyDocumentIsAddedTypedOrRefused(byte[] input) {
    Scenarios scenarios = new Scenarios(BASE);
    String document = new String(input, StandardCharsets.UTF_8);
    int added;
    try {
      added = scenarios.add(document, BASE);
    } catch (IllegalArgumentException e) {
      assertThat(e.getMessage()).isNotBlank();
      return;
    }
    assertThat(added).isPositive();
    JsonArray rules = scenarios.toJson().getJsonArray("rules");
    assertThat(rules).hasSize(added);
    for (int r = 0; r < rules.size(); r++) {
      JsonArray steps = rules.getJsonObject(r).getJsonArray("do");
      for (int s = 0; s < steps.size(); s++) {
        assertTyped(steps.getJsonObject(s));
      }
    }
  }

  /** The options of CONTRACT section 3's caller input, with their types there. */
  static void assertTyped(JsonObject step) {
    for (String whole : new String[] {"toneMs", "gapMs", "durationMs", "delayMs"}) {
      Object v = step.getValue(whole);
      assertThat(v == null || (v instanceof Integer || v instanceof Long) && ((Number) v).longValue() >= 0)
          .as(whole + " of " + step.encode()).isTrue();
    }
    Object confidence = step.getValue("confidence");
    assertThat(confidence == null || confidence instanceof Number c && c.doubleValue() >= 0 && c.doubleValue() <= 1)
        .as("confidence of " + step.encode()).isTrue();
    for (String text : new String[] {"text", "participant"}) {
      assertThat(step.getValue(text) == null || step.getValue(text) instanceof String)
          .as(text + " of " + step.encode()).isTrue();
    }
    Object audio = step.getValue("audio");
    if (audio instanceof String file) {
      assertThat(BASE.resolve(file).normalize().startsWith(BASE)).as("audio " + file + " stays under the scenario's folder")
          .isTrue();
    }
  }
}
