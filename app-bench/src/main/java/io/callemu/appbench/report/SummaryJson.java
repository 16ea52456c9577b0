package io.callemu.appbench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callemu.appbench.measure.Aggregate;
import io.callemu.appbench.measure.LatencyStats;
import io.callemu.appbench.measure.TimerLatenessReading;
import io.callemu.appbench.run.RunResult;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** {@code summary.json}: the run, per profile and overall, with callemu's own lateness and the verdicts. */
public final class SummaryJson {

  static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private SummaryJson() {
  }

  public static void write(RunResult run, List<Verdict> verdicts, Path file) throws IOException {
    MAPPER.writeValue(file.toFile(), build(run, verdicts));
  }

  public static ObjectNode build(RunResult run, List<Verdict> verdicts) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("plan", run.plan().name());
    root.put("entry", run.plan().entry().kind().wire());
    root.put("clock", run.clock());
    root.put("target", run.target());
    root.put("startedAt", Instant.ofEpochMilli(run.startedAt()).toString());
    root.put("finishedAt", Instant.ofEpochMilli(run.finishedAt()).toString());
    root.put("realSeconds", round(run.seconds()));
    root.put("emulatedSeconds", round(run.emulatedMs() / 1000.0));
    if (run.plannedCalls() >= 0) {
      root.put("plannedCalls", run.plannedCalls());
    }
    root.put("startedCalls", run.calls().size());
    root.put("callsPerSecond", round(run.callsPerSecond()));
    root.set("overall", scope(run.overall()));
    ObjectNode profiles = root.putObject("profiles");
    run.profiles().forEach((name, a) -> profiles.set(name, scope(a)));
    ObjectNode callemu = root.putObject("callemu");
    TimerLatenessReading t = run.timerLateness();
    ObjectNode lateness = callemu.putObject("timerLateness");
    lateness.put("measured", t.measured());
    if (t.measured()) {
      lateness.put("timersFired", t.fired());
      lateness.put("meanMs", round(t.meanMs()));
      if (Double.isInfinite(t.p99AtMostMs())) {
        lateness.put("p99AtMostMs", "over 1024");
      } else {
        lateness.put("p99AtMostMs", t.p99AtMostMs());
      }
      lateness.put("maxMs", round(t.maxMs()));
    }
    callemu.put("lostJournalEntries", run.lostJournalEntries());
    callemu.put("droppedJournalEntries", run.droppedJournalEntries());
    callemu.put("unattributedWrongRequests", run.unattributedWrongRequests());
    ObjectNode harness = root.putObject("harness");
    harness.put("cpuMs", run.cpuMs());
    harness.put("peakHeapMb", round(run.peakHeapMb()));
    var list = root.putArray("thresholds");
    for (Verdict v : verdicts) {
      ObjectNode o = list.addObject();
      o.put("check", v.threshold().text());
      if (v.actual() == null) {
        o.putNull("actual");
      } else {
        o.put("actual", round(v.actual()));
      }
      o.put("passed", v.passed());
    }
    root.put("passed", verdicts.stream().allMatch(Verdict::passed));
    return root;
  }

  static ObjectNode scope(Aggregate a) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("calls", a.calls());
    o.put("ended", a.ended());
    o.put("failed", a.failed());
    ObjectNode outcomes = o.putObject("outcomes");
    a.outcomes().forEach((k, v) -> outcomes.put(k.wire(), v));
    o.put("wrongRequests", a.wrongRequests());
    o.put("callbackErrors", a.callbackErrors());
    o.put("lateCallbacks", a.lateCallbacks());
    ObjectNode codes = o.putObject("resultCodes");
    a.resultCodes().forEach(codes::put);
    ObjectNode events = o.putObject("events");
    a.events().forEach(events::put);
    o.set("reaction", latency(a.reactions()));
    ObjectNode byEvent = o.putObject("reactionByEvent");
    for (Map.Entry<String, LatencyStats> e : a.reactionsByEvent().entrySet()) {
      byEvent.set(e.getKey(), latency(e.getValue()));
    }
    return o;
  }

  static ObjectNode latency(LatencyStats s) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("count", s.count());
    o.put("p50Ms", round(s.percentileMs(50)));
    o.put("p90Ms", round(s.percentileMs(90)));
    o.put("p99Ms", round(s.percentileMs(99)));
    o.put("maxMs", round(s.maxMs()));
    o.put("meanMs", round(s.meanMs()));
    return o;
  }

  static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
