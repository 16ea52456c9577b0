package io.callemu.bench.load;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The app's transcription WebSocket server on loopback: callemu connects to
 * {@code ws://127.0.0.1:<port>/ws/<call index>} and sends JSON text frames; each is stamped on
 * arrival and handed on. The handler runs on an event loop and must not block.
 */
final class FrameReceiver {

  private static final String PREFIX = "/ws/";

  /**
   * One received frame.
   *
   * @param callIndex the harness's number of the call, from the WebSocket path
   * @param kind {@code TranscriptionMetadata}, {@code TranscriptionData}, …
   * @param body the object under the kind's camel-case name
   * @param arrivedEpochMicros the wall clock when the frame arrived
   */
  record Frame(int callIndex, String kind, JsonObject body, long arrivedEpochMicros) {}

  /** Starts a receiver that hands its frames to {@code handler}; blocking, for the main thread. */
  interface Factory {
    FrameReceiver start(Consumer<Frame> handler) throws Exception;
  }

  private final HttpServer server;
  private final AtomicLong malformed = new AtomicLong();

  private FrameReceiver(HttpServer server) {
    this.server = server;
  }

  static Future<FrameReceiver> start(Vertx vertx, Consumer<Frame> handler) {
    HttpServer server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0));
    FrameReceiver receiver = new FrameReceiver(server);
    return server.webSocketHandler(ws -> receiver.accept(ws, handler)).listen().map(s -> receiver);
  }

  /** The transportUrl for call number {@code index}. */
  String urlFor(int index) {
    return "ws://127.0.0.1:" + server.actualPort() + PREFIX + index;
  }

  /** Frames that were not a JSON object with a kind, or came on a path that names no call. */
  long malformed() {
    return malformed.get();
  }

  private void accept(ServerWebSocket ws, Consumer<Frame> handler) {
    int index;
    try {
      index = Integer.parseInt(ws.path().substring(PREFIX.length()));
    } catch (RuntimeException e) {
      malformed.incrementAndGet();
      ws.close((short) 1008, "unknown path");
      return;
    }
    ws.exceptionHandler(e -> malformed.incrementAndGet());
    ws.textMessageHandler(text -> {
      long arrived = CallbackReceiver.epochMicrosNow();
      try {
        JsonObject frame = new JsonObject(text);
        String kind = frame.getString("kind", "");
        String field = kind.isEmpty() ? "" : Character.toLowerCase(kind.charAt(0)) + kind.substring(1);
        handler.accept(new Frame(index, kind, frame.getJsonObject(field, new JsonObject()), arrived));
      } catch (RuntimeException e) { // not JSON, or the kind's field is not an object
        malformed.incrementAndGet();
      }
    });
  }
}
