package io.callemu.appbench.report;

import io.callemu.appbench.measure.Aggregate;
import io.callemu.appbench.measure.LatencyStats;
import io.callemu.appbench.measure.Outcome;
import io.callemu.appbench.measure.TimerLatenessReading;
import io.callemu.appbench.run.RunResult;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The summary printed at the end of a run: one row per profile and one for all, then the verdicts. */
public final class SummaryTable {

  private static final String ROW = "%-26s %6s %6s %6s %6s %6s %6s %6s %9s %8s %8s %8s %8s%n";

  private SummaryTable() {
  }

  public static void print(RunResult run, List<Verdict> verdicts, PrintStream out) {
    out.printf(Locale.ROOT, "bench %s: %d calls, %s clock, %.1f s real, %.1f s emulated, %.1f calls/s (%s)%n",
        run.plan().name(), run.calls().size(), run.clock(), run.seconds(), run.emulatedMs() / 1000.0,
        run.callsPerSecond(), run.target());
    out.printf(Locale.ROOT, ROW, "profile", "calls", "ended", "failed", "never", "wrong", "cbErr", "late",
        "reactions", "p50 ms", "p90 ms", "p99 ms", "max ms");
    run.profiles().values().forEach(a -> row(a, out));
    row(run.overall(), out);
    out.println("result codes: " + (run.overall().resultCodes().isEmpty() ? "none"
        : run.overall().resultCodes().entrySet().stream().map(e -> e.getKey() + " x" + e.getValue())
            .collect(Collectors.joining(", "))));
    out.println("slowest reactions by event: " + run.overall().reactionsByEvent().entrySet().stream()
        .sorted((a, b) -> Double.compare(b.getValue().percentileMs(99), a.getValue().percentileMs(99)))
        .limit(4).map(e -> String.format(Locale.ROOT, "%s p99 %.1f ms (%d)", e.getKey(), e.getValue().percentileMs(99),
            e.getValue().count())).collect(Collectors.joining(", ")));
    TimerLatenessReading t = run.timerLateness();
    out.println("callemu timer lateness: " + (t.measured()
        ? String.format(Locale.ROOT, "%d timers, mean %.2f ms, p99 %s, max %.1f ms", t.fired(), t.meanMs(),
            Double.isInfinite(t.p99AtMostMs()) ? "over 1024 ms" : "at most " + (long) t.p99AtMostMs() + " ms", t.maxMs())
        : "none (the virtual clock fires timers exactly when time moves)")
        + (run.lostJournalEntries() > 0 ? "; LOST " + run.lostJournalEntries()
            + " journal entries (raise journal.capacity)" : ""));
    for (Verdict v : verdicts) {
      out.printf(Locale.ROOT, "%s  %s  (actual %s)%n", v.passed() ? "PASS" : "FAIL", v.threshold().text(),
          v.actual() == null ? "nothing measured" : String.format(Locale.ROOT, "%.3f", v.actual()).replaceAll("\\.?0+$", ""));
    }
  }

  private static void row(Aggregate a, PrintStream out) {
    LatencyStats r = a.reactions();
    out.printf(Locale.ROOT, ROW, a.scope(), a.calls(), a.ended(), a.failed(), a.outcomes().get(Outcome.NEVER_ENDED),
        a.wrongRequests(), a.callbackErrors(), a.lateCallbacks(), r.count(), ms(r.percentileMs(50)),
        ms(r.percentileMs(90)), ms(r.percentileMs(99)), ms(r.maxMs()));
  }

  private static String ms(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }
}
