package io.callemu.bench.load;

import io.vertx.core.Vertx;
import java.time.Instant;
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
 * {@link RecognizeRound}). A warm-up round runs first so that
 * callemu's JIT has compiled the paths measured. Runs for a bounded time, hangs its calls up and
 * exits by itself; everything stays on loopback.
 *
 * <p>A plain main program rather than JMH: it measures wall-clock behaviour of another process.
 */
public final class RecognizeTimeoutLoad {

  private static final String USAGE = String.join("\n",
      "usage: java -cp benchmarks/target/benchmarks.jar io.callemu.bench.load.RecognizeTimeoutLoad [options]",
      CallemuTarget.USAGE,
      "  --calls N            concurrent calls (1000; 1..10000: callemu keeps at most 10,000 calls)",
      "  --timeout-seconds S  initialSilenceTimeoutInSeconds of every recognize (5; 1..300)",
      "  --warmup-calls N     calls of an unmeasured first round with a 1 s timeout (3000; 0 = none)",
      "  --connections N      HTTP connections from the harness to callemu (32; 1..1000)",
      "  --max-seconds S      stop waiting and report what arrived after this long (600; 10..3600)",
      "exit code: 0 every RecognizeFailed arrived, 1 some did not or callemu failed, 2 bad arguments");

  private static final Set<String> VALUED = CallemuTarget.with(
      Set.of("calls", "timeout-seconds", "warmup-calls", "connections", "max-seconds"), CallemuTarget.VALUED);

  private final CallemuTarget target;
  private final int calls;
  private final int timeoutSeconds;
  private final int warmupCalls;
  private final int connections;
  private final long maxNanos;

  private RecognizeTimeoutLoad(LoadArgs args) {
    this.target = new CallemuTarget(args);
    this.calls = args.integer("calls", 1000, 1, 10_000);
    this.timeoutSeconds = args.integer("timeout-seconds", 5, 1, 300);
    // A few thousand calls' worth of work before callemu's JIT has compiled the timer and
    // callback paths; with 500 the measured round still ran partly interpreted (p99 ×8).
    this.warmupCalls = args.integer("warmup-calls", 3000, 0, 10_000);
    this.connections = args.integer("connections", 32, 1, 1000);
    this.maxNanos = TimeUnit.SECONDS.toNanos(args.integer("max-seconds", 600, 10, 3600));
  }

  public static void main(String[] argv) {
    Harness.main("RecognizeTimeoutLoad", USAGE, argv, VALUED, args -> new RecognizeTimeoutLoad(args)::run);
  }

  private int run() throws Exception {
    Vertx vertx = Vertx.vertx();
    // Closing Vert.x at the end closes every round's callback server too.
    CallbackReceiver.Factory newReceiver = handler -> Harness.result(CallbackReceiver.start(vertx, handler), 10);
    CallemuClient acs = null;
    try {
      target.start();
      acs = new CallemuClient(vertx, target.url(), target.accessKey(), connections);
      if (warmupCalls > 0) {
        RecognizeRound warmup = RecognizeRound.run(acs, newReceiver, warmupCalls, 1, maxNanos, false);
        warmup.hangUp();
        System.out.println("warm-up round: " + warmupCalls + " calls, 1 s timeout, complete: " + warmup.complete());
      }
      System.out.printf("%s: %d calls, DTMF recognize with initialSilenceTimeoutInSeconds %d, against %s;"
              + " load average before: %s%n",
          Instant.now(), calls, timeoutSeconds, target.url(), LoadAverage.read());
      RecognizeRound round = RecognizeRound.run(acs, newReceiver, calls, timeoutSeconds, maxNanos, true);
      String memory = target.memoryReport();
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
      Harness.result(vertx.close(), 10);
      target.close();
    }
  }
}
