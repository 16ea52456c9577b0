package io.callemu.bench.load;

import io.vertx.core.AsyncResult;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * One round of {@link TranscriptionLoad}: N calls created with transcription starting at connect
 * and streaming to the harness's WebSocket server; once every stream sent its
 * TranscriptionMetadata, the caller of every call says P phrases (control API speech), all timed
 * to end at the same moment so that their Final frames fall due together; each Final frame's
 * arrival is compared with its due time: the end of the phrase as callemu scheduled it
 * ({@code endsAt} of the speech request's answer) plus the segmentation silence. Frame handlers run
 * on Vert.x event loops and never block; the waiting methods are for the main thread.
 */
final class TranscriptionRound {

  private static final String TARGET_PREFIX = "8:acs:callemu-tx-load-";
  /** Time to post every speech request before the phrases start, so that they can end together. */
  private static final long LEAD_MS = 3_000;

  /** What the harness knows of one call; written from event loops, read by the main thread. */
  private static final class Probe {
    /** Set once: the stream opened, or the call failed before it could. */
    final AtomicBoolean settled = new AtomicBoolean();
    volatile boolean streamOpen;
    volatile String callConnectionId;
    /** Due times (epoch µs) of the phrases said, and arrivals (epoch µs) of their Final frames. */
    final ConcurrentLinkedQueue<Long> dues = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<Long> finals = new ConcurrentLinkedQueue<>();
  }

  private final CallemuClient client;
  private final int calls;
  private final int phrasesPerCall;
  private final long phraseMs;
  private final long silenceMs;
  private final String text;
  private final Probe[] probes;
  private final CallbackReceiver callbacks;
  private final FrameReceiver frames;
  private final CountDownLatch streamsSettled;
  private final CountDownLatch finalsExpected;
  private final Map<String, LongAdder> eventCounts = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> frameCounts = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> problems = new ConcurrentHashMap<>();
  private final LongAdder opened = new LongAdder();
  private final LongAdder said = new LongAdder();
  private final LongAdder finalsReceived = new LongAdder();

  /** Opens the round's own callback and WebSocket endpoints. */
  TranscriptionRound(CallemuClient client, CallbackReceiver.Factory callbackFactory, FrameReceiver.Factory frameFactory,
      int calls, int phrasesPerCall, String text, long phraseMs, long silenceMs) throws Exception {
    this.client = client;
    this.calls = calls;
    this.phrasesPerCall = phrasesPerCall;
    this.text = text;
    this.phraseMs = phraseMs;
    this.silenceMs = silenceMs;
    this.probes = new Probe[calls];
    for (int i = 0; i < calls; i++) {
      probes[i] = new Probe();
    }
    this.streamsSettled = new CountDownLatch(calls);
    this.finalsExpected = new CountDownLatch(calls * phrasesPerCall);
    this.callbacks = callbackFactory.start(this::onEvent);
    this.frames = frameFactory.start(this::onFrame);
  }

  /** Runs the round until every Final arrived or {@code maxNanos} passed. */
  void run(long maxNanos, boolean verbose) throws InterruptedException {
    long start = System.nanoTime();
    Supplier<String> progress = verbose ? this::progress : null;
    for (int i = 0; i < calls; i++) {
      int index = i;
      client.createTranscribedCall(TARGET_PREFIX + index, callbacks.uriFor(index), frames.urlFor(index), "tx-" + index)
          .onComplete(ar -> onCreated(index, ar));
    }
    if (!Harness.await(streamsSettled, start, maxNanos, progress)) {
      return;
    }
    if (verbose) {
      System.out.printf("  %d transcription streams open after %.1f s; the callers speak%n",
          opened.sum(), (System.nanoTime() - start) / 1e9);
    }
    long speakAt = System.currentTimeMillis() + LEAD_MS;
    for (int i = 0; i < calls; i++) {
      Probe probe = probes[i];
      if (!probe.streamOpen) {
        continue;
      }
      for (int p = 0; p < phrasesPerCall; p++) {
        int index = i;
        client.say(probe.callConnectionId, text, speakAt, phraseMs).onComplete(ar -> onSaid(index, ar));
      }
    }
    Harness.await(finalsExpected, start, maxNanos, progress);
  }

  /** Lateness of every Final frame after its phrase's end plus the segmentation silence. */
  Latencies lateness() {
    List<Long> values = new ArrayList<>();
    for (Probe p : probes) {
      // Phrases of one call all fall due within a few ms; pairing by rank is exact for one phrase.
      List<Long> dues = p.dues.stream().sorted().toList();
      List<Long> arrivals = p.finals.stream().sorted().toList();
      for (int i = 0; i < Math.min(dues.size(), arrivals.size()); i++) {
        values.add((arrivals.get(i) - dues.get(i)) * 1_000);
      }
    }
    return new Latencies(values.stream().mapToLong(Long::longValue).toArray());
  }

  /** Final frames per second through call 0's stream, from its first to its last Final. */
  double finalsPerSecondOfFirstCall() {
    List<Long> arrivals = probes[0].finals.stream().sorted().toList();
    if (arrivals.size() < 2) {
      return 0;
    }
    return (arrivals.size() - 1) / ((arrivals.get(arrivals.size() - 1) - arrivals.get(0)) / 1e6);
  }

  /** From the first phrase's due time to the last one's, in ms (0 when they all fell due at once). */
  long dueSpreadMs() {
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    for (Probe p : probes) {
      for (long due : p.dues) {
        first = Math.min(first, due);
        last = Math.max(last, due);
      }
    }
    return first > last ? 0 : (last - first) / 1_000;
  }

  long finalsReceived() {
    return finalsReceived.sum();
  }

  int finalsWanted() {
    return calls * phrasesPerCall;
  }

  void printCounts() {
    System.out.printf("streams opened %d/%d, phrases said %d/%d, Final frames %d/%d%n",
        opened.sum(), calls, said.sum(), finalsWanted(), finalsReceived(), finalsWanted());
    System.out.println("callbacks received: " + new TreeMap<>(eventCounts));
    System.out.println("frames received: " + new TreeMap<>(frameCounts));
    if (frames.malformed() + callbacks.rejected() > 0) {
      System.out.println("malformed frames: " + frames.malformed() + ", refused callbacks: " + callbacks.rejected());
    }
    if (!problems.isEmpty()) {
      System.out.println("problems, by reason:");
      problems.forEach((why, count) -> System.out.println("  " + count.sum() + " × " + why));
    }
  }

  /** Leaves every call of the round. */
  void hangUp() {
    List<String> ids = new ArrayList<>();
    for (Probe probe : probes) {
      if (probe.callConnectionId != null) {
        ids.add(probe.callConnectionId);
      }
    }
    Harness.hangUp(client, ids);
  }

  private String progress() {
    return String.format("streams open %d, phrases said %d, Final frames %d",
        opened.sum(), said.sum(), finalsReceived.sum());
  }

  private void onCreated(int index, AsyncResult<CallemuClient.Response> ar) {
    if (ar.failed() || ar.result().status() != 201) {
      problem("createCall " + RecognizeRound.describe(ar));
      settleStream(index);
      return;
    }
    probes[index].callConnectionId = new JsonObject(ar.result().body()).getString("callConnectionId");
  }

  private void onSaid(int index, AsyncResult<CallemuClient.Response> ar) {
    if (ar.failed() || ar.result().status() != 202) {
      problem("speech " + RecognizeRound.describe(ar));
      finalsExpected.countDown();
      return;
    }
    long endsAtMillis = Instant.parse(new JsonObject(ar.result().body()).getString("endsAt")).toEpochMilli();
    probes[index].dues.add((endsAtMillis + silenceMs) * 1_000);
    said.increment();
  }

  private void onEvent(CallbackReceiver.Event event) {
    eventCounts.computeIfAbsent(event.type(), t -> new LongAdder()).increment();
    if (event.type().equals("TranscriptionFailed") || event.type().equals("CreateCallFailed")) {
      problem(event.type() + " " + event.data().getJsonObject("resultInformation", new JsonObject()).encode());
      if (event.callIndex() >= 0 && event.callIndex() < calls) {
        settleStream(event.callIndex());
      }
    }
  }

  private void onFrame(FrameReceiver.Frame frame) {
    frameCounts.computeIfAbsent(frame.kind(), k -> new LongAdder()).increment();
    if (frame.callIndex() < 0 || frame.callIndex() >= calls) {
      return;
    }
    Probe probe = probes[frame.callIndex()];
    if (frame.kind().equals("TranscriptionMetadata")) {
      probe.callConnectionId = frame.body().getString("callConnectionId", probe.callConnectionId);
      if (probe.settled.compareAndSet(false, true)) {
        probe.streamOpen = true;
        opened.increment();
        streamsSettled.countDown();
      }
    } else if (frame.kind().equals("TranscriptionData")
        && "final".equalsIgnoreCase(frame.body().getString("resultStatus"))) {
      probe.finals.add(frame.arrivedEpochMicros());
      finalsReceived.increment();
      finalsExpected.countDown();
    }
  }

  /** A call whose stream will never open: it neither waits the round nor gets phrases. */
  private void settleStream(int index) {
    if (probes[index].settled.compareAndSet(false, true)) {
      streamsSettled.countDown();
      for (int p = 0; p < phrasesPerCall; p++) {
        finalsExpected.countDown();
      }
    }
  }

  private void problem(String why) {
    problems.computeIfAbsent(why, w -> new LongAdder()).increment();
  }
}
