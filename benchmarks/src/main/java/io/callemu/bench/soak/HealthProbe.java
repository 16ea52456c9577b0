package io.callemu.bench.soak;

import io.callemu.bench.load.Latencies;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Asks {@code GET /_emulator/health} every {@value #INTERVAL_MS} ms on its own thread and keeps
 * each answer's latency (a failed or timed-out probe counts with the time it took), while sampling
 * callemu's RSS: health runs on the emulator's one event loop, so its latency is how long anything
 * waits for that loop. Start it before the hostile load, stop it after.
 */
final class HealthProbe implements AutoCloseable {

  static final long INTERVAL_MS = 20;
  /** Unrecorded probes first, so that connecting and callemu's first compilations do not count. */
  private static final int WARM_UP_PROBES = 25;
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(TIMEOUT).build();
  private final HttpRequest request;
  private final Target target;
  private final List<Long> nanos = new ArrayList<>();
  private final Thread thread;
  private volatile boolean running = true;
  private long failures;
  private long maxRssKb = -1;

  private HealthProbe(Target target) {
    this.target = target;
    this.request = HttpRequest.newBuilder(URI.create(target.url() + "/_emulator/health")).timeout(TIMEOUT).build();
    this.thread = new Thread(this::loop, "soak-health-probe");
    thread.setDaemon(true);
  }

  static HealthProbe start(Target target) {
    HealthProbe probe = new HealthProbe(target);
    probe.thread.start();
    return probe;
  }

  private void loop() {
    for (int i = 0; i < WARM_UP_PROBES && running; i++) {
      probeOnce();
    }
    while (running) {
      long start = System.nanoTime();
      boolean ok = probeOnce();
      long took = System.nanoTime() - start;
      long rss = target.rssKb();
      synchronized (this) {
        nanos.add(took);
        if (!ok) {
          failures++;
        }
        maxRssKb = Math.max(maxRssKb, rss);
      }
      long sleep = INTERVAL_MS - took / 1_000_000;
      if (sleep > 0) {
        try {
          Thread.sleep(sleep);
        } catch (InterruptedException e) {
          return;
        }
      }
    }
  }

  private boolean probeOnce() {
    try {
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Latencies so far. */
  synchronized Latencies latencies() {
    return new Latencies(nanos.stream().mapToLong(Long::longValue).toArray());
  }

  synchronized long failures() {
    return failures;
  }

  /** The largest RSS sampled so far, KiB (-1 when unknown). */
  synchronized long maxRssKb() {
    return maxRssKb;
  }

  /**
   * Waits until one health probe answers 200 within {@code fastMs}; returns how long that took in
   * ms, or -1 when it did not happen within {@code maxMs}.
   */
  static long recovery(Target target, long fastMs, long maxMs) throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest request = HttpRequest.newBuilder(URI.create(target.url() + "/_emulator/health"))
        .timeout(Duration.ofSeconds(2)).build();
    long start = System.nanoTime();
    while ((System.nanoTime() - start) / 1_000_000 < maxMs) {
      long t = System.nanoTime();
      try {
        if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200
            && (System.nanoTime() - t) / 1_000_000 <= fastMs) {
          return (System.nanoTime() - start) / 1_000_000;
        }
      } catch (IOException e) {
        // not yet
      }
      Thread.sleep(INTERVAL_MS);
    }
    return -1;
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(15_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
