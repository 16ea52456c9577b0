package io.callemu.bench.load;

import io.callemu.emulator.Callemu;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.ToLongFunction;

/**
 * How late callemu's RecognizeFailed callbacks arrive when many calls wait on the wall clock.
 *
 * <p>Creates N calls whose callbacks come to the harness and waits until all are connected; then
 * starts on every call at once a DTMF recognize without prompt that nobody answers, so that all N
 * timers run together and expire in one burst, and measures for every RecognizeFailed (initial
 * silence timeout) how long after its due time it reached the harness.
 * The due time is the moment the 202 of the recognize arrived plus the timeout; callemu started
 * its timer a little before that, so this lateness is a lower bound, and the same figure measured
 * from the moment the request was sent is printed as the upper bound. Runs for a bounded time,
 * hangs its calls up and exits by itself; everything stays on loopback.
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
      "  --connections N      HTTP connections from the harness to callemu (32; 1..1000)",
      "  --max-seconds S      stop waiting and report what arrived after this long (600; 10..3600)",
      "exit code: 0 every RecognizeFailed arrived, 1 some did not or callemu failed, 2 bad arguments");

  private static final Set<String> VALUED = Set.of("url", "access-key", "callemu-pid", "callemu-jar",
      "callemu-jvm", "ring-ms", "calls", "timeout-seconds", "connections", "max-seconds");
  private static final Set<String> FLAGS = Set.of("start-callemu");
  private static final String TARGET_PREFIX = "8:acs:callemu-load-";
  private static final String INITIAL_SILENCE_SUBCODE = "8510";

  /** What the harness knows of one call; written from event loops, read by the main thread. */
  private static final class Probe {
    final AtomicBoolean settled = new AtomicBoolean();
    volatile long recognizeSentNanos;
    volatile long recognizeAcceptedNanos;
    volatile long failedArrivedNanos;
    volatile String callConnectionId;
    final AtomicBoolean finished = new AtomicBoolean();
  }

  private final LoadArgs args;
  private final int calls;
  private final int timeoutSeconds;
  private final int connections;
  private final long maxNanos;
  private final int ringMs;
  private final long externalPid;
  private final Probe[] probes;
  /** Counts calls that connected or will never connect. */
  private final CountDownLatch settled;
  /** Counts calls that were measured or dropped out. */
  private final CountDownLatch finished;
  private final Map<String, LongAdder> eventCounts = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> problems = new ConcurrentHashMap<>();
  private final LongAdder created = new LongAdder();
  private final LongAdder connected = new LongAdder();
  private final LongAdder accepted = new LongAdder();
  private final LongAdder arrived = new LongAdder();
  private volatile AcsClient acs;

  private RecognizeTimeoutLoad(LoadArgs args) {
    this.args = args;
    this.calls = args.integer("calls", 1000, 1, 10_000);
    this.timeoutSeconds = args.integer("timeout-seconds", 5, 1, 300);
    this.connections = args.integer("connections", 32, 1, 1000);
    this.maxNanos = TimeUnit.SECONDS.toNanos(args.integer("max-seconds", 600, 10, 3600));
    this.ringMs = args.integer("ring-ms", 500, 0, 600_000);
    this.externalPid = args.integer("callemu-pid", -1, 1, Integer.MAX_VALUE);
    if (args.flag("start-callemu") == (args.string("url", null) != null)) {
      throw new IllegalArgumentException("give either --url or --start-callemu");
    }
    this.probes = new Probe[calls];
    for (int i = 0; i < calls; i++) {
      probes[i] = new Probe();
    }
    this.finished = new CountDownLatch(calls);
    this.settled = new CountDownLatch(calls);
  }

  public static void main(String[] argv) {
    RecognizeTimeoutLoad load;
    try {
      LoadArgs args = new LoadArgs(argv, VALUED, FLAGS);
      load = new RecognizeTimeoutLoad(args);
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
    CallemuProcess child = null;
    CallbackReceiver receiver = null;
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
      System.out.printf("%s: %d calls, DTMF recognize with initialSilenceTimeoutInSeconds %d, against %s;"
              + " load average before: %s%n",
          Instant.now(), calls, timeoutSeconds, url, LoadAverage.read());
      long idleRssKb = pid > 0 ? CallemuProcess.rssKb(pid) : -1;

      receiver = await(CallbackReceiver.start(vertx, this::onEvent), 10);
      acs = new AcsClient(vertx, url, args.string("access-key", Callemu.WELL_KNOWN_ACCESS_KEY), connections);
      long start = System.nanoTime();
      for (int i = 0; i < calls; i++) {
        int index = i;
        acs.createCall(TARGET_PREFIX + index, receiver.uriFor(index), "load-" + index)
            .onComplete(ar -> onCreated(index, ar));
      }
      if (awaitWithProgress(settled, start, maxNanos)) {
        System.out.printf("  %d calls connected after %.1f s; starting their recognizes%n",
            connected.sum(), (System.nanoTime() - start) / 1e9);
        for (int i = 0; i < calls; i++) {
          startRecognize(i);
        }
        awaitWithProgress(finished, start, maxNanos);
      }
      String memory = pid > 0 ? memoryReport(pid, idleRssKb) : "not measured (give --callemu-pid)";
      hangUpAll();
      report(memory);
      return arrived.sum() == calls ? 0 : 1;
    } finally {
      if (acs != null) {
        acs.close();
      }
      if (receiver != null) {
        receiver.close();
      }
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      if (child != null) {
        child.close();
      }
    }
  }

  /** Waits on {@code latch}, printing progress; false when --max-seconds ran out first. */
  private boolean awaitWithProgress(CountDownLatch latch, long start, long maxNanos) throws InterruptedException {
    while (!latch.await(5, TimeUnit.SECONDS)) {
      long elapsed = System.nanoTime() - start;
      System.out.printf("  %5.1f s: created %d, connected %d, recognizing %d, RecognizeFailed %d%n",
          elapsed / 1e9, created.sum(), connected.sum(), accepted.sum(), arrived.sum());
      if (elapsed > maxNanos) {
        System.out.println("  giving up after --max-seconds");
        return false;
      }
    }
    return true;
  }

  private void onCreated(int index, AsyncResult<AcsClient.Response> ar) {
    if (ar.failed() || ar.result().status() != 201) {
      finish(index, "createCall " + describe(ar));
      return;
    }
    probes[index].callConnectionId = new JsonObject(ar.result().body()).getString("callConnectionId");
    created.increment();
  }

  private void startRecognize(int index) {
    Probe probe = probes[index];
    if (probe.finished.get() || probe.callConnectionId == null) {
      return;
    }
    acs.recognizeDtmf(probe.callConnectionId, TARGET_PREFIX + index, timeoutSeconds, "load-" + index)
        .onComplete(ar -> onRecognizeAnswered(index, ar));
  }

  /** On a callback server event loop: must not block. */
  private void onEvent(CallbackReceiver.Event event) {
    eventCounts.computeIfAbsent(event.type(), t -> new LongAdder()).increment();
    if (event.callIndex() < 0 || event.callIndex() >= calls) {
      return;
    }
    Probe probe = probes[event.callIndex()];
    switch (event.type()) {
      case "CallConnected" -> {
        // The event names the call, so a CallConnected that overtakes the 201 still counts.
        probe.callConnectionId = event.data().getString("callConnectionId");
        if (probe.settled.compareAndSet(false, true)) {
          connected.increment();
          settled.countDown();
        }
      }
      case "RecognizeFailed" -> {
        JsonObject result = event.data().getJsonObject("resultInformation", new JsonObject());
        String subCode = String.valueOf(result.getValue("subCode"));
        if (!subCode.equals(INITIAL_SILENCE_SUBCODE)) {
          finish(event.callIndex(), "RecognizeFailed " + result.getValue("code") + "/" + subCode
              + " instead of 400/" + INITIAL_SILENCE_SUBCODE);
        } else if (probe.finished.compareAndSet(false, true)) {
          probe.failedArrivedNanos = event.arrivedNanos();
          arrived.increment();
          finished.countDown();
        }
      }
      case "CreateCallFailed", "RecognizeCompleted", "RecognizeCanceled", "CallDisconnected" ->
          finish(event.callIndex(), "unexpected " + event.type());
      default -> {
        // ParticipantsUpdated and the like: counted above, nothing to measure
      }
    }
  }

  private void onRecognizeAnswered(int index, AsyncResult<AcsClient.Response> ar) {
    if (ar.failed() || ar.result().status() != 202) {
      finish(index, "recognize " + describe(ar));
      return;
    }
    probes[index].recognizeSentNanos = ar.result().sentNanos();
    probes[index].recognizeAcceptedNanos = ar.result().answeredNanos();
    accepted.increment();
  }

  /** Takes a call out of the measurement, counting why. */
  private void finish(int index, String problem) {
    Probe probe = probes[index];
    if (probe.finished.compareAndSet(false, true)) {
      problems.computeIfAbsent(problem, p -> new LongAdder()).increment();
      finished.countDown();
    }
    if (probe.settled.compareAndSet(false, true)) {
      settled.countDown();
    }
  }

  /** The reason a request did not give the expected answer, short enough to group by. */
  private static String describe(AsyncResult<AcsClient.Response> ar) {
    if (ar.failed()) {
      return "failed: " + ar.cause();
    }
    String body = ar.result().bodyText();
    return "answered " + ar.result().status() + " " + (body.length() > 160 ? body.substring(0, 160) + "…" : body);
  }

  private String memoryReport(long pid, long idleRssKb) {
    return String.format("RSS %s before the load, %s after it, peak %s; heap %s",
        mb(idleRssKb), mb(CallemuProcess.rssKb(pid)), mb(CallemuProcess.peakRssKb(pid)),
        CallemuProcess.heapSummary(pid));
  }

  private static String mb(long kb) {
    return kb < 0 ? "unknown" : String.format("%.0f MB", kb / 1024.0);
  }

  /** Leaves every call the harness made, so a shared callemu is not left holding them. */
  private void hangUpAll() {
    List<Future<AcsClient.Response>> hangUps = new ArrayList<>();
    for (Probe probe : probes) {
      if (probe.callConnectionId != null) {
        hangUps.add(acs.hangUp(probe.callConnectionId));
      }
    }
    try {
      await(Future.join(hangUps), 120);
    } catch (Exception e) {
      System.out.println("  some calls could not be hung up: " + e.getMessage());
    }
  }

  private void report(String memory) {
    List<Probe> measured = new ArrayList<>();
    for (Probe p : probes) {
      if (p.failedArrivedNanos != 0 && p.recognizeAcceptedNanos != 0) {
        measured.add(p);
      }
    }
    long timeout = TimeUnit.SECONDS.toNanos(timeoutSeconds);
    Latencies fromAccepted = latencies(measured, p -> p.failedArrivedNanos - p.recognizeAcceptedNanos - timeout);
    Latencies fromSent = latencies(measured, p -> p.failedArrivedNanos - p.recognizeSentNanos - timeout);
    List<Probe> started = new ArrayList<>();
    for (Probe p : probes) {
      if (p.recognizeAcceptedNanos != 0) {
        started.add(p);
      }
    }
    Latencies roundTrip = latencies(started, p -> p.recognizeAcceptedNanos - p.recognizeSentNanos);
    Latencies acceptedAt = latencies(started, p -> p.recognizeAcceptedNanos);

    System.out.printf("created %d/%d calls, CallConnected %d, recognize accepted %d (request round trip %s)%n",
        created.sum(), calls, connected.sum(), accepted.sum(), roundTrip.summary());
    if (acceptedAt.count() > 0) {
      System.out.println("due times spread over " + Latencies.ms(acceptedAt.max() - acceptedAt.min()));
    }
    System.out.printf("RecognizeFailed 400/8510 arrived: %d/%d%n", arrived.sum(), calls);
    System.out.println("lateness after 202 + timeout (lower bound): " + fromAccepted.summary());
    System.out.println("lateness after request sent + timeout (upper bound): " + fromSent.summary());
    System.out.println("callemu " + memory);
    System.out.println("load average after: " + LoadAverage.read());
    System.out.println("callbacks received: " + new TreeMap<>(eventCounts));
    if (!problems.isEmpty()) {
      System.out.println("calls not measured, by reason:");
      problems.forEach((why, count) -> System.out.println("  " + count.sum() + " × " + why));
    }
  }

  private static Latencies latencies(List<Probe> probes, ToLongFunction<Probe> value) {
    return new Latencies(probes.stream().mapToLong(value).toArray());
  }

  private static <T> T await(Future<T> future, long seconds) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(seconds, TimeUnit.SECONDS);
  }
}
