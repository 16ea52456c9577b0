package io.callemu.bench.load;

import io.callemu.emulator.Callemu;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * How late callemu's RecognizeFailed callbacks arrive when many calls wait on the wall clock.
 *
 * <p>Creates N calls whose callbacks come to the harness and waits until all are connected; then
 * starts on every call at once a DTMF recognize without prompt that nobody answers, so that all N
 * timers run together and expire in one burst, and measures for every RecognizeFailed (initial
 * silence timeout) how long after its due time it reached the harness: the due time callemu
 * itself shows in its control API, with bounds from the harness's own send and 202 moments (see
 * {@link RecognizeRound}). A smaller warm-up round runs first so that
 * callemu's JIT has compiled the paths measured. Runs for a bounded time, hangs its calls up and
 * exits by itself; everything stays on loopback.
 *
 * <p>A plain main program rather than JMH: it measures wall-clock behaviour of another process.
 */
public final class RecognizeTimeoutLoad {

  private static final String USAGE = String.join("\n",
      "usage: java -cp benchmarks/target/benchmarks.jar io.callemu.bench.load.RecognizeTimeoutLoad [options]",
      "  against a running callemu:  --url http://127.0.0.1:9080 [--access-key BASE64] [--callemu-pid PID]",
      "  or start one as a child:    --start-callemu [--callemu-jar emulator/target/callemu.jar]",
      "                              [--callemu-jvm \"-Xmx1g\"] [--ring-ms 500]",
      "  --calls N            concurrent calls (1000; 1..10000: callemu keeps at most 10,000 calls)",
      "  --timeout-seconds S  initialSilenceTimeoutInSeconds of every recognize (5; 1..300)",
      "  --warmup-calls N     calls of an unmeasured first round with a 1 s timeout (500; 0 = none)",
      "  --connections N      HTTP connections from the harness to callemu (32; 1..1000)",
      "  --max-seconds S      stop waiting and report what arrived after this long (600; 10..3600)",
      "exit code: 0 every RecognizeFailed arrived, 1 some did not or callemu failed, 2 bad arguments");

  private static final Set<String> VALUED = Set.of("url", "access-key", "callemu-pid", "callemu-jar",
      "callemu-jvm", "ring-ms", "calls", "timeout-seconds", "warmup-calls", "connections", "max-seconds");
  private static final Set<String> FLAGS = Set.of("start-callemu");

  private final LoadArgs args;
  private final int calls;
  private final int timeoutSeconds;
  private final int warmupCalls;
  private final int connections;
  private final long maxNanos;
  private final int ringMs;
  private final long externalPid;

  private RecognizeTimeoutLoad(LoadArgs args) {
    this.args = args;
    this.calls = args.integer("calls", 1000, 1, 10_000);
    this.timeoutSeconds = args.integer("timeout-seconds", 5, 1, 300);
    this.warmupCalls = args.integer("warmup-calls", 500, 0, 10_000);
    this.connections = args.integer("connections", 32, 1, 1000);
    this.maxNanos = TimeUnit.SECONDS.toNanos(args.integer("max-seconds", 600, 10, 3600));
    this.ringMs = args.integer("ring-ms", 500, 0, 600_000);
    this.externalPid = args.integer("callemu-pid", -1, 1, Integer.MAX_VALUE);
    if (args.flag("start-callemu") == (args.string("url", null) != null)) {
      throw new IllegalArgumentException("give either --url or --start-callemu");
    }
  }

  public static void main(String[] argv) {
    RecognizeTimeoutLoad load;
    try {
      load = new RecognizeTimeoutLoad(new LoadArgs(argv, VALUED, FLAGS));
    } catch (IllegalArgumentException e) {
      System.err.println("RecognizeTimeoutLoad: " + e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
      return;
    }
    int code;
    try {
      code = load.run();
    } catch (Exception e) {
      System.err.println("RecognizeTimeoutLoad failed: " + e);
      code = 1;
    }
    System.exit(code);
  }

  private int run() throws Exception {
    Vertx vertx = Vertx.vertx();
    List<CallbackReceiver> receivers = new ArrayList<>();
    CallbackReceiver.Factory newReceiver = handler -> {
      CallbackReceiver r = await(CallbackReceiver.start(vertx, handler), 10);
      receivers.add(r);
      return r;
    };
    CallemuProcess child = null;
    CallemuClient acs = null;
    try {
      String url = args.string("url", null);
      long pid = externalPid;
      if (args.flag("start-callemu")) {
        child = CallemuProcess.start(Path.of(args.string("callemu-jar", "emulator/target/callemu.jar")),
            CallemuProcess.splitOptions(args.string("callemu-jvm", "")), List.of("call.ringMs=" + ringMs));
        url = child.httpUrl();
        pid = child.pid();
        System.out.println("started callemu (pid " + pid + "): " + child.commandLine());
      }
      acs = new CallemuClient(vertx, url, args.string("access-key", Callemu.WELL_KNOWN_ACCESS_KEY), connections);
      long idleRssKb = pid > 0 ? CallemuProcess.rssKb(pid) : -1;
      if (warmupCalls > 0) {
        RecognizeRound warmup = RecognizeRound.run(acs, newReceiver, warmupCalls, 1, maxNanos, false);
        warmup.hangUp();
        System.out.println("warm-up round: " + warmupCalls + " calls, 1 s timeout, lateness "
            + warmup.latenessFromDue().summary());
      }
      System.out.printf("%s: %d calls, DTMF recognize with initialSilenceTimeoutInSeconds %d, against %s;"
              + " load average before: %s%n",
          Instant.now(), calls, timeoutSeconds, url, LoadAverage.read());
      RecognizeRound round = RecognizeRound.run(acs, newReceiver, calls, timeoutSeconds, maxNanos, true);
      String memory = pid > 0 ? memoryReport(pid, idleRssKb) : "memory not measured (give --callemu-pid)";
      round.hangUp();
      round.printCounts();
      Latencies fromDue = round.latenessFromDue();
      System.out.println("lateness after callemu's due time (" + fromDue.count() + " calls): " + fromDue.summary());
      System.out.println("lateness after 202 + timeout (lower bound): " + round.latenessFromAccepted().summary());
      System.out.println("lateness after request sent + timeout (upper bound): " + round.latenessFromSent().summary());
      System.out.println("callemu " + memory);
      System.out.println("load average after: " + LoadAverage.read());
      return round.complete() ? 0 : 1;
    } finally {
      if (acs != null) {
        acs.close();
      }
      receivers.forEach(CallbackReceiver::close);
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      if (child != null) {
        child.close();
      }
    }
  }

  /** Memory while the round's calls still exist (before they are hung up). */
  private static String memoryReport(long pid, long idleRssKb) {
    return String.format("RSS %s before the load, %s after it, peak %s; heap %s",
        mb(idleRssKb), mb(CallemuProcess.rssKb(pid)), mb(CallemuProcess.peakRssKb(pid)),
        CallemuProcess.heapSummary(pid));
  }

  private static String mb(long kb) {
    return kb < 0 ? "unknown" : String.format("%.0f MB", kb / 1024.0);
  }

  private static <T> T await(Future<T> future, long seconds) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(seconds, TimeUnit.SECONDS);
  }
}
