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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * The Graph calls of {@link GraphRecordingLoad}: N calls offered to the harness's bot and answered,
 * then, round after round, a recordResponse on every one at once whose completion
 * ({@code maxRecordDurationReached}) is timed against the max-duration timer's due time callemu
 * shows in its control API. Event handlers run on Vert.x event loops and never block; the waiting
 * methods are for the harness's main thread.
 */
final class RecordRound {

  /** What the harness knows of one call's current recording; written from event loops. */
  private static final class Probe {
    volatile String callId;
    volatile String operationId;
    /** callemu's due time of the max-duration timer (epoch ms), 0 while unknown. */
    volatile long dueEpochMillis;
    volatile long completedEpochMicros;
    volatile String outcome;
  }

  private final CallemuClient client;
  private final CallbackReceiver receiver;
  private final int calls;
  private final Probe[] probes;
  private final CountDownLatch established;
  private volatile CountDownLatch finished = new CountDownLatch(0);
  private final Map<String, LongAdder> notifications = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> problems = new ConcurrentHashMap<>();
  private final AtomicInteger connected = new AtomicInteger();

  private RecordRound(CallemuClient client, CallbackReceiver.Factory receivers, int calls) throws Exception {
    this.client = client;
    this.calls = calls;
    this.probes = new Probe[calls];
    for (int i = 0; i < calls; i++) {
      probes[i] = new Probe();
    }
    this.established = new CountDownLatch(calls);
    this.receiver = receivers.start(this::onEvent);
  }

  /** Offers {@code calls} calls to the bot, answers each, and waits until all are established. */
  static RecordRound establish(CallemuClient client, CallbackReceiver.Factory receivers, int calls, long maxNanos)
      throws Exception {
    RecordRound round = new RecordRound(client, receivers, calls);
    long start = System.nanoTime();
    JsonObject answer = new JsonObject().put("acceptedModalities", JsonArray.of("audio"))
        .put("mediaConfig", new JsonObject().put("@odata.type", "#microsoft.graph.serviceHostedMediaConfig"));
    for (int i = 0; i < calls; i++) {
      int index = i;
      client.offerGraphCall(round.receiver.uriFor(index), String.format("+1555%07d", index)).onComplete(offered -> {
        if (offered.failed() || offered.result().status() != 201) {
          round.problem("offer " + RecognizeRound.describe(offered));
          round.established.countDown();
          return;
        }
        String id = new JsonObject(offered.result().body()).getString("id");
        round.probes[index].callId = id;
        client.graphAction(id, "answer", answer).onComplete(answered -> {
          if (answered.failed() || answered.result().status() != 202) {
            round.problem("answer " + RecognizeRound.describe(answered));
            round.established.countDown();
          }
        });
      });
    }
    Harness.await(round.established, start, maxNanos, () -> "established " + round.connected.get());
    return round;
  }

  int established() {
    return connected.get();
  }

  List<String> callIds() {
    List<String> ids = new ArrayList<>();
    for (Probe p : probes) {
      if (p.callId != null) {
        ids.add(p.callId);
      }
    }
    return ids;
  }

  /**
   * Starts a recordResponse of {@code seconds} (no prompt, no beep) on every established call;
   * {@code afterStart} (on an event loop) gives the caller something to say for each.
   */
  void startRecordings(int seconds, java.util.function.BiConsumer<Integer, String> afterStart) {
    finished = new CountDownLatch(connected.get());
    JsonObject body = new JsonObject().put("clientContext", "load").put("playBeep", false)
        // Long enough for a thousand uploads of the caller's audio to be analysed before it matters.
        .put("initialSilenceTimeoutInSeconds", 30).put("maxSilenceTimeoutInSeconds", 5)
        .put("maxRecordDurationInSeconds", seconds);
    for (int i = 0; i < calls; i++) {
      Probe p = probes[i];
      p.operationId = null;
      p.dueEpochMillis = 0;
      p.completedEpochMicros = 0;
      p.outcome = null;
      if (p.callId == null) {
        continue;
      }
      int index = i;
      client.graphAction(p.callId, "recordResponse", body).onComplete(ar -> onRecordStarted(index, ar, afterStart));
    }
  }

