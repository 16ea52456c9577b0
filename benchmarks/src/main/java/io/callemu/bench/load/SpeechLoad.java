package io.callemu.bench.load;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How callemu's Speech surface holds up: N concurrent Speech SDK-style WebSocket sessions each
 * streaming a real recording several times at a multiple of real time ({@link SpeechStream}), timed
 * from the end of each utterance plus the segmentation silence to its {@code speech.phrase} (p50/p99),
 * with callemu's CPU per session over that phase and its live heap per open session; then REST
 * requests per second for the recording (about 3 s) over a few connections. An unmeasured warm-up
 * round runs first. Bounded in time; stays on loopback.
 *
 * <p>A plain main program rather than JMH: it measures wall-clock behaviour of another process.
 */
public final class SpeechLoad {

  private static final String USAGE = String.join("\n",
      "usage: java -cp benchmarks/target/benchmarks.jar io.callemu.bench.load.SpeechLoad [options]",
      CallemuTarget.USAGE,
      "  --wav FILE           16 kHz mono 16-bit WAV to stream (conformance-tests/src/test/resources/speech/pencils.wav)",
      "  --sessions N         concurrent WebSocket sessions (200; 1..5000)",
      "  --repeat K           times each session streams the recording in its turn (3; 1..100)",
      "  --speed X100         streaming speed in hundredths of real time (200 = 2x; 10..10000)",
      "  --segmentation-ms MS the sessions' segmentation silence (500; 100..5000)",
      "  --warmup-sessions N  sessions of an unmeasured first round (50; 0..5000)",
      "  --rest-seconds S     how long REST requests are sent (10; 0 = skip; 0..600)",
      "  --rest-connections N concurrent REST requests (8; 1..500)",
      "  --speech-key KEY     callemu's Speech key (the well-known key)",
      "exit code: 0 every phrase arrived and every request was answered 200, 1 otherwise, 2 bad arguments");

  private static final Set<String> VALUED = CallemuTarget.with(Set.of("wav", "sessions", "repeat", "speed",
      "segmentation-ms", "warmup-sessions", "rest-seconds", "rest-connections", "speech-key"), CallemuTarget.VALUED);
  private static final String PATH = "/speech/recognition/conversation/cognitiveservices/v1?language=en-US";

  private final CallemuTarget target;
  private final Path wavPath;
  private final int sessions;
  private final int repeat;
  private final double speed;
  private final int segmentationMs;
  private final int warmupSessions;
  private final int restSeconds;
  private final int restConnections;
  private final String key;

  private SpeechLoad(LoadArgs args) {
    this.target = new CallemuTarget(args);
    this.wavPath = Path.of(args.string("wav", "conformance-tests/src/test/resources/speech/pencils.wav"));
    this.sessions = args.integer("sessions", 200, 1, 5_000);
    this.repeat = args.integer("repeat", 3, 1, 100);
    this.speed = args.integer("speed", 200, 10, 10_000) / 100.0;
    this.segmentationMs = args.integer("segmentation-ms", 500, 100, 5_000);
    this.warmupSessions = args.integer("warmup-sessions", 50, 0, 5_000);
    this.restSeconds = args.integer("rest-seconds", 10, 0, 600);
    this.restConnections = args.integer("rest-connections", 8, 1, 500);
    this.key = args.string("speech-key", io.callemu.emulator.Callemu.WELL_KNOWN_SPEECH_KEY);
  }

  public static void main(String[] argv) {
    Harness.main("SpeechLoad", USAGE, argv, VALUED, args -> new SpeechLoad(args)::run);
  }

