package io.callemu.appbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.callemu.appbench.measure.CallRecord;
import io.callemu.appbench.measure.CallTracker;
import io.callemu.appbench.measure.TimerLatenessReading;
import io.callemu.appbench.plan.Plan;
import io.callemu.appbench.plan.PlanParser;
import io.callemu.appbench.run.RunResult;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Aggregation per profile and overall, the thresholds' verdicts, and the three files, on a made-up run. */
class ReportsTest {

  static final String PLAN = """
      entry: {kind: inbound, webhook: "http://127.0.0.1:1/hook"}
      calls: 3
      arrival: {concurrency: 1}
      clock: {mode: virtual}
      profiles: [{name: fast, rules: []}, {name: slow, rules: []}]
      thresholds:
        - p99ReactionMs < 100
        - fast.p99ReactionMs < 100
        - maxReactionMs[RecognizeFailed] <= 300
        - resultCode[8510] == 2
        - slow.failedCalls == 0
        - notConnected == 1
        - p50ReactionMs[PlayCompleted] < 1
        - timerLatenessMaxMs == 0
      """;

  @TempDir
  Path dir;
  private long seq;

  /** One call answered in {@code answerMs} whose RecognizeFailed the app reacts to in {@code reactMs}. */
  private CallRecord call(CallTracker t, String profile, String id, double start, double reactMs, boolean ends) {
    CallRecord c = t.start(profile, 1_000);
    t.placed(c, id);
    t.accept(callback(id, start, "RecognizeFailed", 8510));
    t.accept(new JsonObject().put("seq", ++seq).put("kind", "request").put("method", "POST").put("status", 202)
        .put("uri", "/calling/callConnections/" + id + ":play").put("wallNanos", (long) ((start + reactMs) * 1e6))
        .put("wallTime", (long) (1_000 + start + reactMs)).put("time", "2026-01-01T00:00:01Z"));
    if (ends) {
      t.accept(callback(id, start + reactMs + 1, "CallDisconnected", 5001));
    }
    return c;
  }

  private JsonObject callback(String id, double ms, String type, int subCode) {
    JsonObject attempt = new JsonObject().put("wallNanos", (long) (ms * 1e6)).put("wallTime", (long) (1_000 + ms))
        .put("status", 200).put("realMs", 1.0);
    return new JsonObject().put("seq", ++seq).put("kind", "callback").put("type", type).put("callConnectionId", id)
        .put("time", "2026-01-01T00:00:00Z").put("wallNanos", (long) (ms * 1e6)).put("wallTime", (long) (1_000 + ms))
        .put("outcome", "delivered").put("attempts", new JsonArray().add(attempt))
        .put("event", new JsonObject().put("data", new JsonObject().put("resultInformation",
            new JsonObject().put("code", 400).put("subCode", subCode))));
  }

  private RunResult run() {
    Plan plan = PlanParser.parse(PLAN, dir, "made-up");
    CallTracker t = new CallTracker(1_000);
    call(t, "fast", "a", 0, 10, true);
    call(t, "fast", "b", 100, 20, true);
    CallRecord stuck = call(t, "slow", "c", 200, 300, false);
    t.neverEnded(stuck);
    return RunResult.of(plan, "test", "virtual", 1_000, 3_000, 60_000, t.records(),
        TimerLatenessReading.notMeasured(), 0, 0, 0, 5, 1.0);
  }

  @Test
  void aggregatesPerProfileAndOverall() {
    RunResult run = run();
    assertThat(run.overall().calls()).isEqualTo(3);
    assertThat(run.profiles().get("fast").ended()).isEqualTo(2);
    assertThat(run.profiles().get("slow").failed()).isEqualTo(1);
    assertThat(run.overall().reactions().count()).isEqualTo(3);
    assertThat(run.overall().reactions().maxMs()).isEqualTo(300.0);
    assertThat(run.profiles().get("fast").reactions().maxMs()).isEqualTo(20.0);
    assertThat(run.overall().subCodeCount(8510)).isEqualTo(3);
    assertThat(run.overall().events()).containsEntry("RecognizeFailed", 3).containsEntry("CallDisconnected", 2);
    assertThat(run.reactionsOverTime()).hasSize(1);
  }

