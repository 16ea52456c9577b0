package io.callemu.appbench;

import io.callemu.appbench.plan.Plan;
import io.callemu.appbench.plan.PlanException;
import io.callemu.appbench.plan.PlanParser;
import io.callemu.appbench.report.CallsCsv;
import io.callemu.appbench.report.HtmlReport;
import io.callemu.appbench.report.SummaryJson;
import io.callemu.appbench.report.SummaryTable;
import io.callemu.appbench.report.Verdict;
import io.callemu.appbench.report.Verdicts;
import io.callemu.appbench.run.BenchRun;
import io.callemu.appbench.run.RunResult;
import io.callemu.appbench.run.SetupException;
import io.callemu.appbench.run.Target;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code ./callemu bench <plan> [--out DIR] [--target URL] [--control-token TOKEN]}: exit 0 when
 * every threshold holds, 1 when one fails, 2 when the plan is bad or the run could not be carried
 * out (callemu or the app not usable as the plan needs).
 */
public final class BenchMain {

  public static final int PASSED = 0;
  public static final int THRESHOLD_FAILED = 1;
  public static final int BAD_PLAN = 2;
  static final String USAGE = "usage: ./callemu bench <plan.yaml|plan.json> [--out DIR] [--target http://host:port] [--control-token TOKEN]";

  private BenchMain() {
  }

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the command; returns its exit code. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      err.println("callemu bench: " + e.getMessage());
      err.println(USAGE);
      return BAD_PLAN;
    }
    Plan plan;
    try {
      plan = PlanParser.read(options.plan());
    } catch (PlanException e) {
      err.println("callemu bench: bad plan " + options.plan() + ": " + e.getMessage());
      return BAD_PLAN;
    }
    RunResult result;
    try (Target target = options.target() == null ? Target.embedded(plan)
        : Target.remote(options.target(), options.controlToken())) {
      err.println("callemu bench: " + plan.name() + " against " + target.describe() + ", " + plan.clock().mode().wire()
          + " clock, results in " + options.out());
      result = BenchRun.run(plan, target, err);
    } catch (SetupException | IllegalArgumentException | IllegalStateException e) {
      err.println("callemu bench: " + e.getMessage());
      return BAD_PLAN;
    }
    List<Verdict> verdicts = Verdicts.check(result);
    try {
      Files.createDirectories(options.out());
      SummaryJson.write(result, verdicts, options.out().resolve("summary.json"));
      CallsCsv.write(result, options.out().resolve("calls.csv"));
      HtmlReport.write(result, verdicts, options.out().resolve("report.html"));
    } catch (IOException e) {
      err.println("callemu bench: cannot write the results to " + options.out() + ": " + e.getMessage());
      return BAD_PLAN;
    }
    SummaryTable.print(result, verdicts, out);
    out.println("results: " + options.out().resolve("summary.json") + ", calls.csv, report.html");
    return verdicts.stream().allMatch(Verdict::passed) ? PASSED : THRESHOLD_FAILED;
  }

  /** The command line. */
  record Options(Path plan, Path out, String target, String controlToken) {

    static Options parse(String[] args) {
      Path plan = null;
      Path out = Path.of("bench-results");
      String target = null;
      String token = null;
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        switch (a) {
          case "--out" -> out = Path.of(value(args, ++i, a));
          case "--target" -> target = value(args, ++i, a);
          case "--control-token" -> token = value(args, ++i, a);
          case "--help", "-h" -> throw new IllegalArgumentException("runs a bench plan against an app");
          default -> {
            if (a.startsWith("--")) {
              throw new IllegalArgumentException("unknown option " + a);
            }
            if (plan != null) {
              throw new IllegalArgumentException("one plan at a time (got " + plan + " and " + a + ")");
            }
            plan = Path.of(a);
          }
        }
      }
      if (plan == null) {
        throw new IllegalArgumentException("no plan given");
      }
      if (target != null && !target.matches("https?://[^/]+/?")) {
        throw new IllegalArgumentException("--target must be callemu's http URL, e.g. http://127.0.0.1:9080");
      }
      return new Options(plan, out, target, token);
    }

    private static String value(String[] args, int i, String option) {
      if (i >= args.length) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      return args[i];
    }
  }
}
