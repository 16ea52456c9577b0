package io.callemu.appbench.run;

import io.callemu.appbench.measure.Aggregate;
import io.callemu.appbench.measure.CallRecord;
import io.callemu.appbench.measure.LatencyStats;
import io.callemu.appbench.measure.Reaction;
import io.callemu.appbench.measure.TimerLatenessReading;
import io.callemu.appbench.plan.Plan;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything a finished run measured, for the reports and the thresholds.
 *
 * @param clock how time ran, e.g. {@code virtual} or {@code scaled ×0.1}
 * @param startedAt real epoch ms the first call was offered; {@code finishedAt} the end
 * @param emulatedMs emulated time the run took
 * @param cpuMs CPU time of this JVM during the run (the harness alone when it ran against a target)
 * @param peakHeapMb the largest heap in use seen during the run
 */
public record RunResult(Plan plan, String target, String clock, long startedAt, long finishedAt, long emulatedMs,
    long plannedCalls, List<CallRecord> calls, Aggregate overall, Map<String, Aggregate> profiles,
    TimerLatenessReading timerLateness, long lostJournalEntries, long droppedJournalEntries,
    long unattributedWrongRequests, long cpuMs, double peakHeapMb) {

  /** Builds the aggregates of {@code calls}. */
  public static RunResult of(Plan plan, String target, String clock, long startedAt, long finishedAt, long emulatedMs,
      List<CallRecord> calls, TimerLatenessReading lateness, long lost, long dropped, long unattributed,
      long cpuMs, double peakHeapMb) {
    Aggregate overall = new Aggregate("all");
    Map<String, Aggregate> profiles = new LinkedHashMap<>();
    plan.profiles().forEach(p -> profiles.put(p.name(), new Aggregate(p.name())));
    for (CallRecord c : calls) {
      overall.add(c);
      profiles.get(c.profile()).add(c);
    }
    return new RunResult(plan, target, clock, startedAt, finishedAt, emulatedMs, plan.plannedCalls(), List.copyOf(calls),
        overall, profiles, lateness, lost, dropped, unattributed, cpuMs, peakHeapMb);
  }

  /** Real seconds the run took. */
  public double seconds() {
    return Math.max(0.001, (finishedAt - startedAt) / 1000.0);
  }

  /** Calls started per real second. */
  public double callsPerSecond() {
    return calls.size() / seconds();
  }

  /** The reactions per real second since the start: second → their latencies. */
  public TreeMap<Long, LatencyStats> reactionsOverTime() {
    TreeMap<Long, LatencyStats> out = new TreeMap<>();
    for (CallRecord c : calls) {
      for (Reaction r : c.reactions()) {
        long second = Math.max(0, (r.atWallTime() - startedAt) / 1000);
        out.computeIfAbsent(second, s -> new LatencyStats()).recordMs(r.ms());
      }
    }
    return out;
  }
}
