package io.callemu.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.callemu.emulator.Callemu;
import io.callemu.emulator.CallemuConfig;
import io.callemu.emulator.surface.acs.auth.AcsRequestSigner;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A measurement, not a test of speed: 1,000 live calls in one callemu (wall clock) and the console
 * open on them in headless Chromium. It records how long the page takes to show the list, then
 * drives the callers' keys at rising rates and records the feed messages per second the page
 * applied, whether it had to resync, its longest batch and its long tasks. The figures go to
 * target/console-load.json and stdout (README "Web console" quotes them with the machine's load);
 * the assertions only check that the measurement ran.
 */
class ConsoleLoadMeasurementTest {

  static final int CALLS = 1_000;
  /** Key presses per second offered in each phase (each press: an input item and a call row). */
  static final int[] RATES = {0, 250, 1_000, 3_000};
  static final int PHASE_SECONDS = 4;
  static final String API = "2026-03-12";
  static final DateTimeFormatter RFC1123 =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

  @TempDir
  Path dataDir;

  private final HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(4)).build();

  @Test
  void aThousandLiveCallsInThePage() throws Exception {
    Path out = Path.of("target");
    HttpServer app = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
    app.createContext("/", exchange -> {
      exchange.getRequestBody().readAllBytes();
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    });
    app.setExecutor(Executors.newFixedThreadPool(4));
    app.start();
    try (Callemu callemu = Callemu.start(CallemuConfig.defaults().withPort(0).withHttpsPort(-1).withDataDir(dataDir)
        .withSetting("call.ringMs", "0").withSetting("rtp.portPerCall", "false"))) {
      String callback = "http://127.0.0.1:" + app.getAddress().getPort() + "/cb";
      List<String> ids = createCalls(callemu, callback);
      JsonObject report = new JsonObject().put("calls", CALLS).put("cores", Runtime.getRuntime().availableProcessors())
          .put("loadBefore", loadAverage());

      try (NodeScript browser = NodeScript.start("console-load.mjs", List.of(callemu.consoleUrl(), String.valueOf(CALLS),
          out.toAbsolutePath().toString()))) {
        JsonObject ready = browser.next(180);
        assertThat(ready.getBoolean("ready")).as(ready.encode()).isTrue();
        assertThat(ready.getInteger("rows")).isEqualTo(CALLS);
        report.put("list", ready);
        JsonArray phases = new JsonArray();
        for (int rate : RATES) {
          Load load = Load.start(this, callemu, ids, rate);
          try {
            browser.tell("sample " + (PHASE_SECONDS - 1));
            JsonObject sample = browser.next(60);
            phases.add(sample.put("offeredPressesPerSecond", rate).put("pressesSent", load.sent.get())
                .put("loadAverage", loadAverage()));
          } finally {
            load.stop();
          }
        }
        report.put("phases", phases);
        // A tab that stops reading for 3 s under load.
        Load load = Load.start(this, callemu, ids, 1_000);
        try {
          browser.tell("freeze 3");
          JsonObject frozen = browser.next(60);
          report.put("frozenTab", frozen);
          assertThat(frozen.getInteger("rows")).as(frozen.encode()).isEqualTo(CALLS);
        } finally {
          load.stop();
        }
        browser.tell("quit");
      }
      Files.writeString(out.resolve("console-load.json"), report.encodePrettily());
      System.out.println("console load measurement (target/console-load.json):\n" + report.encodePrettily());
      assertThat(report.getJsonArray("phases")).hasSize(RATES.length);
    } finally {
      app.stop(0);
    }
  }

  /** Creates the calls through the ACS surface (signed as the SDKs sign), 32 at a time. */
  private List<String> createCalls(Callemu callemu, String callback) throws Exception {
    List<CompletableFuture<String>> created = new ArrayList<>();
    Semaphore inFlight = new Semaphore(32);
    for (int i = 0; i < CALLS; i++) {
      String number = String.format(Locale.ROOT, "+1555%07d", i);
      JsonObject body = new JsonObject()
          .put("targets", new JsonArray().add(new JsonObject().put("kind", "phoneNumber").put("rawId", "4:" + number)
              .put("phoneNumber", new JsonObject().put("value", number))))
          .put("sourceCallerIdNumber", new JsonObject().put("value", "+18005550100"))
          .put("callbackUri", callback).put("operationContext", "load-" + i);
      inFlight.acquire();
      created.add(http.sendAsync(signed(callemu, "/calling/callConnections?api-version=" + API, body),
              HttpResponse.BodyHandlers.ofString())
          .whenComplete((r, e) -> inFlight.release())
          .thenApply(r -> {
            if (r.statusCode() != 201) {
              throw new IllegalStateException("create call: " + r.statusCode() + " " + r.body());
            }
            return new JsonObject(r.body()).getString("callConnectionId");
          }));
    }
    List<String> ids = new ArrayList<>();
    for (CompletableFuture<String> f : created) {
      ids.add(f.get(60, TimeUnit.SECONDS));
    }
    return ids;
  }

  private HttpRequest signed(Callemu callemu, String pathAndQuery, JsonObject body) {
    byte[] bytes = body.encode().getBytes(StandardCharsets.UTF_8);
    URI uri = URI.create(callemu.httpUrl() + pathAndQuery);
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
        .header("Content-Type", "application/json");
    new AcsRequestSigner(callemu.accessKey()).sign("POST", pathAndQuery, uri.getHost() + ":" + uri.getPort(),
        RFC1123.format(ZonedDateTime.now(ZoneOffset.UTC)), bytes).asMap().forEach(b::header);
    return b.build();
  }

  /** Presses "1" on the calls in turn at {@code rate} per second until stopped, at most 64 requests in flight. */
  private static final class Load {
    final AtomicLong sent = new AtomicLong();
    final java.util.concurrent.ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    final Semaphore inFlight = new Semaphore(64);

    static Load start(ConsoleLoadMeasurementTest test, Callemu callemu, List<String> ids, int rate) {
      Load load = new Load();
      long periodMicros = 10_000;
      double perTick = rate / 100.0;
      double[] owed = {0};
      int[] next = {0};
      load.ticker.scheduleAtFixedRate(() -> {
        owed[0] += perTick;
        while (owed[0] >= 1 && load.inFlight.tryAcquire()) {
          owed[0] -= 1;
          String id = ids.get(next[0]++ % ids.size());
          HttpRequest press = HttpRequest.newBuilder(URI.create(callemu.httpUrl() + "/_emulator/calls/" + id + "/dtmf"))
              .POST(HttpRequest.BodyPublishers.ofString("{\"tones\":\"1\",\"toneMs\":40,\"gapMs\":10}"))
              .header("Content-Type", "application/json").build();
          test.http.sendAsync(press, HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> {
            load.inFlight.release();
            if (r != null && r.statusCode() == 202) {
              load.sent.incrementAndGet();
            }
          });
        }
      }, 0, periodMicros, TimeUnit.MICROSECONDS);
      return load;
    }

    void stop() throws InterruptedException {
      ticker.shutdownNow();
      ticker.awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (Exception e) {
      return "unknown";
    }
  }
}
