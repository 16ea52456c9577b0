package io.callemu.appbench.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlanParserTest {

  static final String VALID = """
      name: demo
      entry: {kind: inbound, webhook: "http://127.0.0.1:8080/api/incomingCall"}
      calls: 10
      arrival: {ratePerSecond: 2}
      clock: {mode: virtual, appWaitMs: 500}
      settings: {recognize.interDigitTimeoutEvent: failed}
      profiles:
        - {name: silent, weight: 2, rules: []}
        - name: typist
          rules:
            - on: recognize
              match: {operationContext: pin}
              do: [{dtmf: "12#", delayMs: 100}]
      limits: {callTimeoutSeconds: 600, callbackLateMs: 500, maxRunSeconds: 60}
      thresholds: ["p99ReactionMs < 200", "typist.failedCalls == 0", "resultCode[8510] > 0"]
      """;

  @TempDir
  Path dir;

  private Plan parse(String yaml) {
    return PlanParser.parse(yaml, dir, "plan");
  }

  @Test
  void readsEveryFieldOfAValidPlan() {
    Plan plan = parse(VALID);
    assertThat(plan.name()).isEqualTo("demo");
    assertThat(plan.entry()).isEqualTo(new Plan.Entry(EntryKind.INBOUND, "http://127.0.0.1:8080/api/incomingCall", "+18005550100"));
    assertThat(plan.plannedCalls()).isEqualTo(10);
    assertThat(plan.arrival().isRate()).isTrue();
    assertThat(plan.clock()).isEqualTo(new Plan.Clock(ClockMode.VIRTUAL, 1.0, 500));
    assertThat(plan.settings()).containsEntry("recognize.interDigitTimeoutEvent", "failed");
    assertThat(plan.profiles()).extracting(Plan.Profile::name, Plan.Profile::weight, Plan.Profile::ruleCount)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("silent", 2, 0), org.assertj.core.groups.Tuple.tuple("typist", 1, 1));
    assertThat(plan.profiles().get(1).scenario()).contains("\"operationContext\":\"pin\"");
    assertThat(plan.limits()).isEqualTo(new Plan.Limits(600, 500, 60));
    assertThat(plan.thresholds()).extracting(Threshold::metric)
        .containsExactly(Metric.P99_REACTION_MS, Metric.FAILED_CALLS, Metric.RESULT_CODE);
    assertThat(plan.thresholds().get(1).profile()).isEqualTo("typist");
  }

  @Test
  void jsonIsAPlanToo() {
    Plan plan = parse("{\"entry\":{\"kind\":\"outbound\",\"trigger\":\"http://localhost:3000/call\"},\"durationSeconds\":30,"
        + "\"arrival\":{\"concurrency\":4},\"clock\":{\"mode\":\"scaled\",\"factor\":0.1},\"profiles\":[{\"name\":\"a\",\"rules\":[]}]}");
    assertThat(plan.entry().kind()).isEqualTo(EntryKind.OUTBOUND);
    assertThat(plan.clock().factor()).isEqualTo(0.1);
    assertThat(plan.arrival().concurrency()).isEqualTo(4);
    assertThat(plan.plannedCalls()).isEqualTo(-1);
    assertThat(plan.name()).isEqualTo("plan");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "no entry|entry: |entry is required",
      "entry kind|entry: {kind: sideways}|entry.kind must be inbound",
      "webhook url|entry: {kind: inbound, webhook: 'ftp://x'}|entry.webhook must be an absolute http",
      "webhook missing|entry: {kind: inbound}|entry.webhook is required",
      "trigger missing|entry: {kind: outbound}|entry.trigger is required",
      "entry field|entry: {kind: inbound, webhook: 'http://a/b', port: 1}|entry.port: unknown field",
      "to|entry: {kind: inbound, webhook: 'http://a/b', to: '555'}|entry.to must be a phone number",
      "calls zero|calls: 0|calls must be a whole number from 1",
      "calls and duration|durationSeconds: 5|give exactly one of calls",
      "arrival both|arrival: {ratePerSecond: 1, concurrency: 2}|arrival needs exactly one",
      "rate|arrival: {ratePerSecond: -1}|arrival.ratePerSecond must be a number",
      "concurrency|arrival: {concurrency: 1.5}|arrival.concurrency must be a whole number",
      "clock mode|clock: {mode: sundial}|clock.mode must be wall, scaled or virtual",
      "scaled factor|clock: {mode: scaled}|clock.factor is required",
      "factor range|clock: {mode: scaled, factor: 0}|clock.factor must be a number",
      "wall extra|clock: {mode: wall, factor: 2}|clock.factor: unknown field",
      "appWaitMs|clock: {mode: virtual, appWaitMs: 0}|clock.appWaitMs must be a whole number",
      "port|callemu: {port: 70000}|callemu.port must be a whole number",
      "settings|settings: {a: [1]}|settings.a must be a plain value",
      "profiles empty|profiles: []|profiles must be a non-empty list",
      "profile name|profiles: [{name: 'a b', rules: []}]|profiles[0].name must be 1 to 40",
      "profile twice|profiles: [{name: a, rules: []}, {name: a, rules: []}]|profiles[1].name: 'a' is used twice",
      "weight|profiles: [{name: a, weight: 0, rules: []}]|profiles[0].weight must be a whole number",
      "neither|profiles: [{name: a}]|profiles[0] needs exactly one of scenario",
      "times|profiles: [{name: a, rules: [{on: play, times: 1, do: [{hangup: {}}]}]}]|rules[0].times is not allowed",
      "remoteParty|profiles: [{name: a, rules: [{on: play, match: {remoteParty: x}, do: [{hangup: {}}]}]}]|match.remoteParty is set by the bench",
      "bad rule|profiles: [{name: a, rules: [{on: recognize, do: [{dtmf: 12x}]}]}]|profiles[0]: rules[0].do[0].dtmf must be keys",
      "missing file|profiles: [{name: a, scenario: nowhere.yaml}]|profiles[0].scenario (nowhere.yaml): cannot read",
      "limits|limits: {callbackLateMs: 0}|limits.callbackLateMs must be a whole number",
      "threshold form|thresholds: ['fast please']|thresholds[0]: 'fast please' is not",
      "threshold metric|thresholds: ['p98ReactionMs < 1']|thresholds[0]: unknown metric 'p98ReactionMs'",
      "threshold profile|thresholds: ['nobody.failedCalls == 0']|thresholds[0]: no profile named 'nobody'",
      "threshold arg|thresholds: ['resultCode[abc] > 0']|resultCode needs a result sub code",
      "threshold no arg|thresholds: ['event > 0']|event needs an event type",
      "threshold extra arg|thresholds: ['failedCalls[x] == 0']|failedCalls takes no [argument]",
      "threshold run-wide|thresholds: ['silent.lostJournalEntries == 0']|lostJournalEntries belongs to the whole run",
      "threshold type|thresholds: [3]|thresholds[0] must be a string",
      "unknown top|colour: blue|colour: unknown field",
  })
  void everyBadFieldIsNamed(String what, String replacement, String message) {
    String key = replacement.substring(0, replacement.indexOf(':'));
    String yaml = replace(VALID, key, replacement);
    assertThatThrownBy(() -> parse(yaml)).as(what).isInstanceOf(PlanException.class).hasMessageContaining(message);
  }

  @Test
  void notYamlAtAllIsSaidSo() {
    assertThatThrownBy(() -> parse("{ not: [closed")).hasMessageContaining("neither valid YAML nor JSON");
    assertThatThrownBy(() -> parse("- a list")).hasMessageContaining("a plan is an object");
  }

  @Test
  void scenarioFilesAreReadBesideThePlanAndTheirAudioPathsMadeAbsolute() throws Exception {
    Files.writeString(dir.resolve("caller.yaml"), "rules:\n  - on: recognize\n    do: [{audio: fixtures/yes.wav, text: \"yes\"}]\n");
    Plan plan = parse(replace(VALID, "profiles", "profiles: [{name: typist, scenario: caller.yaml}]"));
    assertThat(plan.profiles().get(0).scenario()).contains(dir.resolve("fixtures/yes.wav").toString());
  }

  /** Replaces the top-level field {@code key} (and its indented lines) of {@code yaml}, or appends it. */
  static String replace(String yaml, String key, String replacement) {
    StringBuilder out = new StringBuilder();
    boolean skipping = false;
    boolean replaced = false;
    for (String line : yaml.split("\n")) {
      if (skipping && (line.startsWith(" ") || line.startsWith("-"))) {
        continue;
      }
      skipping = false;
      if (line.startsWith(key + ":")) {
        out.append(replacement).append('\n');
        skipping = true;
        replaced = true;
      } else {
        out.append(line).append('\n');
      }
    }
    if (!replaced) {
      out.append(replacement).append('\n');
    }
    return out.toString();
  }
}
