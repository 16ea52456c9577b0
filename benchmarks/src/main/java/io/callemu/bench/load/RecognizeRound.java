package io.callemu.bench.load;

import io.vertx.core.AsyncResult;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * One round of {@link RecognizeTimeoutLoad}: N calls created and connected, then a DTMF recognize
 * started on all of them at once, every RecognizeFailed (initial silence) timed against its due
 * time, and the calls hung up. The due time is read from callemu's control API (the
 * initial-silence timer's {@code dueAtMillis} in the call detail) right after the 202; the moments
 * the harness sent the request and received the 202, plus the timeout, bound it from both sides
 * and are kept as a cross-check. Event handlers run on Vert.x event loops and never block; the
 * waiting methods are for the harness's main thread.
 */
final class RecognizeRound {

  private static final String TARGET_PREFIX = "8:acs:callemu-load-";
  private static final String INITIAL_SILENCE_SUBCODE = "8510";

  /** What the harness knows of one call; written from event loops, read by the main thread. */
  private static final class Probe {
    final AtomicBoolean settled = new AtomicBoolean();
    final AtomicBoolean finished = new AtomicBoolean();
    volatile String callConnectionId;
    volatile long recognizeSentNanos;
    volatile long recognizeAcceptedNanos;
    volatile long failedArrivedNanos;
    volatile long failedArrivedEpochMicros;
    /** callemu's own due time of the initial-silence timer (epoch ms), 0 while unknown. */
    volatile long dueEpochMillis;
  }

  private final CallemuClient acs;
  private final CallbackReceiver receiver;
  private final int calls;
  private final int timeoutSeconds;
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

  private RecognizeRound(CallemuClient acs, CallbackReceiver.Factory receivers, int calls, int timeoutSeconds)
      throws Exception {
    this.acs = acs;
    this.calls = calls;
    this.timeoutSeconds = timeoutSeconds;
    this.probes = new Probe[calls];
    for (int i = 0; i < calls; i++) {
      probes[i] = new Probe();
    }
    this.settled = new CountDownLatch(calls);
    this.finished = new CountDownLatch(calls);
    this.receiver = receivers.start(this::onEvent);
  }

  /**
   * Runs a round until every call was measured or dropped out, or {@code maxNanos} passed; the
   * calls stay up until {@link #hangUp}, so that memory can be read while they exist.
   *
   * @param receivers starts the round's own callback endpoint, so late events of an earlier
   *     round cannot be mistaken for this one's
   */
  static RecognizeRound run(CallemuClient acs, CallbackReceiver.Factory receivers, int calls, int timeoutSeconds,
      long maxNanos, boolean verbose) throws Exception {
    RecognizeRound round = new RecognizeRound(acs, receivers, calls, timeoutSeconds);
    long start = System.nanoTime();
    for (int i = 0; i < calls; i++) {
      int index = i;
      acs.createCall(TARGET_PREFIX + index, round.receiver.uriFor(index), "load-" + index)
          .onComplete(ar -> round.onCreated(index, ar));
    }
    Supplier<String> progress = verbose ? round::progress : null;
    if (Harness.await(round.settled, start, maxNanos, progress)) {
      if (verbose) {
        System.out.printf("  %d calls connected after %.1f s; starting their recognizes%n",
            round.connected.sum(), (System.nanoTime() - start) / 1e9);
      }
      for (int i = 0; i < calls; i++) {
        round.startRecognize(i);
      }
      Harness.await(round.finished, start, maxNanos, progress);
    }
    return round;
  }

  boolean complete() {
    return arrived.sum() == calls;
  }

  /** Leaves every call of the round. */
  void hangUp() {
    List<String> ids = new ArrayList<>();
    for (Probe probe : probes) {
      if (probe.callConnectionId != null) {
        ids.add(probe.callConnectionId);
      }
    }
    Harness.hangUp(acs, ids);
  }

  /**
   * Lateness after callemu's own due time (ms resolution, so up to 1 ms too high); for the calls
   * whose due time could be read before the timer fired.
   */
  Latencies latenessFromDue() {
    List<Probe> known = new ArrayList<>();
    for (Probe p : measured()) {
      if (p.dueEpochMillis != 0) {
        known.add(p);
      }
    }
    return over(known, p -> (p.failedArrivedEpochMicros - p.dueEpochMillis * 1_000) * 1_000);
  }

