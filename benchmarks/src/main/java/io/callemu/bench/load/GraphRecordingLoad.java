package io.callemu.bench.load;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * N concurrent Microsoft Graph calls each recording a response on the wall clock: how late the
 * completions ({@code maxRecordDurationReached}) reach the bot after callemu's own due time, how
 * much heap an active recording holds, and how fast the recordings are written.
 *
 * <p>The harness is the bot: it offers N calls to itself ({@code POST /_emulator/graph/incoming-calls}),
 * answers them (callemu runs with {@code graph.auth=lenient}, which the harness sets) and waits until
 * all are established. The caller of each call then speaks throughout ({@code --caller speech}, no
 * audio: the recording is silence) or sends a WAV of voice-like sound ({@code --caller audio}, the
 * recording holds it). Three rounds of one recordResponse per call (no prompt, no beep, {@code
 * maxRecordDurationInSeconds} = {@code --record-seconds}) run on the same calls: the first warms
 * callemu's JIT up; the second measures lateness and the write throughput (the WAVs' bytes over the
 * time from the first completion to the last file written, from the journal's notes); the third
 * callemu's live heap halfway through against the heap between rounds (it takes full collections,
 * which pause callemu and shrink its heap, hence last). Everything stays on loopback.
 */
public final class GraphRecordingLoad {

  private static final String USAGE = String.join("\n",
      "usage: java -cp benchmarks/target/benchmarks.jar io.callemu.bench.load.GraphRecordingLoad [options]",
      CallemuTarget.USAGE,
      "  --calls N            concurrent Graph calls (1000; 1..10000)",
      "  --record-seconds S   maxRecordDurationInSeconds of every recording (10; 1..120)",
      "  --caller MODE        speech (talks throughout, no sound) or audio (sends a WAV) (speech)",
      "  --connections N      HTTP connections from the harness to callemu (32; 1..1000)",
      "  --max-seconds S      give up waiting after this long per phase (600; 10..3600)",
      "exit code: 0 every recording completed by its max duration, 1 not, 2 bad arguments");

  private static final Set<String> VALUED = CallemuTarget.with(
      Set.of("calls", "record-seconds", "caller", "connections", "max-seconds"), CallemuTarget.VALUED);

  private final CallemuTarget target;
  private final int calls;
  private final int seconds;
  private final boolean audio;
  private final int connections;
  private final long maxNanos;

  private GraphRecordingLoad(LoadArgs args) {
    this.target = new CallemuTarget(args);
    this.calls = args.integer("calls", 1000, 1, 10_000);
    this.seconds = args.integer("record-seconds", 10, 1, 120);
    String caller = args.string("caller", "speech");
    if (!caller.equals("speech") && !caller.equals("audio")) {
      throw new IllegalArgumentException("--caller must be speech or audio");
    }
    this.audio = caller.equals("audio");
    this.connections = args.integer("connections", 32, 1, 1000);
    this.maxNanos = TimeUnit.SECONDS.toNanos(args.integer("max-seconds", 600, 10, 3600));
  }

  public static void main(String[] argv) {
    Harness.main("GraphRecordingLoad", USAGE, argv, VALUED, args -> new GraphRecordingLoad(args)::run);
  }

  private int run() throws Exception {
    Vertx vertx = Vertx.vertx();
    CallemuClient client = null;
    RecordRound round = null;
    try {
      target.start();
      client = new CallemuClient(vertx, target.url(), target.accessKey(), connections);
      // The bot sends no token; the journal keeps a few entries per call and notification.
      JsonObject settings = new JsonObject().put("graph.auth", "lenient")
          .put("journal.capacity", String.valueOf(Math.max(10_000, calls * 40)));
      CallemuClient.Response changed = Harness.result(client.changeSettings(settings), 30);
      if (changed.status() != 200) {
        throw new IllegalStateException("callemu refused the settings: " + changed.bodyText());
      }
      CallbackReceiver.Factory receivers = handler -> Harness.result(
          CallbackReceiver.start(vertx, CallbackReceiver.GRAPH_NOTIFICATIONS, handler), 10);
      System.out.printf("%s: %d Graph calls, recordings of %d s, caller %s, against %s; load average before: %s%n",
          Instant.now(), calls, seconds, audio ? "audio" : "speech", target.url(), LoadAverage.read());
      round = RecordRound.establish(client, receivers, calls, maxNanos);
      System.out.println("established: " + round.established() + "/" + calls);
      // Round 1 warms callemu's JIT up; round 2 measures lateness and writes; round 3 the heap (the
      // full collection that takes pauses callemu and shrinks its heap, so it comes last).
      record(client, round);
      round.awaitRecordings(maxNanos);
      System.out.println("round 1 (warm-up): " + round.outcomes());
      Thread.sleep(2_000);
      long roundStart = System.currentTimeMillis();
      record(client, round);
      boolean complete = round.awaitRecordings(maxNanos);
      Latencies lateness = round.lateness();
      System.out.println("round 2: " + round.outcomes());
      System.out.println("completion lateness after callemu's due time (" + lateness.count() + " recordings): "
          + lateness.summary());
      System.out.println("recording writes: " + writeThroughput(client, roundStart, round.firstCompletionEpochMicros(),
          round.established()));
      boolean allByDuration = round.outcomes().getOrDefault("maxRecordDurationReached", 0) == round.established();
      // The callers talk 2 s past the recordings (their audio is kept while it plays): let it end.
      Thread.sleep(3_000);
      long idleKb = target.liveHeapKb();
      record(client, round);
      Thread.sleep(seconds * 500L);
      long activeKb = target.liveHeapKb();
      round.awaitRecordings(maxNanos);
      if (idleKb < 0 || activeKb < 0) {
        System.out.println("heap not measured (give --callemu-pid, or --start-callemu)");
      } else {
        System.out.printf("round 3, live heap: %.1f MB between recordings, %.1f MB halfway through %d recordings:"
            + " %.0f bytes per active recording%n", idleKb / 1024.0, activeKb / 1024.0, round.established(),
            (activeKb - idleKb) * 1024.0 / Math.max(1, round.established()));
      }
      round.printCounts();
      System.out.println("load average after: " + LoadAverage.read());
      return complete && allByDuration ? 0 : 1;
    } finally {
      if (round != null) {
        List<Future<CallemuClient.Response>> hangUps = new ArrayList<>();
        for (String id : round.callIds()) {
          hangUps.add(client.graphHangUp(id));
        }
        try {
          Harness.result(Future.join(hangUps), 120);
        } catch (Exception e) {
          System.out.println("  some calls could not be hung up: " + e);
        }
      }
      if (client != null) {
        client.close();
      }
      Harness.result(vertx.close(), 10);
      target.close();
    }
  }

