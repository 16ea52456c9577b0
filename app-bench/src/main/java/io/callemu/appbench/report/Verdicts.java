package io.callemu.appbench.report;

import io.callemu.appbench.measure.Aggregate;
import io.callemu.appbench.measure.LatencyStats;
import io.callemu.appbench.measure.Outcome;
import io.callemu.appbench.plan.Threshold;
import io.callemu.appbench.run.RunResult;
import java.util.List;

/** Checks a plan's thresholds against a run. */
public final class Verdicts {

  private Verdicts() {
  }

  public static List<Verdict> check(RunResult run) {
    return run.plan().thresholds().stream().map(t -> check(t, run)).toList();
  }

  static Verdict check(Threshold t, RunResult run) {
    Double actual = value(t, run);
    return new Verdict(t, actual, actual != null && t.comparison().holds(actual, t.value()));
  }

  /** The metric's value in the threshold's scope, or null when nothing was measured. */
  static Double value(Threshold t, RunResult run) {
    Aggregate a = t.profile() == null ? run.overall() : run.profiles().get(t.profile());
    LatencyStats reactions = a.reactions(t.argument());
    return switch (t.metric()) {
      case CALLS -> (double) a.calls();
      case ENDED_CALLS -> (double) a.ended();
      case FAILED_CALLS -> (double) a.failed();
      case NEVER_ENDED -> (double) a.outcomes().get(Outcome.NEVER_ENDED);
      case NOT_CONNECTED -> (double) a.outcomes().get(Outcome.NOT_CONNECTED);
      case CALLER_HUNG_UP -> (double) a.outcomes().get(Outcome.CALLER_HUNG_UP);
      case APP_HUNG_UP -> (double) a.outcomes().get(Outcome.APP_HUNG_UP);
      case WRONG_REQUESTS -> (double) a.wrongRequests() + (t.profile() == null ? run.unattributedWrongRequests() : 0);
      case CALLBACK_ERRORS -> (double) a.callbackErrors();
      case LATE_CALLBACKS -> (double) a.lateCallbacks();
      case REACTIONS -> (double) reactions.count();
      case P50_REACTION_MS -> reactions.count() == 0 ? null : reactions.percentileMs(50);
      case P90_REACTION_MS -> reactions.count() == 0 ? null : reactions.percentileMs(90);
      case P99_REACTION_MS -> reactions.count() == 0 ? null : reactions.percentileMs(99);
      case MAX_REACTION_MS -> reactions.count() == 0 ? null : reactions.maxMs();
      case MEAN_REACTION_MS -> reactions.count() == 0 ? null : reactions.meanMs();
      case RESULT_CODE -> (double) a.subCodeCount(Integer.parseInt(t.argument()));
      case EVENT -> (double) a.events().getOrDefault(t.argument(), 0);
      // The virtual clock fires every timer exactly when time is moved to it.
      case TIMER_LATENESS_MAX_MS -> run.timerLateness().measured() ? run.timerLateness().maxMs()
          : "virtual".equals(run.clock()) ? 0.0 : null;
      case LOST_JOURNAL_ENTRIES -> (double) run.lostJournalEntries();
    };
  }
}
