package io.callemu.emulator.surface.acs.transcription;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.net.TrustOptions;
import io.callemu.emulator.platform.tls.StreamTrust;
import java.nio.file.Path;

/**
 * Opens transcription WebSockets to apps (service = client, app = server):
 * {@code ws://} or {@code wss://} with the upgrade headers {@code x-ms-call-connection-id},
 * {@code x-ms-call-correlation-id} and {@code Authorization: Bearer <JWT>}. The trust store and the
 * token key (an RSA key: a second of CPU on a busy machine) are made on a worker thread when the
 * first stream opens, so neither start-up, shutdown nor an event loop waits for them, and an
 * emulator that never transcribes never pays for them.
 */
public final class StreamConnector {

  /** Enough for every call callemu keeps to stream to one app at once. */
  private static final int MAX_CONNECTIONS = 20_000;

  private final Vertx vertx;
  private final Path caPem;
  private Future<Ready> ready;

  private record Ready(WebSocketClient client, StreamToken token) {
  }

  private record Material(TrustOptions trust, StreamToken token) {
  }

  /** @param caPem the data dir's CA, trusted for wss besides the system CAs (see {@link StreamTrust}); may be absent */
  public StreamConnector(Vertx vertx, Path caPem) {
    this.vertx = vertx;
    this.caPem = caPem;
  }

  /** The client and token key, made on first use (on the emulator's context). */
  private Future<Ready> ready() {
    if (ready == null) {
      ready = vertx.executeBlocking(() -> new Material(StreamTrust.load(caPem), StreamToken.generate()), false)
          .map(m -> new Ready(vertx.createWebSocketClient(new WebSocketClientOptions()
              .setMaxConnections(MAX_CONNECTIONS)
              .setTrustOptions(m.trust())
              .setVerifyHost(true)), m.token()));
    }
    return ready;
  }

  /** Opens one connection; fails when refused, not upgraded or not done within {@code timeoutMs}. */
  Future<WebSocket> connect(String url, String callConnectionId, String correlationId, long nowMillis,
      long timeoutMs) {
    return ready().compose(r -> r.client().connect(new WebSocketConnectOptions()
        .setAbsoluteURI(url)
        .setConnectTimeout(timeoutMs)
        .setTimeout(timeoutMs)
        .addHeader("x-ms-call-connection-id", callConnectionId)
        .addHeader("x-ms-call-correlation-id", correlationId)
        .addHeader("Authorization", "Bearer " + r.token().mint(callConnectionId, nowMillis))));
  }

  public Future<Void> close() {
    return ready == null ? Future.succeededFuture()
        : ready.transform(ar -> ar.succeeded() ? ar.result().client().close() : Future.succeededFuture());
  }
}