  @Test
  void thresholdsHoldFailOrFailForWantOfData() {
    Map<String, Verdict> v = new java.util.HashMap<>();
    Verdicts.check(run()).forEach(x -> v.put(x.threshold().text(), x));
    assertThat(v.get("p99ReactionMs < 100").passed()).isFalse();
    // three significant digits: HdrHistogram's bucket for 300 ms
    assertThat(v.get("p99ReactionMs < 100").actual()).isCloseTo(300.0, org.assertj.core.api.Assertions.within(0.3));
    assertThat(v.get("fast.p99ReactionMs < 100").passed()).isTrue();
    assertThat(v.get("maxReactionMs[RecognizeFailed] <= 300").passed()).isTrue();
    assertThat(v.get("resultCode[8510] == 2").passed()).isFalse();
    assertThat(v.get("slow.failedCalls == 0").passed()).isFalse();
    assertThat(v.get("notConnected == 1").passed()).isTrue();
    assertThat(v.get("p50ReactionMs[PlayCompleted] < 1").actual()).isNull();
    assertThat(v.get("p50ReactionMs[PlayCompleted] < 1").passed()).isFalse();
    assertThat(v.get("timerLatenessMaxMs == 0").passed()).isTrue();
  }

  @Test
  void writesSummaryJsonCallsCsvAndASelfContainedReport() throws Exception {
    RunResult run = run();
    List<Verdict> verdicts = Verdicts.check(run);
    SummaryJson.write(run, verdicts, dir.resolve("summary.json"));
    CallsCsv.write(run, dir.resolve("calls.csv"));
    HtmlReport.write(run, verdicts, dir.resolve("report.html"));

    JsonNode summary = SummaryJson.MAPPER.readTree(dir.resolve("summary.json").toFile());
    assertThat(summary.get("clock").asText()).isEqualTo("virtual");
    assertThat(summary.get("passed").asBoolean()).isFalse();
    assertThat(summary.at("/overall/reaction/maxMs").asDouble()).isEqualTo(300.0);
    assertThat(summary.at("/profiles/slow/outcomes/notConnected").asInt()).isEqualTo(1);
    assertThat(summary.at("/overall/resultCodes/RecognizeFailed~18510").asInt()).isEqualTo(3);
    assertThat(summary.at("/callemu/timerLateness/measured").asBoolean()).isFalse();
    assertThat(summary.get("thresholds")).hasSize(8);

    try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class)
        .with(CsvSchema.emptySchema().withHeader()).readValues(dir.resolve("calls.csv").toFile())) {
      List<Map<String, String>> all = rows.readAll();
      assertThat(all).hasSize(3);
      assertThat(all.get(0).keySet()).containsExactlyElementsOf(CallsCsv.COLUMNS);
      assertThat(all.get(2)).containsEntry("profile", "slow").containsEntry("outcome", "notConnected")
          .containsEntry("maxReactionMs", "300.0").containsEntry("slowestReactionTo", "RecognizeFailed")
          .containsEntry("resultCodes", "RecognizeFailed/8510 x1");
      assertThat(all.get(0)).containsEntry("outcome", "callerHungUp");
    }

    String html = Files.readString(dir.resolve("report.html"));
    assertThat(html).contains("uPlot").contains("\"clock\":\"virtual\"").doesNotContain("/*REPORT_DATA*/")
        .doesNotContain("src=\"http").doesNotContain("href=\"http");
  }

  @Test
  void theTerminalSummaryHasAProfileRowEachAndTheVerdicts() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    RunResult run = run();
    SummaryTable.print(run, Verdicts.check(run), new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String text = bytes.toString(StandardCharsets.UTF_8);
    assertThat(text).contains("virtual clock").containsPattern("(?m)^fast +2 +2 +0")
        .containsPattern("(?m)^all +3 ").contains("FAIL  p99ReactionMs < 100  (actual 300.0")
        .contains("PASS  notConnected == 1");
  }
}
