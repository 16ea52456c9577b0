package io.callemu.bench.soak;

import io.callemu.bench.load.Latencies;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one scenario measured: the figures every scenario reports (events lost and duplicated, 5xx
 * answers, stack traces in callemu's log, RSS and live heap before, during and after, health latency
 * during the hostile load, recovery time), the figures of its own finding, and its checks against
 * the targets. A figure never measured stays absent (-1 inside), never zero.
 */
final class Outcome {

  /** The targets, shared by every scenario that can judge them. */
  static final double HEALTH_P99_TARGET_MS = 50;
  /** How java.util.logging marks an error (Vert.x's "Unhandled exception in router", …). */
  static final String SEVERE = "SEVERE:";
  /** Vert.x's warning that an event loop was blocked longer than its limit (2 s). */
  static final String BLOCKED = "has been blocked for";
  static final double HEAP_RETURN_TOLERANCE = 0.10;
  /**
   * Below this growth a heap counts as back whatever the ratio: an idle callemu's live heap is about
   * 12 MB and varies by 1-2 MB from one full collection to the next (lazily created caches, JIT).
   */
  static final long HEAP_NOISE_KB = 2_048;

  /** One verdict line: what was checked, the target, what was measured, and whether it held. */
  record Check(String what, String target, String measured, boolean passed) {
  }

  private final String scenario;
  private final String finding;
  private long lost = -1;
  private long duplicated = -1;
  private long serverErrors = -1;
  private long stackTraceLinesBefore = -1;
  private long stackTraceLines = -1;
  private long severeLinesBefore = -1;
  private long severeLines = -1;
  private long blockedWarningsBefore = -1;
  private long blockedWarnings = -1;
  private long rssBeforeKb = -1;
  private long rssDuringKb = -1;
  private long rssAfterKb = -1;
  private long heapBeforeKb = -1;
  private long heapDuringKb = -1;
  private long heapAfterKb = -1;
  private Latencies health;
  private long healthFailures;
  private long recoveryMs = -1;
  private final Map<String, Object> figures = new LinkedHashMap<>();
  private final List<Check> checks = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private String error;
  private long seconds;

  Outcome(String scenario, String finding) {
    this.scenario = scenario;
    this.finding = finding;
  }

  String scenario() {
    return scenario;
  }

  /** RSS and live heap before the hostile load, and the log's stack traces so far. */
  void before(Target target) {
    rssBeforeKb = target.rssKb();
    heapBeforeKb = target.liveHeapKb();
    stackTraceLinesBefore = target.stackTraceLines();
    severeLinesBefore = target.logLines(SEVERE);
    blockedWarningsBefore = target.logLines(BLOCKED);
  }

  /** RSS (the probe's largest sample when given, else now) and live heap at the height of the load. */
  void during(Target target, HealthProbe probe) {
    rssDuringKb = Math.max(target.rssKb(), probe == null ? -1 : probe.maxRssKb());
    heapDuringKb = target.liveHeapKb();
  }

  /** RSS and live heap once the load is gone (after the scenario's reset). */
  void after(Target target) {
    rssAfterKb = target.rssKb();
    heapAfterKb = target.liveHeapKb();
    stackTraceLines = since(target.stackTraceLines(), stackTraceLinesBefore);
    severeLines = since(target.logLines(SEVERE), severeLinesBefore);
    blockedWarnings = since(target.logLines(BLOCKED), blockedWarningsBefore);
  }

  private static long since(long now, long before) {
    return now < 0 ? -1 : now - Math.max(0, before);
  }

  void health(HealthProbe probe) {
    health = probe.latencies();
    healthFailures = probe.failures();
  }

  void lost(long n) {
    lost = n;
  }

  void duplicated(long n) {
    duplicated = n;
  }

  void serverErrors(long n) {
    serverErrors = n;
  }

  void recoveryMs(long ms) {
    recoveryMs = ms;
  }

  void figure(String name, Object value) {
    figures.put(name, value);
  }

  void note(String text) {
    notes.add(text);
  }

  void failed(String why) {
    error = why;
  }

  void seconds(long s) {
    seconds = s;
  }

  long heapBeforeKb() {
    return heapBeforeKb;
  }

  long heapDuringKb() {
    return heapDuringKb;
  }

  long rssBeforeKb() {
    return rssBeforeKb;
  }

  long rssDuringKb() {
    return rssDuringKb;
  }

  void check(String what, String target, Object measured, boolean passed) {
    checks.add(new Check(what, target, String.valueOf(measured), passed));
  }

  /** 0 lost and 0 duplicated events. */
  void checkDelivery() {
    check("events lost", "0", lost, lost == 0);
    check("events duplicated", "0", duplicated, duplicated == 0);
  }

  /** 0 answers of 5xx (when the scenario counted answers) and no stack trace in callemu's log. */
  void checkNoServerErrors() {
    if (serverErrors >= 0) {
      check("5xx answers", "0", serverErrors, serverErrors == 0);
    }
    if (stackTraceLines >= 0) {
      check("stack-trace lines in callemu's log", "0", stackTraceLines, stackTraceLines == 0);
      check("SEVERE lines in callemu's log", "0", severeLines, severeLines == 0);
    }
  }

  /** Health p99 during the load within {@value #HEALTH_P99_TARGET_MS} ms, and no probe failed. */
  void checkHealth() {
    if (health == null || health.count() == 0) {
      check("health p99 during the load", "≤ 50 ms", "not measured", false);
      return;
    }
    double p99 = health.percentile(99) / 1e6;
    check("health p99 during the load", "≤ 50 ms", String.format("%.1f ms", p99),
        p99 <= HEALTH_P99_TARGET_MS && healthFailures == 0);
  }

