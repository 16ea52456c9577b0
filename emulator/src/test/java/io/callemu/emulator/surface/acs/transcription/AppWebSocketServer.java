package io.callemu.emulator.surface.acs.transcription;

import io.callemu.emulator.platform.tls.TlsMaterial;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.PemKeyCertOptions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The app's transcription WebSocket server, as the seed's examples have one: records every
 * connection's upgrade headers, text frames and close status. Behaviours for the unhappy paths:
 * {@link #stall()} stops reading (a stalled app).
 */
final class AppWebSocketServer implements AutoCloseable {

  static final long WAIT_SECONDS = 10;

  /** One accepted connection. */
  static final class Connection {
    final Map<String, String> headers;
    final ServerWebSocket socket;
    final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
    volatile Short closeStatus;
    final java.util.concurrent.CompletableFuture<Short> closed = new java.util.concurrent.CompletableFuture<>();

    /** The server's context, where the socket must be driven from. */
    private final io.vertx.core.Context context = io.vertx.core.Vertx.currentContext();

    Connection(ServerWebSocket socket) {
      this.socket = socket;
      this.headers = Map.of(
          "x-ms-call-connection-id", String.valueOf(socket.headers().get("x-ms-call-connection-id")),
          "x-ms-call-correlation-id", String.valueOf(socket.headers().get("x-ms-call-correlation-id")),
          "authorization", String.valueOf(socket.headers().get("Authorization")));
    }

    /** The next frame as JSON; fails after {@link #WAIT_SECONDS}. */
    JsonObject next() {
      try {
        String f = frames.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        if (f == null) {
          throw new AssertionError("no frame within " + WAIT_SECONDS + " s");
        }
        return new JsonObject(f);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    /** The app reads again (after {@link AppWebSocketServer#stall()}). */
    void resume() {
      context.runOnContext(v -> socket.resume());
    }

    /** The app closes the socket (close frame 1000). */
    void close() {
      context.runOnContext(v -> socket.close());
    }

    short awaitClose() {
      try {
        return closed.get(WAIT_SECONDS, TimeUnit.SECONDS);
      } catch (Exception e) {
        throw new AssertionError("the socket was not closed within " + WAIT_SECONDS + " s", e);
      }
    }
  }

  private final HttpServer server;
  private final BlockingQueue<Connection> accepted = new LinkedBlockingQueue<>();
  private final List<Connection> all = new CopyOnWriteArrayList<>();
  private volatile boolean stalled;

  private final String scheme;

  private AppWebSocketServer(HttpServer server, String scheme) {
    this.server = server;
    this.scheme = scheme;
  }

  static AppWebSocketServer start(Vertx vertx) {
    return start(vertx, null);
  }

  /** With {@code tls} the app serves {@code wss://localhost} with that certificate. */
  static AppWebSocketServer start(Vertx vertx, TlsMaterial tls) {
    // A modest receive buffer, so a stalled app pushes back on callemu after a few MB; much smaller
    // ones make the drain afterwards crawl (delayed ACKs on tiny windows).
    HttpServerOptions options = new HttpServerOptions().setReceiveBufferSize(64 * 1024);
    if (tls != null) {
      options.setSsl(true).setKeyCertOptions(new PemKeyCertOptions().setCertPath(tls.certPem().toString())
          .setKeyPath(tls.keyPem().toString()));
    }
    HttpServer server = vertx.createHttpServer(options);
    AppWebSocketServer app = new AppWebSocketServer(server, tls == null ? "ws://127.0.0.1:" : "wss://localhost:");
    server.webSocketHandler(ws -> {
      Connection c = new Connection(ws);
      if (app.stalled) {
        ws.pause();
      }
      ws.textMessageHandler(c.frames::add);
      ws.closeHandler(v -> {
        c.closeStatus = ws.closeStatusCode();
        c.closed.complete(ws.closeStatusCode() == null ? -1 : ws.closeStatusCode());
      });
      app.all.add(c);
      app.accepted.add(c);
    });
    try {
      server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return app;
  }

  String url(String path) {
    return scheme + server.actualPort() + path;
  }

  /** The next connection callemu opens; fails after {@link #WAIT_SECONDS}. */
  Connection nextConnection() {
    try {
      Connection c = accepted.poll(WAIT_SECONDS, TimeUnit.SECONDS);
      if (c == null) {
        throw new AssertionError("callemu opened no WebSocket within " + WAIT_SECONDS + " s");
      }
      return c;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Connections accepted so far that a test has not taken with {@link #nextConnection()}. */
  int waitingConnections() {
    return accepted.size();
  }

  /** From now on, new connections are not read (an app that stopped reading). */
  void stall() {
    stalled = true;
  }

  @Override
  public void close() {
    server.close();
  }
}
