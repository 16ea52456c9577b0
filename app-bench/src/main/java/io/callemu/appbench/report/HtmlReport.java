package io.callemu.appbench.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callemu.appbench.measure.Aggregate;
import io.callemu.appbench.measure.CallRecord;
import io.callemu.appbench.measure.LatencyStats;
import io.callemu.appbench.measure.Outcome;
import io.callemu.appbench.measure.Reaction;
import io.callemu.appbench.measure.TimelineItem;
import io.callemu.appbench.run.RunResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * {@code report.html}: one self-contained page (no network) with uPlot, from its WebJar, inlined:
 * the latency distribution per profile, latency over time, outcomes per profile and the timelines
 * of the slowest calls, with the summary table and the verdicts. It says which clock ran.
 */
public final class HtmlReport {

  static final String UPLOT = "META-INF/resources/webjars/uplot/" + uplotVersion() + "/dist/";
  static final int SLOWEST_CALLS = 6;
  /** Percentile points of the distribution chart: x = -log10(1 - p), from 0 % to 99.99 %. */
  static final int DISTRIBUTION_STEPS = 40;

  private HtmlReport() {
  }

  public static void write(RunResult run, List<Verdict> verdicts, Path file) throws IOException {
    Files.writeString(file, render(run, verdicts));
  }

  static String render(RunResult run, List<Verdict> verdicts) {
    String data = data(run, verdicts).toString().replace("</", "<\\/");
    return resource("io/callemu/appbench/report-template.html")
        .replace("/*UPLOT_CSS*/", resource(UPLOT + "uPlot.min.css"))
        .replace("/*UPLOT_JS*/", resource(UPLOT + "uPlot.iife.min.js"))
        .replace("/*REPORT_DATA*/null", data);
  }

  static ObjectNode data(RunResult run, List<Verdict> verdicts) {
    ObjectNode root = SummaryJson.build(run, verdicts);
    root.set("distribution", distribution(run));
    root.set("overTime", overTime(run));
    root.set("outcomeChart", outcomes(run));
    root.set("slowest", slowest(run));
    return root;
  }

  private static ObjectNode distribution(RunResult run) {
    ObjectNode o = SummaryJson.MAPPER.createObjectNode();
    ArrayNode x = o.putArray("x");
    for (int k = 0; k <= DISTRIBUTION_STEPS; k++) {
      x.add(k / 10.0);
    }
    x.add(DISTRIBUTION_STEPS / 10.0 + 0.5); // the maximum
    ArrayNode series = o.putArray("series");
    addCurve(series, "all", run.overall().reactions());
    for (Map.Entry<String, Aggregate> p : run.profiles().entrySet()) {
      addCurve(series, p.getKey(), p.getValue().reactions());
    }
    return o;
  }

  private static void addCurve(ArrayNode series, String name, LatencyStats stats) {
    ObjectNode s = series.addObject().put("name", name);
    ArrayNode y = s.putArray("y");
    for (int k = 0; k <= DISTRIBUTION_STEPS; k++) {
      if (stats.count() == 0) {
        y.addNull();
      } else {
        y.add(SummaryJson.round(stats.percentileMs(100 * (1 - Math.pow(10, -k / 10.0)))));
      }
    }
    if (stats.count() == 0) {
      y.addNull();
    } else {
      y.add(SummaryJson.round(stats.maxMs()));
    }
  }

  private static ObjectNode overTime(RunResult run) {
    ObjectNode o = SummaryJson.MAPPER.createObjectNode();
    ArrayNode t = o.putArray("t");
    ArrayNode count = o.putArray("count");
    ArrayNode p50 = o.putArray("p50");
    ArrayNode p99 = o.putArray("p99");
    ArrayNode max = o.putArray("max");
    run.reactionsOverTime().forEach((second, s) -> {
      t.add(second);
      count.add(s.count());
      p50.add(SummaryJson.round(s.percentileMs(50)));
      p99.add(SummaryJson.round(s.percentileMs(99)));
      max.add(SummaryJson.round(s.maxMs()));
    });
    return o;
  }

  private static ObjectNode outcomes(RunResult run) {
    ObjectNode o = SummaryJson.MAPPER.createObjectNode();
    ArrayNode names = o.putArray("outcomes");
    for (Outcome out : Outcome.values()) {
      names.add(out.wire());
    }
    ArrayNode profiles = o.putArray("profiles");
    ArrayNode counts = o.putArray("counts");
    for (Outcome out : Outcome.values()) {
      ArrayNode row = counts.addArray();
      run.profiles().values().forEach(a -> row.add(a.outcomes().get(out)));
    }
    run.profiles().keySet().forEach(profiles::add);
    return o;
  }

  private static ArrayNode slowest(RunResult run) {
    ArrayNode out = SummaryJson.MAPPER.createArrayNode();
    List<CallRecord> slowest = run.calls().stream().filter(c -> !c.reactions().isEmpty())
        .sorted(Comparator.comparingDouble(CallRecord::maxReactionMs).reversed()).limit(SLOWEST_CALLS).toList();
    for (CallRecord c : slowest) {
      ObjectNode call = out.addObject();
      call.put("call", c.index()).put("profile", c.profile())
          .put("callConnectionId", c.callConnectionId() == null ? "" : c.callConnectionId())
          .put("outcome", c.outcome() == null ? "" : c.outcome().wire())
          .put("maxReactionMs", SummaryJson.round(c.maxReactionMs()));
      Reaction worst = c.reactions().stream().max(Comparator.comparingDouble(Reaction::ms)).orElseThrow();
      call.put("slowestTo", worst.event());
      List<TimelineItem> items = c.timeline().stream()
          .sorted(Comparator.comparingLong(TimelineItem::wallNanos)).toList();
      long origin = items.isEmpty() ? 0 : items.get(0).wallNanos();
      ArrayNode list = call.putArray("items");
      for (TimelineItem i : items) {
        ObjectNode item = list.addObject();
        item.put("t", SummaryJson.round((i.wallNanos() - origin) / 1e6)).put("kind", i.kind().name().toLowerCase(java.util.Locale.ROOT))
            .put("name", i.name());
        if (i.status() != 0) {
          item.put("status", i.status());
        }
        if (i.subCode() >= 0) {
          item.put("subCode", i.subCode());
        }
      }
    }
    return out;
  }

  private static String resource(String name) {
    try (InputStream in = HtmlReport.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String uplotVersion() {
    String name = "META-INF/maven/org.webjars.npm/uplot/pom.properties";
    try (InputStream in = HtmlReport.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("the uPlot WebJar is not on the class path (" + name + ")");
      }
      java.util.Properties p = new java.util.Properties();
      p.load(in);
      return p.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
