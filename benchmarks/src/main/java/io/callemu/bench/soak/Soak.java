package io.callemu.bench.soak;

import io.callemu.bench.load.LoadArgs;
import io.callemu.bench.load.LoadAverage;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The soak / hostile-load harness: runs the selected scenarios one after the other, each against a
 * callemu child started for it (or a running callemu), and prints a plain-text report and writes a
 * JSON one. Exit code 0 when every scenario met its targets, 1 when one did not (or failed to run),
 * 2 for bad arguments.
 *
 * <p>A plain main program rather than JMH: it measures another process in real time.
 */
public final class Soak {

  static final List<Scenario> ALL = List.of(
      new DeliveryBaseline(),
      new TrickleReply(),
      new HangingTargets(),
      new HugeReply(),
      new StalledTranscription(),
      new JournalFlood(),
      new DtmfTimers(),
      new HalfSentConnections(),
      new OpenFilesLimit(),
      new LargeJournalRead(),
      new ControlFuzz(),
      new HostBinding(),
      new UnauthenticatedBodies(),
      new ScenarioAudioPaths(),
      new CrossOrigin(),
      new CaConstraints());

  private static final String USAGE = String.join("\n",
      "usage: java -cp benchmarks/target/benchmarks.jar io.callemu.bench.soak.Soak [options]",
      "  --scenarios a,b,...   which scenarios to run (all); --list names them with their finding",
      "  --list                print the scenarios and exit",
      "  --callemu-jar PATH    the callemu to start per scenario (emulator/target/callemu.jar)",
      "  --callemu-jvm \"OPTS\"  extra JVM options for every child (none)",
      "  --url URL             run against a running callemu instead (scenarios that need a child of",
      "                        their own are skipped); --callemu-pid PID for its memory figures",
      "  --access-key BASE64   the running callemu's access key (the well-known key)",
      "  --scale X             multiply every count and size by X (1.0; 0.1 for a quick look)",
      "  --report FILE         where the JSON report goes (soak-report.json)",
      "  --log-dir DIR         where each child's log goes (a new temp dir)",
      "exit code: 0 every scenario met its targets, 1 one did not or could not run, 2 bad arguments");

  private static final Set<String> VALUED = Set.of("scenarios", "callemu-jar", "callemu-jvm", "url", "callemu-pid",
      "access-key", "scale", "report", "log-dir");
  private static final Set<String> FLAGS = Set.of("list");

  private Soak() {
  }

  public static void main(String[] argv) throws Exception {
    if (List.of(argv).contains("--help")) {
      System.out.println(USAGE);
      return;
    }
    LoadArgs args;
    List<Scenario> selected;
    double scale;
    try {
      args = new LoadArgs(argv, VALUED, FLAGS);
      selected = select(args.string("scenarios", ""));
      scale = Double.parseDouble(args.string("scale", "1"));
      if (!(scale > 0 && scale <= 10)) {
        throw new IllegalArgumentException("--scale must lie in (0, 10]");
      }
    } catch (IllegalArgumentException e) {
      System.err.println("soak: " + e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
      return;
    }
    if (args.flag("list")) {
      ALL.forEach(s -> System.out.printf("%-24s %s%n", s.name(), s.finding()));
      return;
    }
    System.exit(run(args, selected, scale));
  }

  static List<Scenario> select(String names) {
    if (names.isBlank()) {
      return ALL;
    }
    Map<String, Scenario> byName = new LinkedHashMap<>();
    ALL.forEach(s -> byName.put(s.name(), s));
    List<Scenario> chosen = new ArrayList<>();
    for (String name : names.split(",")) {
      Scenario s = byName.get(name.trim());
      if (s == null) {
        throw new IllegalArgumentException("no scenario '" + name.trim() + "' (known: " + byName.keySet() + ")");
      }
      chosen.add(s);
    }
    return chosen;
  }

  private static int run(LoadArgs args, List<Scenario> selected, double scale) throws Exception {
    Path jar = Path.of(args.string("callemu-jar", "emulator/target/callemu.jar"));
    String url = args.string("url", null);
    long pid = args.integer("callemu-pid", -1, 1, Integer.MAX_VALUE);
    Path logDir = args.string("log-dir", null) == null ? Files.createTempDirectory("callemu-soak-logs")
        : Files.createDirectories(Path.of(args.string("log-dir", null)));
    Path reportFile = Path.of(args.string("report", "soak-report.json"));
    List<String> extraJvm = io.callemu.bench.load.CallemuProcess.splitOptions(args.string("callemu-jvm", ""));
    Vertx vertx = Vertx.vertx();
    Bench bench = new Bench(vertx, scale, args.string("access-key", null), jar, logDir);
    String loadBefore = LoadAverage.read();
    System.out.printf("soak %s: %d scenario(s), scale %s, %s; load average %s; logs in %s%n", Instant.now(),
        selected.size(), scale, url == null ? "a child per scenario from " + jar : "against " + url, loadBefore,
        logDir);
    JsonArray results = new JsonArray();
    int failed = 0;
    try {
      for (Scenario scenario : selected) {
        Outcome outcome = new Outcome(scenario.name(), scenario.finding());
        long start = System.nanoTime();
        ChildLaunch launch = scenario.launch(bench);
        extraJvm.forEach(launch::jvm);
        if (url != null && launch.needsOwnChild()) {
          outcome.failed("skipped: needs a callemu started for it (" + launch.arguments() + ")");
        } else {
          System.out.println("-- " + scenario.name() + " (load average " + LoadAverage.read() + ")");
          try (Target target = url != null ? Target.running(url, pid, launch)
              : Target.start(jar, launch, logDir.resolve(scenario.name() + ".log"))) {
            bench.warmUp(target, outcome);
            scenario.run(bench, target, outcome);
          } catch (Exception | OutOfMemoryError e) {
            outcome.failed(e.toString());
          } finally {
            bench.closeScenario();
          }
        }
        outcome.seconds(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start));
        System.out.print(outcome.toText());
        results.add(outcome.toJson());
        if (!outcome.passed()) {
          failed++;
        }
      }
    } finally {
      await(vertx.close(), 10);
    }
    String loadAfter = LoadAverage.read();
    JsonObject report = new JsonObject().put("at", Instant.now().toString()).put("scale", scale)
        .put("callemu", url == null ? jar.toString() : url)
        .put("machine", new JsonObject().put("cores", Runtime.getRuntime().availableProcessors())
            .put("loadAverageBefore", loadBefore).put("loadAverageAfter", loadAfter))
        .put("scenarios", results);
    Files.writeString(reportFile, report.encodePrettily(), StandardCharsets.UTF_8);
    System.out.printf("%d of %d scenario(s) met their targets; load average after: %s; JSON report: %s%n",
        selected.size() - failed, selected.size(), loadAfter, reportFile.toAbsolutePath());
    return failed == 0 ? 0 : 1;
  }

  /** The result of {@code future}, waiting at most {@code seconds}; for the main thread only. */
  static <T> T await(Future<T> future, long seconds) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(seconds, TimeUnit.SECONDS);
  }
}
