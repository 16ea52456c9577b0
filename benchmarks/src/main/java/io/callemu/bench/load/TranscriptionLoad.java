package io.callemu.bench.load;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * How fast callemu's real-time transcription delivers: Final TranscriptionData frames per second
 * through one stream, and, with N transcribed calls whose callers each say a phrase at the same
 * moment, how long after the end of the phrase plus the segmentation silence each Final frame
 * reaches the app's WebSocket server (see {@link TranscriptionRound}); with callemu's memory. An
 * unmeasured warm-up round runs first. Bounded in time, hangs its calls up, stays on loopback.
 *
 * <p>A plain main program rather than JMH: it measures wall-clock behaviour of another process.
 */
public final class TranscriptionLoad {

  private static final String USAGE = String.join("\n",
      "usage: java -cp benchmarks/target/benchmarks.jar io.callemu.bench.load.TranscriptionLoad [options]",
      CallemuTarget.USAGE,
      "  --calls N            concurrent transcribed calls, one phrase each (1000; 1..10000)",
      "  --stream-phrases K   phrases falling due together in one stream, for its frame rate (200; 0 = skip)",
      "  --phrase TEXT        what every caller says (\"Is everything fine\")",
      "  --phrase-ms MS       how long saying it takes (1500; 1..20000)",
      "  --warmup-calls N     calls of an unmeasured first round (1000; 0 = none)",
      "  --connections N      HTTP connections from the harness to callemu (32; 1..1000)",
      "  --max-seconds S      stop waiting and report what arrived after this long, per round (600; 10..3600)",
      "exit code: 0 every Final frame arrived, 1 some did not or callemu failed, 2 bad arguments");

  private static final Set<String> VALUED = CallemuTarget.with(Set.of("calls", "stream-phrases", "phrase",
      "phrase-ms", "warmup-calls", "connections", "max-seconds"), CallemuTarget.VALUED);
  private static final String SILENCE_SETTING = "transcription.segmentationSilenceMs";

  private final CallemuTarget target;
  private final int calls;
  private final int streamPhrases;
  private final String phrase;
  private final int phraseMs;
  private final int warmupCalls;
  private final int connections;
  private final long maxNanos;

  private TranscriptionLoad(LoadArgs args) {
    this.target = new CallemuTarget(args);
    this.calls = args.integer("calls", 1000, 1, 10_000);
    this.streamPhrases = args.integer("stream-phrases", 200, 0, 10_000);
    this.phrase = args.string("phrase", "Is everything fine");
    this.phraseMs = args.integer("phrase-ms", 1500, 1, 20_000);
    this.warmupCalls = args.integer("warmup-calls", 1000, 0, 10_000);
    this.connections = args.integer("connections", 32, 1, 1000);
    this.maxNanos = TimeUnit.SECONDS.toNanos(args.integer("max-seconds", 600, 10, 3600));
    if (phrase.isBlank()) {
      throw new IllegalArgumentException("--phrase must have words, or no Final frame is sent");
    }
  }

  public static void main(String[] argv) {
    Harness.main("TranscriptionLoad", USAGE, argv, VALUED, args -> new TranscriptionLoad(args)::run);
  }

  private int run() throws Exception {
    Vertx vertx = Vertx.vertx();
    // Closing Vert.x at the end closes every receiver's server too.
    CallbackReceiver.Factory callbacks = handler -> Harness.result(CallbackReceiver.start(vertx, handler), 10);
    FrameReceiver.Factory frames = handler -> Harness.result(FrameReceiver.start(vertx, handler), 10);
    CallemuClient client = null;
    try {
      target.start();
      client = new CallemuClient(vertx, target.url(), target.accessKey(), connections);
      long silenceMs = segmentationSilenceMs(client);
      if (warmupCalls > 0) {
        TranscriptionRound warmup = round(client, callbacks, frames, warmupCalls, 1, silenceMs);
        warmup.run(maxNanos, false);
        warmup.hangUp();
        System.out.println("warm-up round: " + warmupCalls + " calls, lateness " + warmup.lateness().summary());
      }
      System.out.printf("%s: against %s, phrase \"%s\" of %d ms, segmentation silence %d ms;"
          + " load average before: %s%n", Instant.now(), target.url(), phrase, phraseMs, silenceMs, LoadAverage.read());
      boolean complete = true;
      if (streamPhrases > 0) {
        TranscriptionRound stream = round(client, callbacks, frames, 1, streamPhrases, silenceMs);
        stream.run(maxNanos, false);
        stream.hangUp();
        System.out.printf("one stream, %d phrases due within %d ms: %d Final frames at %.0f frames/s; lateness %s%n",
            streamPhrases, stream.dueSpreadMs(), stream.finalsReceived(), stream.finalsPerSecondOfFirstCall(),
            stream.lateness().summary());
        complete = stream.finalsReceived() == stream.finalsWanted();
      }
      System.out.println(calls + " transcribed calls, one phrase each, all ending together:");
      TranscriptionRound round = round(client, callbacks, frames, calls, 1, silenceMs);
      round.run(maxNanos, true);
      String memory = target.memoryReport();
      round.hangUp();
      round.printCounts();
      System.out.println("phrases fell due within " + round.dueSpreadMs() + " ms");
      System.out.println("Final frame after the phrase's end + silence: " + round.lateness().summary());
      System.out.println("callemu " + memory);
      System.out.println("load average after: " + LoadAverage.read());
      return complete && round.finalsReceived() == round.finalsWanted() ? 0 : 1;
    } finally {
      if (client != null) {
        client.close();
      }
      Harness.result(vertx.close(), 10);
      target.close();
    }
  }

  private TranscriptionRound round(CallemuClient client, CallbackReceiver.Factory callbacks,
      FrameReceiver.Factory frames, int roundCalls, int phrasesPerCall, long silenceMs) throws Exception {
    return new TranscriptionRound(client, callbacks, frames, roundCalls, phrasesPerCall, phrase, phraseMs, silenceMs);
  }

  /** The silence after a phrase before its Final is due, as this callemu is set. */
  private static long segmentationSilenceMs(CallemuClient client) throws Exception {
    CallemuClient.Response answer = Harness.result(client.settings(), 10);
    if (answer.status() == 200) {
      for (Object o : new JsonObject(answer.body()).getJsonArray("settings")) {
        JsonObject setting = (JsonObject) o;
        if (SILENCE_SETTING.equals(setting.getString("key"))) {
          return Long.parseLong(String.valueOf(setting.getValue("value")));
        }
      }
    }
    throw new IllegalStateException("this callemu lists no " + SILENCE_SETTING
        + " setting (status " + answer.status() + "): does it have real-time transcription?");
  }
}
