package io.callemu.bench.load;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The app's callback endpoint on loopback: takes what callemu POSTs to {@code /callbacks/<call
 * index>} — an ACS callback (a JSON array holding one CloudEvent) or a Graph notification
 * (commsNotifications), read by the receiver's {@link BodyParser} — stamps when its headers arrived,
 * answers 200 and hands the event on. The handler runs on an event loop and must not block.
 */
final class CallbackReceiver {

  /** What a callback body says: its type and its data; throws for a body it does not understand. */
  interface BodyParser {
    Parsed parse(Buffer body);
  }

  /** A parsed body: the event type and its data. */
  record Parsed(String type, JsonObject data) {}

  /** ACS callbacks: the CloudEvent's type without {@code Microsoft.Communication.}, and its {@code data}. */
  static final BodyParser CLOUD_EVENTS = body -> {
    JsonObject cloudEvent = new JsonArray(body).getJsonObject(0);
    String type = cloudEvent.getString("type", "");
    return new Parsed(type.substring(type.lastIndexOf('.') + 1), cloudEvent.getJsonObject("data"));
  };

  /**
   * Graph notifications: {@code call.<state>} (or {@code call.toneInfo}) for a call, the operation's
   * type without {@code #microsoft.graph.} for an operation, and the {@code resourceData}.
   */
  static final BodyParser GRAPH_NOTIFICATIONS = body -> {
    JsonObject data = new JsonObject(body).getJsonArray("value").getJsonObject(0).getJsonObject("resourceData");
    String type = data.getString("@odata.type", "").replace("#microsoft.graph.", "");
    if (type.equals("call")) {
      type = "call." + (data.getValue("toneInfo") != null ? "toneInfo" : data.getString("state"));
    }
    return new Parsed(type, data);
  };

  /** Callback bodies are a few hundred bytes; anything far bigger is not callemu talking. */
  private static final long MAX_BODY_BYTES = 64 * 1024;
  private static final String PREFIX = "/callbacks/";

  /**
   * One received event.
   *
   * @param callIndex the harness's number of the call, from the callback path
   * @param type the event's type as the receiver's parser names it
   * @param arrivedNanos {@link System#nanoTime()} when the request's headers arrived
   * @param arrivedEpochMicros the same moment on the wall clock, to compare with callemu's times
   */
  record Event(int callIndex, String type, JsonObject data, long arrivedNanos, long arrivedEpochMicros) {}

  /** Starts a receiver that hands its events to {@code handler}; blocking, for the main thread. */
  interface Factory {
    CallbackReceiver start(Consumer<Event> handler) throws Exception;
  }

  private final HttpServer server;
  private final BodyParser parser;
  private final Consumer<Event> handler;
  private final AtomicLong rejected = new AtomicLong();

  private CallbackReceiver(HttpServer server, BodyParser parser, Consumer<Event> handler) {
    this.server = server;
    this.parser = parser;
    this.handler = handler;
  }

  /** A receiver of ACS callbacks. */
  static Future<CallbackReceiver> start(Vertx vertx, Consumer<Event> handler) {
    return start(vertx, CLOUD_EVENTS, handler);
  }

  static Future<CallbackReceiver> start(Vertx vertx, BodyParser parser, Consumer<Event> handler) {
    HttpServer server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0));
    CallbackReceiver receiver = new CallbackReceiver(server, parser, handler);
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
        Parsed parsed = parser.parse(body);
        event = new Event(index, parsed.type(), parsed.data(), arrived, arrivedEpochMicros);
      } catch (RuntimeException e) { // bad path, not JSON, not what the parser reads
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