  /**
   * Live heap after the reset within 10 % of the baseline (taken after the warm-up call, see
   * {@link Bench#warmUp}).
   */
  void checkHeapBack() {
    if (heapBeforeKb <= 0 || heapAfterKb <= 0) {
      check("live heap after reset", "within 10 % (or 2 MB) of baseline", "not measured", false);
      return;
    }
    double ratio = (double) heapAfterKb / heapBeforeKb - 1;
    check("live heap after reset", "within 10 % (or 2 MB) of baseline",
        String.format("%+.0f %% (%s → %s)", ratio * 100, mb(heapBeforeKb), mb(heapAfterKb)),
        ratio <= HEAP_RETURN_TOLERANCE || heapAfterKb - heapBeforeKb <= HEAP_NOISE_KB);
  }

  /** RSS growth over the baseline during the load at most {@code maxMb}. */
  void checkRssGrowth(long maxMb, String why) {
    if (rssBeforeKb <= 0 || rssDuringKb <= 0) {
      check("RSS growth during the load (" + why + ")", "≤ " + maxMb + " MB", "not measured", false);
      return;
    }
    long growthMb = (rssDuringKb - rssBeforeKb) / 1024;
    check("RSS growth during the load (" + why + ")", "≤ " + maxMb + " MB", growthMb + " MB", growthMb <= maxMb);
  }

  boolean passed() {
    return error == null && !checks.isEmpty() && checks.stream().allMatch(Check::passed);
  }

  static String mb(long kb) {
    return kb < 0 ? "n/a" : String.format("%.0f MB", kb / 1024.0);
  }

  private static Object mbJson(long kb) {
    return kb < 0 ? null : Math.round(kb / 1024.0 * 10) / 10.0;
  }

  private static Object orNull(long v) {
    return v < 0 ? null : v;
  }

  JsonObject toJson() {
    JsonObject o = new JsonObject().put("scenario", scenario).put("finding", finding)
        .put("verdict", passed() ? "pass" : "FAIL").put("seconds", seconds)
        .put("eventsLost", orNull(lost)).put("eventsDuplicated", orNull(duplicated))
        .put("serverErrors", orNull(serverErrors)).put("stackTraceLines", orNull(stackTraceLines))
        .put("severeLogLines", orNull(severeLines)).put("eventLoopBlockedWarnings", orNull(blockedWarnings))
        .put("rssMb", new JsonObject().put("before", mbJson(rssBeforeKb)).put("during", mbJson(rssDuringKb))
            .put("after", mbJson(rssAfterKb)))
        .put("liveHeapMb", new JsonObject().put("before", mbJson(heapBeforeKb)).put("during", mbJson(heapDuringKb))
            .put("after", mbJson(heapAfterKb)))
        .put("recoveryMs", orNull(recoveryMs));
    if (health != null && health.count() > 0) {
      o.put("healthMs", new JsonObject().put("probes", health.count()).put("failed", healthFailures)
          .put("p50", health.percentile(50) / 1e6).put("p99", health.percentile(99) / 1e6)
          .put("max", health.max() / 1e6));
    }
    o.put("figures", new JsonObject(new LinkedHashMap<>(figures)));
    JsonArray list = new JsonArray();
    checks.forEach(c -> list.add(new JsonObject().put("what", c.what()).put("target", c.target())
        .put("measured", c.measured()).put("passed", c.passed())));
    o.put("checks", list).put("notes", new JsonArray(notes));
    if (error != null) {
      o.put("error", error);
    }
    return o;
  }

  String toText() {
    StringBuilder b = new StringBuilder();
    b.append("== ").append(scenario).append(": ").append(passed() ? "pass" : "FAIL")
        .append(" (").append(seconds).append(" s)\n");
    b.append("   finding: ").append(finding).append('\n');
    if (error != null) {
      b.append("   error: ").append(error).append('\n');
    }
    b.append(String.format("   events lost %s, duplicated %s; 5xx %s; log: %s stack-trace lines, %s SEVERE,"
        + " %s event-loop-blocked warnings%n", text(lost), text(duplicated), text(serverErrors),
        text(stackTraceLines), text(severeLines), text(blockedWarnings)));
    b.append(String.format("   RSS before %s, during %s, after %s; live heap before %s, during %s, after %s%n",
        mb(rssBeforeKb), mb(rssDuringKb), mb(rssAfterKb), mb(heapBeforeKb), mb(heapDuringKb), mb(heapAfterKb)));
    b.append("   health during: ").append(health == null ? "not measured" : health.summary()
        + (healthFailures > 0 ? ", " + healthFailures + " failed" : "")).append("; recovery ")
        .append(recoveryMs < 0 ? "n/a" : recoveryMs + " ms").append('\n');
    figures.forEach((k, v) -> b.append("   ").append(k).append(": ").append(v).append('\n'));
    for (Check c : checks) {
      b.append(String.format("   [%s] %s: %s (target %s)%n", c.passed() ? "ok" : "!!", c.what(), c.measured(),
          c.target()));
    }
    notes.forEach(n -> b.append("   note: ").append(n).append('\n'));
    return b.toString();
  }

  private static String text(long v) {
    return v < 0 ? "n/a" : Long.toString(v);
  }
}
