package io.callemu.bench.soak;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The app under test, as good and as bad as a scenario needs it, on loopback: callback endpoints
 * at {@code /<behaviour>/<call index>} that answer at once, fail a fifth of events on their first
 * attempt, never answer, trickle their reply a byte at a time, or reply with a huge body; and
 * transcription WebSocket endpoints that accept and then never read. Handlers run on an event loop
 * and never block; what they saw is read from the main thread.
 */
final class AppServer {

  /** How a callback endpoint answers. */
  enum Behaviour {
    /** 200 at once. */
    OK,
    /** 500 on the first attempt of one event in five (chosen by its id), 200 otherwise. */
    FLAKY,
    /** Reads the request and never answers. */
    HANG,
    /** 200 and headers at once, then one byte of body per interval until the trickle time is over. */
    TRICKLE,
    /** 200 with a body of the configured size, sent as fast as callemu reads it. */
    HUGE
  }

  /**
   * One event the app acknowledged with a 2xx.
   *
   * @param arrivedNanos {@link System#nanoTime()} when its request's headers arrived
   */
  record Event(int callIndex, String type, String id, String callConnectionId, long arrivedNanos) {
  }

  private static final Buffer TRICKLE_BYTE = Buffer.buffer("x");

  private final Vertx vertx;
  private final HttpServer server;
  private final ConcurrentLinkedQueue<Event> acknowledged = new ConcurrentLinkedQueue<>();
  private final Set<String> failedOnce = ConcurrentHashMap.newKeySet();
  private final ConcurrentLinkedQueue<Long> heldMillis = new ConcurrentLinkedQueue<>();
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong failedOnPurpose = new AtomicLong();
  private final AtomicLong hugeBytesSent = new AtomicLong();
  private final AtomicLong webSockets = new AtomicLong();
  private volatile long trickleIntervalMs = 1_000;
  private volatile long trickleForMs = 30_000;
  private volatile long hugeBytes = 1L << 30;

  private AppServer(Vertx vertx, HttpServer server) {
    this.vertx = vertx;
    this.server = server;
  }