  /** Lateness after the 202 arrived + the timeout: callemu's timer started a little earlier. */
  Latencies latenessFromAccepted() {
    long timeout = TimeUnit.SECONDS.toNanos(timeoutSeconds);
    return over(measured(), p -> p.failedArrivedNanos - p.recognizeAcceptedNanos - timeout);
  }

  /** Lateness after the request was sent + the timeout: callemu's timer started a little later. */
  Latencies latenessFromSent() {
    long timeout = TimeUnit.SECONDS.toNanos(timeoutSeconds);
    return over(measured(), p -> p.failedArrivedNanos - p.recognizeSentNanos - timeout);
  }

  /** Prints the round's figures other than lateness and memory. */
  void printCounts() {
    List<Probe> started = new ArrayList<>();
    for (Probe p : probes) {
      if (p.recognizeAcceptedNanos != 0) {
        started.add(p);
      }
    }
    Latencies acceptedAt = over(started, p -> p.recognizeAcceptedNanos);
    System.out.printf("created %d/%d calls, CallConnected %d, recognize accepted %d (request round trip %s)%n",
        created.sum(), calls, connected.sum(), accepted.sum(),
        over(started, p -> p.recognizeAcceptedNanos - p.recognizeSentNanos).summary());
    if (acceptedAt.count() > 0) {
      System.out.println("due times spread over " + Latencies.ms(acceptedAt.max() - acceptedAt.min()));
    }
    System.out.printf("RecognizeFailed 400/8510 arrived: %d/%d%n", arrived.sum(), calls);
    System.out.println("callbacks received: " + new TreeMap<>(eventCounts));
    if (receiver.rejected() > 0) {
      System.out.println("callback requests refused as malformed: " + receiver.rejected());
    }
    if (!problems.isEmpty()) {
      System.out.println("calls not measured, by reason:");
      problems.forEach((why, count) -> System.out.println("  " + count.sum() + " × " + why));
    }
  }

  private String progress() {
    return String.format("created %d, connected %d, recognizing %d, RecognizeFailed %d",
        created.sum(), connected.sum(), accepted.sum(), arrived.sum());
  }

  private void onCreated(int index, AsyncResult<CallemuClient.Response> ar) {
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

  private void onRecognizeAnswered(int index, AsyncResult<CallemuClient.Response> ar) {
    if (ar.failed() || ar.result().status() != 202) {
      finish(index, "recognize " + describe(ar));
      return;
    }
    Probe probe = probes[index];
    probe.recognizeSentNanos = ar.result().sentNanos();
    probe.recognizeAcceptedNanos = ar.result().answeredNanos();
    accepted.increment();
    acs.callDetail(probe.callConnectionId).onSuccess(detail -> {
      if (detail.status() == 200) {
        probe.dueEpochMillis = initialSilenceDue(new JsonObject(detail.body()));
      }
    });
  }

  /** {@code media.operations[].timers[name=initialSilence].dueAtMillis}, or 0 when it already fired. */
  private static long initialSilenceDue(JsonObject callDetail) {
    JsonObject media = callDetail.getJsonObject("media", new JsonObject());
    for (Object op : media.getJsonArray("operations", new JsonArray())) {
      for (Object timer : ((JsonObject) op).getJsonArray("timers", new JsonArray())) {
        JsonObject t = (JsonObject) timer;
        if ("initialSilence".equals(t.getString("name"))) {
          return t.getLong("dueAtMillis", 0L);
        }
      }
    }
    return 0;
  }

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
          probe.failedArrivedEpochMicros = event.arrivedEpochMicros();
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

  private List<Probe> measured() {
    List<Probe> measured = new ArrayList<>();
    for (Probe p : probes) {
      if (p.failedArrivedNanos != 0 && p.recognizeAcceptedNanos != 0) {
        measured.add(p);
      }
    }
    return measured;
  }

  /** The reason a request did not give the expected answer, short enough to group by. */
  static String describe(AsyncResult<CallemuClient.Response> ar) {
    if (ar.failed()) {
      return "failed: " + ar.cause();
    }
    String body = ar.result().bodyText();
    return "answered " + ar.result().status() + " " + (body.length() > 160 ? body.substring(0, 160) + "…" : body);
  }

  private static Latencies over(List<Probe> probes, ToLongFunction<Probe> value) {
    return new Latencies(probes.stream().mapToLong(value).toArray());
  }
}