  private void onRecordStarted(int index, AsyncResult<CallemuClient.Response> ar,
      java.util.function.BiConsumer<Integer, String> afterStart) {
    Probe p = probes[index];
    if (ar.failed() || ar.result().status() != 200) {
      problem("recordResponse " + RecognizeRound.describe(ar));
      finished.countDown();
      return;
    }
    p.operationId = new JsonObject(ar.result().body()).getString("id");
    afterStart.accept(index, p.callId);
    client.callDetail(p.callId).onSuccess(detail -> {
      if (detail.status() == 200) {
        p.dueEpochMillis = maxDurationDue(new JsonObject(detail.body()));
      }
    });
  }

  /** {@code media.operations[].timers[name=maxDuration].dueAtMillis}, or 0 when it already fired. */
  private static long maxDurationDue(JsonObject callDetail) {
    for (Object op : callDetail.getJsonObject("media", new JsonObject()).getJsonArray("operations", new JsonArray())) {
      for (Object timer : ((JsonObject) op).getJsonArray("timers", new JsonArray())) {
        JsonObject t = (JsonObject) timer;
        if ("maxDuration".equals(t.getString("name"))) {
          return t.getLong("dueAtMillis", 0L);
        }
      }
    }
    return 0;
  }

  /** Waits until every recording of the round completed (or {@code maxNanos} passed). */
  boolean awaitRecordings(long maxNanos) throws InterruptedException {
    long start = System.nanoTime();
    return Harness.await(finished, start, maxNanos, () -> "recordings finished: " + (connected.get() - finished.getCount()));
  }

  /**
   * Completion lateness after callemu's due time, for the recordings that ended by their max
   * duration and whose due time was read in time.
   */
  Latencies lateness() {
    List<Long> values = new ArrayList<>();
    for (Probe p : probes) {
      if ("maxRecordDurationReached".equals(p.outcome) && p.dueEpochMillis != 0) {
        values.add((p.completedEpochMicros - p.dueEpochMillis * 1_000) * 1_000);
      }
    }
    return new Latencies(values.stream().mapToLong(Long::longValue).toArray());
  }

  /** How many recordings ended how, e.g. {@code {maxRecordDurationReached=1000}}. */
  Map<String, Integer> outcomes() {
    Map<String, Integer> out = new TreeMap<>();
    for (Probe p : probes) {
      if (p.outcome != null) {
        out.merge(p.outcome, 1, Integer::sum);
      }
    }
    return out;
  }

  /** The earliest completion of the round on the wall clock (epoch µs), or 0. */
  long firstCompletionEpochMicros() {
    long first = Long.MAX_VALUE;
    for (Probe p : probes) {
      if (p.completedEpochMicros != 0) {
        first = Math.min(first, p.completedEpochMicros);
      }
    }
    return first == Long.MAX_VALUE ? 0 : first;
  }

  void printCounts() {
    System.out.println("notifications received: " + new TreeMap<>(notifications));
    if (!problems.isEmpty()) {
      System.out.println("problems:");
      problems.forEach((why, count) -> System.out.println("  " + count.sum() + " × " + why));
    }
    if (receiver.rejected() > 0) {
      System.out.println("notification requests refused as malformed: " + receiver.rejected());
    }
  }

  private void onEvent(CallbackReceiver.Event event) {
    notifications.computeIfAbsent(event.type(), t -> new LongAdder()).increment();
    if (event.callIndex() < 0 || event.callIndex() >= calls) {
      return;
    }
    Probe p = probes[event.callIndex()];
    if (event.type().equals("call.established")) {
      connected.incrementAndGet();
      established.countDown();
    } else if (event.type().equals("recordOperation")) {
      if (p.outcome == null && event.data().getString("id", "").equals(p.operationId)) {
        p.completedEpochMicros = event.arrivedEpochMicros();
        p.outcome = event.data().getString("completionReason");
        finished.countDown();
      }
    }
  }

  private void problem(String why) {
    problems.computeIfAbsent(why, w -> new LongAdder()).increment();
  }
}