  /** Starts one recording per call with the caller's input: speech throughout, or a WAV a second longer. */
  private void record(CallemuClient client, RecordRound round) {
    long talkMs = (seconds + 2) * 1000L;
    byte[] wav = audio ? voiceWav((int) talkMs) : null;
    round.startRecordings(seconds, (index, callId) -> {
      if (audio) {
        client.audio(callId, wav, 0);
      } else {
        client.say(callId, "a response that goes on", 0, talkMs);
      }
    });
  }

  /**
   * {@code ms} of voice-like sound after 200 ms of silence, 16 kHz mono: syllables of 300 ms
   * (harmonics of 150 Hz) with 120 ms pauses, which a voice detector hears as one utterance (the
   * pauses are shorter than the segmentation silence; a steady tone would become its noise floor).
   */
  static byte[] voiceWav(int ms) {
    int rate = 16_000;
    int lead = rate / 5;
    int n = lead + rate * ms / 1000;
    int syllable = rate * 300 / 1000;
    int pause = rate * 120 / 1000;
    ByteBuffer b = ByteBuffer.allocate(44 + 2 * n).order(ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes()).putInt(36 + 2 * n).put("WAVE".getBytes()).put("fmt ".getBytes()).putInt(16)
        .putShort((short) 1).putShort((short) 1).putInt(rate).putInt(rate * 2).putShort((short) 2)
        .putShort((short) 16).put("data".getBytes()).putInt(2 * n);
    for (int i = 0; i < n; i++) {
      double v = 0;
      if (i >= lead && (i - lead) % (syllable + pause) < syllable) {
        double t = (double) (i - lead) / rate;
        for (int h = 1; h <= 5; h++) {
          v += Math.sin(2 * Math.PI * 150 * h * t) / h;
        }
      }
      b.putShort((short) (9_000 * v));
    }
    return b.array();
  }

  /**
   * The round's WAV bytes over the time from its first completion to the last "written" note of a
   * recording in the journal (wall-clock times; the notes carry milliseconds), once {@code expected}
   * files were written or {@code --max-seconds} passed.
   */
  private String writeThroughput(CallemuClient client, long roundStartEpochMillis, long firstCompletionEpochMicros,
      int expected) throws Exception {
    long deadline = System.nanoTime() + maxNanos;
    long last;
    long bytes;
    int files;
    while (true) {
      last = 0;
      bytes = 0;
      files = 0;
      CallemuClient.Response notes = Harness.result(client.journal("media"), 60);
      for (Object o : new JsonObject(notes.body()).getJsonArray("events")) {
        JsonObject note = (JsonObject) o;
        String message = note.getString("message", "");
        long wall = Instant.parse(note.getString("wallTime")).toEpochMilli();
        if (message.startsWith("recording ") && message.contains(" written: ") && wall >= roundStartEpochMillis) {
          last = Math.max(last, wall);
          bytes += Long.parseLong(message.replaceAll(".* ms, (\\d+) bytes;.*", "$1"));
          files++;
        }
      }
      if (files >= expected || System.nanoTime() > deadline) {
        break;
      }
      Thread.sleep(500);
    }
    if (files == 0 || firstCompletionEpochMicros == 0) {
      return "no recording written (or the journal dropped the notes)";
    }
    double spanSeconds = Math.max(1, last * 1000 - firstCompletionEpochMicros) / 1e6;
    return String.format("%d files, %.1f MB, the last %.0f ms after the first completion: %.1f MB/s",
        files, bytes / 1e6, spanSeconds * 1000, bytes / 1e6 / spanSeconds);
  }
}