  /** Starts the server on a free loopback port; blocking, for the main thread. */
  static AppServer start(Vertx vertx) throws Exception {
    HttpServer server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0)
        .setMaxWebSocketFrameSize(1 << 24).setMaxWebSocketMessageSize(1 << 26));
    AppServer app = new AppServer(vertx, server);
    server.webSocketHandler(ws -> {
      app.webSockets.incrementAndGet();
      // Accept and never read: callemu's frames pile up behind a full TCP window.
      ws.pause();
    });
    server.requestHandler(app::handle);
    Soak.await(server.listen(), 10);
    return app;
  }

  AppServer trickle(long intervalMs, long forMs) {
    this.trickleIntervalMs = intervalMs;
    this.trickleForMs = forMs;
    return this;
  }

  AppServer hugeReply(long bytes) {
    this.hugeBytes = bytes;
    return this;
  }

  String uri(Behaviour behaviour, int callIndex) {
    return "http://127.0.0.1:" + server.actualPort() + "/" + behaviour.name().toLowerCase(java.util.Locale.ROOT)
        + "/" + callIndex;
  }

  /** A transcription transportUrl whose reader stalls. */
  String stalledWebSocket(int callIndex) {
    return "ws://127.0.0.1:" + server.actualPort() + "/stall/" + callIndex;
  }

  List<Event> acknowledged() {
    return List.copyOf(acknowledged);
  }

  long requests() {
    return requests.get();
  }

  long failedOnPurpose() {
    return failedOnPurpose.get();
  }

  /**
   * How long each exchange lasted: a hanging one until callemu closed the connection, a trickled
   * one until callemu closed it or the trickle ended.
   */
  List<Long> heldMillis() {
    return List.copyOf(heldMillis);
  }

  long hugeBytesSent() {
    return hugeBytesSent.get();
  }

  long webSockets() {
    return webSockets.get();
  }

  Future<Void> close() {
    return server.close();
  }

  private void handle(HttpServerRequest request) {
    long arrived = System.nanoTime();
    requests.incrementAndGet();
    String[] parts = request.path().split("/");
    Behaviour behaviour;
    int index;
    try {
      behaviour = Behaviour.valueOf(parts[1].toUpperCase(java.util.Locale.ROOT));
      index = Integer.parseInt(parts[2]);
    } catch (RuntimeException e) {
      request.response().setStatusCode(404).end();
      return;
    }
    if (behaviour == Behaviour.HANG) {
      request.connection().closeHandler(v -> heldMillis.add((System.nanoTime() - arrived) / 1_000_000));
    }
    request.body().onSuccess(body -> {
      JsonObject event;
      try {
        event = new JsonArray(body).getJsonObject(0);
      } catch (RuntimeException e) {
        request.response().setStatusCode(400).end();
        return;
      }
      String id = event.getString("id", "");
      switch (behaviour) {
        case HANG -> {
          // never answered
        }
        case FLAKY -> {
          if (Math.floorMod(id.hashCode(), 5) == 0 && failedOnce.add(id)) {
            failedOnPurpose.incrementAndGet();
            request.response().setStatusCode(500).end();
          } else {
            acknowledge(request.response(), index, event, arrived);
          }
        }
        case TRICKLE -> trickle(request.response(), index, event, arrived);
        case HUGE -> huge(request.response(), index, event, arrived);
        default -> acknowledge(request.response(), index, event, arrived);
      }
    });
  }

  private void acknowledge(HttpServerResponse response, int index, JsonObject event, long arrived) {
    record(index, event, arrived);
    response.setStatusCode(200).end();
  }

  private void record(int index, JsonObject event, long arrived) {
    String type = event.getString("type", "");
    JsonObject data = event.getJsonObject("data", new JsonObject());
    acknowledged.add(new Event(index, type.substring(type.lastIndexOf('.') + 1), event.getString("id", ""),
        data.getString("callConnectionId"), arrived));
  }

  private void trickle(HttpServerResponse response, int index, JsonObject event, long arrived) {
    record(index, event, arrived);
    response.setStatusCode(200).setChunked(true).putHeader("Content-Type", "text/plain");
    response.writeHead();
    long until = System.nanoTime() / 1_000_000 + trickleForMs;
    java.util.concurrent.atomic.AtomicBoolean over = new java.util.concurrent.atomic.AtomicBoolean();
    Runnable finished = () -> {
      if (over.compareAndSet(false, true)) {
        heldMillis.add((System.nanoTime() - arrived) / 1_000_000);
      }
    };
    long timer = vertx.setPeriodic(trickleIntervalMs, id -> {
      if (response.closed() || response.ended()) {
        vertx.cancelTimer(id);
      } else if (System.nanoTime() / 1_000_000 >= until) {
        vertx.cancelTimer(id);
        response.end();
        finished.run();
      } else {
        response.write(TRICKLE_BYTE);
      }
    });
    response.closeHandler(v -> {
      vertx.cancelTimer(timer);
      finished.run();
    });
  }

  private void huge(HttpServerResponse response, int index, JsonObject event, long arrived) {
    record(index, event, arrived);
    response.setStatusCode(200).putHeader("Content-Length", Long.toString(hugeBytes))
        .putHeader("Content-Type", "application/octet-stream");
    Buffer chunk = Buffer.buffer(new byte[64 * 1024]);
    long[] left = {hugeBytes};
    Runnable[] pump = new Runnable[1];
    pump[0] = () -> {
      while (left[0] > 0 && !response.writeQueueFull() && !response.closed()) {
        int n = (int) Math.min(chunk.length(), left[0]);
        response.write(n == chunk.length() ? chunk : chunk.slice(0, n));
        left[0] -= n;
        hugeBytesSent.addAndGet(n);
      }
      if (left[0] == 0) {
        response.end();
      } else if (!response.closed()) {
        response.drainHandler(v -> pump[0].run());
      }
    };
    pump[0].run();
  }
}
