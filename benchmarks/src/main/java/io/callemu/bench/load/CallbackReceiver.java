package io.callemu.bench.load;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The app's callback endpoint on loopback: takes the JSON array holding one CloudEvent that callemu
 * POSTs to {@code /callbacks/<call index>}, stamps when its headers arrived, answers 200 and hands
 * the event on. The handler runs on an event loop and must not block.
 */
final class CallbackReceiver {

  /** Callback bodies are a few hundred bytes; anything far bigger is not callemu talking. */
  private static final long MAX_BODY_BYTES = 64 * 1024;
  private static final String PREFIX = "/callbacks/";

  /**
   * One received event.
   *
   * @param callIndex the harness's number of the call, from the callback path
   * @param type the CloudEvent type without {@code Microsoft.Communication.}
   * @param arrivedNanos {@link System#nanoTime()} when the request's headers arrived
   * @param arrivedEpochMicros the same moment on the wall clock, to compare with callemu's times
   */
  record Event(int callIndex, String type, JsonObject data, long arrivedNanos, long arrivedEpochMicros) {}

  /** Starts a receiver that hands its events to {@code handler}; blocking, for the main thread. */
  interface Factory {
    CallbackReceiver start(Consumer<Event> handler) throws Exception;
  }

  private final HttpServer server;
  private final Consumer<Event> handler;
  private final AtomicLong rejected = new AtomicLong();

  private CallbackReceiver(HttpServer server, Consumer<Event> handler) {
    this.server = server;
    this.handler = handler;
  }

  static Future<CallbackReceiver> start(Vertx vertx, Consumer<Event> handler) {
    HttpServer server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0));
    CallbackReceiver receiver = new CallbackReceiver(server, handler);
    return server.requestHandler(receiver::handle).listen().map(s -> receiver);
  }

  /** The callback URI for call number {@code index}. */
  String uriFor(int index) {
    return "http://127.0.0.1:" + server.actualPort() + PREFIX + index;
  }

  /** Requests that were not a callback the harness understood (answered 400). */
  long rejected() {
    return rejected.get();
  }

  private void handle(HttpServerRequest request) {
    long arrived = System.nanoTime();
    long arrivedEpochMicros = epochMicrosNow();
    if (tooBig(request.getHeader("Content-Length"))) {
      refuse(request);
      return;
    }
    request.body().onSuccess(body -> {
      Event event;
      try {
        int index = Integer.parseInt(request.path().substring(PREFIX.length()));
        JsonObject cloudEvent = new JsonArray(body).getJsonObject(0);
        String type = cloudEvent.getString("type", "");
        event = new Event(index, type.substring(type.lastIndexOf('.') + 1), cloudEvent.getJsonObject("data"), arrived,
            arrivedEpochMicros);
      } catch (RuntimeException e) { // bad path, not JSON, not an array of one event
        refuse(request);
        return;
      }
      request.response().setStatusCode(200).end();
      handler.accept(event);
    });
  }

  /** The wall clock in microseconds since the epoch (Linux JDKs read it to the microsecond). */
  static long epochMicrosNow() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
  }

  private static boolean tooBig(String contentLength) {
    try {
      return contentLength != null && Long.parseLong(contentLength.trim()) > MAX_BODY_BYTES;
    } catch (NumberFormatException e) {
      return true;
    }
  }

  private void refuse(HttpServerRequest request) {
    rejected.incrementAndGet();
    request.response().setStatusCode(400).end();
  }
}