  private int run() throws Exception {
    SpeechWav wav = SpeechWav.read(wavPath);
    Vertx vertx = Vertx.vertx();
    try {
      target.start();
      URI base = URI.create(target.url());
      HttpClient http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true),
          new PoolOptions().setHttp1MaxSize(restConnections + 2));
      WebSocketClient ws = vertx.createWebSocketClient(new WebSocketClientOptions()
          .setMaxConnections(Math.max(sessions, warmupSessions) + 10).setMaxFrameSize(65_536));
      System.out.printf("%s: against %s, %s (%d ms), %d cores here; load average before: %s%n", Instant.now(),
          target.url(), wavPath, wav.millis(), Runtime.getRuntime().availableProcessors(), LoadAverage.read());
      if (warmupSessions > 0) {
        Round warmup = round(vertx, http, ws, base, wav, warmupSessions);
        System.out.println("warm-up: " + warmupSessions + " sessions, phrase lateness " + warmup.latencies().summary());
      }
      long pid = target.pid();
      long cpuBefore = pid > 0 ? CallemuProcess.cpuNanos(pid) : -1;
      long ownCpuBefore = CallemuProcess.cpuNanos(ProcessHandle.current().pid());
      long wallBefore = System.nanoTime();
      Round measured = round(vertx, http, ws, base, wav, sessions);
      long wall = System.nanoTime() - wallBefore;
      long cpu = pid > 0 ? CallemuProcess.cpuNanos(pid) - cpuBefore : -1;
      long ownCpu = CallemuProcess.cpuNanos(ProcessHandle.current().pid()) - ownCpuBefore;
      int wanted = sessions * repeat;
      System.out.printf("%d sessions x %d utterances at %.1fx real time (%d ms of audio each), segmentation %d ms:"
          + " %d of %d phrases, %d sessions failed%n", sessions, repeat, speed, wav.millis() * repeat, segmentationMs,
          measured.phrases(), wanted, measured.failures());
      System.out.println("speech.phrase after the utterance's end + segmentation silence: "
          + measured.latencies().summary());
      System.out.printf("the harness: %.2f s of CPU; its chunks went out behind schedule by %s%n", ownCpu / 1e9,
          measured.sendLag().summary());
      if (cpu >= 0) {
        System.out.printf("callemu CPU: %.2f s over %.2f s of streaming = %.2f%% of a core per session"
            + " (%.2f ms of CPU per second of audio)%n", cpu / 1e9, wall / 1e9, 100.0 * cpu / wall / sessions,
            cpu / 1e6 / (sessions * wav.millis() * repeat / 1000.0));
        heapPerSession(vertx, ws, base, wav, pid);
      } else {
        System.out.println("CPU and heap not measured (give --callemu-pid or --start-callemu)");
      }
      RestResult rest = restSeconds > 0 ? rest(vertx, http, base, wav) : null;
      System.out.println("callemu " + target.memoryReport());
      System.out.println("load average after: " + LoadAverage.read());
      boolean ok = measured.phrases() == wanted && measured.failures() == 0 && (rest == null || rest.failed() == 0);
      return ok ? 0 : 1;
    } finally {
      Harness.result(vertx.close(), 10);
      target.close();
    }
  }

  private record Round(Latencies latencies, Latencies sendLag, int phrases, int failures) {
  }

  /** {@code count} sessions started over the first second, each one utterance-queue transcript per utterance. */
  private Round round(Vertx vertx, HttpClient http, WebSocketClient ws, URI base, SpeechWav wav, int count)
      throws Exception {
    JsonArray texts = new JsonArray();
    for (int i = 0; i < count * repeat; i++) {
      texts.add(new JsonObject().put("text", "remind me to buy five pencils"));
    }
    Harness.result(control(http, base, HttpMethod.DELETE, "/_emulator/speech/transcripts", null), 10);
    Harness.result(control(http, base, HttpMethod.POST, "/_emulator/speech/transcripts", texts.encode()), 30);
    ConcurrentLinkedQueue<Long> lateness = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<Long> lags = new ConcurrentLinkedQueue<>();
    AtomicLong phrases = new AtomicLong();
    AtomicLong failures = new AtomicLong();
    List<Future<Integer>> all = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Promise<Integer> one = Promise.promise();
      all.add(one.future());
      vertx.setTimer(1 + (long) i * 1000 / count, id -> new SpeechStream(vertx, wav, repeat, speed, segmentationMs,
          lateness::add, lags::add).run(ws, base.getHost(), base.getPort(), key).onComplete(ar -> {
            if (ar.succeeded()) {
              phrases.addAndGet(ar.result());
            } else {
              failures.incrementAndGet();
              System.out.println("  a session failed: " + ar.cause().getMessage());
            }
            one.complete();
          }));
    }
    long timeout = 60 + (long) (wav.millis() * repeat / speed / 1000) * 3;
    Harness.result(Future.join(all), timeout);
    long[] values = lateness.stream().mapToLong(Long::longValue).toArray();
    return new Round(new Latencies(values), new Latencies(lags.stream().mapToLong(Long::longValue).toArray()),
        (int) phrases.get(), (int) failures.get());
  }

  /** Live heap with {@code sessions} sessions open, each a second into its turn, against none. */
  private void heapPerSession(Vertx vertx, WebSocketClient client, URI base, SpeechWav wav, long pid)
      throws Exception {
    long[] before = CallemuProcess.liveHeapKb(pid);
    List<WebSocket> open = new ArrayList<>();
    List<Future<WebSocket>> connecting = new ArrayList<>();
    for (int i = 0; i < sessions; i++) {
      connecting.add(client.connect(new WebSocketConnectOptions().setHost(base.getHost()).setPort(base.getPort())
          .setURI(PATH).addHeader("Ocp-Apim-Subscription-Key", key)));
    }
    for (Future<WebSocket> f : connecting) {
      WebSocket ws = Harness.result(f, 30);
      open.add(ws);
      String id = java.util.UUID.randomUUID().toString().replace("-", "");
      byte[] oneSecond = java.util.Arrays.copyOf(wav.pcm, Math.min(wav.pcm.length, 32_000));
      ws.writeBinaryMessage(audioMessage(id, SpeechWav.streamingHeader()));
      for (int at = 0; at < oneSecond.length; at += SpeechWav.CHUNK_BYTES) {
        ws.writeBinaryMessage(audioMessage(id, java.util.Arrays.copyOfRange(oneSecond, at,
            Math.min(oneSecond.length, at + SpeechWav.CHUNK_BYTES))));
      }
    }
    // let callemu read what was written before it is measured
    Harness.result(vertx.timer(1, TimeUnit.SECONDS), 10);
    long[] during = CallemuProcess.liveHeapKb(pid);
    for (WebSocket ws : open) {
      ws.close();
    }
    if (before == null || during == null) {
      System.out.println("heap per session not measured (jcmd failed)");
      return;
    }
    System.out.printf("callemu live heap: %.1f MB with no session, %.1f MB with %d sessions open mid-turn ="
        + " %.1f KB per session%n", before[0] / 1024.0, during[0] / 1024.0, sessions,
        (during[0] - before[0]) / (double) sessions);
  }

  private static Buffer audioMessage(String requestId, byte[] payload) {
    byte[] headers = ("Path: audio\r\nX-RequestId: " + requestId + "\r\n").getBytes();
    return Buffer.buffer().appendShort((short) headers.length).appendBytes(headers).appendBytes(payload);
  }

  private record RestResult(int ok, int failed) {
  }

  /** {@code restConnections} loops posting the recording for {@code restSeconds}; its transcript registered by hash. */
  private RestResult rest(Vertx vertx, HttpClient http, URI base, SpeechWav wav) throws Exception {
    Harness.result(control(http, base, HttpMethod.DELETE, "/_emulator/speech/transcripts", null), 10);
    Harness.result(control(http, base, HttpMethod.POST, "/_emulator/speech/transcripts",
        new JsonObject().put("text", "remind me to buy five pencils").put("pcmSha256", wav.pcmSha256()).encode()), 10);
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(restSeconds);
    ConcurrentLinkedQueue<Long> times = new ConcurrentLinkedQueue<>();
    AtomicLong failed = new AtomicLong();
    List<Future<Void>> loops = new ArrayList<>();
    long start = System.nanoTime();
    for (int i = 0; i < restConnections; i++) {
      Promise<Void> loop = Promise.promise();
      loops.add(loop.future());
      restLoop(http, base, wav, end, times, failed, loop);
    }
    Harness.result(Future.join(loops), restSeconds + 60L);
    double seconds = (System.nanoTime() - start) / 1e9;
    Harness.result(control(http, base, HttpMethod.DELETE, "/_emulator/speech/transcripts", null), 10);
    long[] values = times.stream().mapToLong(Long::longValue).toArray();
    System.out.printf("REST: %d requests of the %d ms recording over %d connections in %.1f s = %.0f requests/s"
        + " (%d not 200); time per request %s%n", values.length, wav.millis(), restConnections, seconds,
        values.length / seconds, failed.get(), new Latencies(values).summary());
    return new RestResult(values.length, (int) failed.get());
  }

  private void restLoop(HttpClient http, URI base, SpeechWav wav, long endNanos, ConcurrentLinkedQueue<Long> times,
      AtomicLong failed, Promise<Void> loop) {
    if (System.nanoTime() >= endNanos) {
      loop.complete();
      return;
    }
    long sent = System.nanoTime();
    http.request(new RequestOptions().setMethod(HttpMethod.POST).setHost(base.getHost()).setPort(base.getPort())
            .setURI("/speech/recognition/interactive/cognitiveservices/v1?language=en-US")
            .putHeader("Ocp-Apim-Subscription-Key", key).putHeader("Content-Type", "audio/wav"))
        .compose(req -> req.send(Buffer.buffer(wav.file)).compose(res -> res.body().map(body -> res.statusCode())))
        .onComplete(ar -> {
          times.add(System.nanoTime() - sent);
          if (ar.failed() || ar.result() != 200) {
            failed.incrementAndGet();
          }
          restLoop(http, base, wav, endNanos, times, failed, loop);
        });
  }

  private static Future<Integer> control(HttpClient http, URI base, HttpMethod method, String path, String json) {
    return http.request(new RequestOptions().setMethod(method).setHost(base.getHost()).setPort(base.getPort())
            .setURI(path).putHeader("Content-Type", "application/json"))
        .compose(req -> json == null ? req.send() : req.send(json))
        .compose(res -> res.body().map(body -> {
          if (res.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + path + " answered " + res.statusCode() + ": " + body);
          }
          return res.statusCode();
        }));
  }
}
