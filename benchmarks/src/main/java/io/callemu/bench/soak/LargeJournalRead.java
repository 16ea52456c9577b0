package io.callemu.bench.soak;

import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A journal of 300,000 entries (unauthenticated ACS requests, each journalled with its 401), then
 * one {@code GET /_emulator/events}: how long it takes, how big it is, and how long health waits
 * meanwhile (the read runs on the emulator's event loop).
 */
final class LargeJournalRead implements Scenario {

  private static final int ENTRIES = 300_000;
  private static final int IN_FLIGHT = 256;
  private static final double HEALTH_MAX_TARGET_MS = 100;

  @Override
  public String name() {
    return "events-read";
  }

  @Override
  public String finding() {
    return "GET /_emulator/events over a 300,000-entry journal blocks the event loop for seconds";
  }

  @Override
  public ChildLaunch launch(Bench bench) {
    return ChildLaunch.defaults().set("journal.capacity", Math.max(10, bench.scaled(ENTRIES)) + 1_000);
  }

  @Override
  public void run(Bench bench, Target target, Outcome outcome) throws Exception {
    int entries = bench.scaled(ENTRIES);
    outcome.before(target);
    long fillMs = fill(bench, target, entries, outcome);
    outcome.figure("journal filled with", entries + " unauthenticated requests in " + fillMs + " ms");
    RawHttp.Response events;
    try (HealthProbe probe = HealthProbe.start(target)) {
      Thread.sleep(1_000);
      events = Bench.control(target, "GET", "/_emulator/events", null);
      Thread.sleep(1_000);
      outcome.during(target, probe);
      outcome.health(probe);
      outcome.figure("GET /_emulator/events", events.status() + ", " + events.body().length / (1 << 20) + " MB in "
          + events.millis() + " ms");
      double maxMs = probe.latencies().max() / 1e6;
      outcome.check("health max during the read (event loop never blocked)", "≤ " + HEALTH_MAX_TARGET_MS + " ms",
          String.format("%.0f ms", maxMs), maxMs <= HEALTH_MAX_TARGET_MS);
    }
    Bench.reset(target);
    outcome.after(target);
    outcome.checkNoServerErrors();
  }

  /** Sends {@code entries} unauthenticated GETs, {@value #IN_FLIGHT} at a time; returns the ms taken. */
  private static long fill(Bench bench, Target target, int entries, Outcome outcome) throws Exception {
    HttpClient http = bench.vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true),
        new PoolOptions().setHttp1MaxSize(16));
    AtomicLong started = new AtomicLong();
    AtomicLong serverErrors = new AtomicLong();
    CountDownLatch done = new CountDownLatch(entries);
    String host = RawHttp.hostAddress(target.uri());
    int port = target.uri().getPort();
    Runnable[] next = new Runnable[1];
    next[0] = () -> {
      if (started.incrementAndGet() > entries) {
        return;
      }
      http.request(HttpMethod.GET, port, host, "/calling/callConnections/soak?api-version=2023-03-06")
          .compose(r -> r.send().compose(resp -> resp.body().map(b -> resp.statusCode())))
          .onComplete(ar -> {
            if (ar.failed() || ar.result() >= 500) {
              serverErrors.incrementAndGet();
            }
            done.countDown();
            next[0].run();
          });
    };
    long start = System.nanoTime();
    bench.vertx.runOnContext(v -> {
      for (int i = 0; i < IN_FLIGHT; i++) {
        next[0].run();
      }
    });
    boolean finished = done.await(10, TimeUnit.MINUTES);
    Bench.await(http.close(), 10);
    outcome.serverErrors(serverErrors.get() + (finished ? 0 : done.getCount()));
    return (System.nanoTime() - start) / 1_000_000;
  }
}
