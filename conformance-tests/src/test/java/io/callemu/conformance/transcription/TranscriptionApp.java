package io.callemu.conformance.transcription;

import com.fasterxml.jackson.databind.JsonNode;
import io.callemu.conformance.NodeApp;
import java.nio.file.Path;
import java.util.Map;

/**
 * The Node app of src/test/node/transcription-app.mjs: the JS SDK for calls and transcription
 * operations, a {@code ws} WebSocket server for the frames. A {@link NodeApp} (same process
 * handling and command protocol as app.mjs) plus the app's WebSocket URLs.
 */
final class TranscriptionApp implements AutoCloseable {

  private final NodeApp node;

  private TranscriptionApp(NodeApp node) {
    this.node = node;
  }

  /**
   * Starts {@code node transcription-app.mjs}.
   *
   * @param extraCaPem what Node trusts for HTTPS besides its own CAs (NODE_EXTRA_CA_CERTS), or null
   * @param tlsDir a dir with {@code cert.pem} and {@code key.pem} for the app's wss server, or null for none
   */
  static TranscriptionApp start(Path extraCaPem, Path tlsDir) {
    Map<String, String> environment = tlsDir == null ? Map.of()
        : Map.of("CALLEMU_TLS_DIR", tlsDir.toAbsolutePath().toString());
    return new TranscriptionApp(NodeApp.start("transcription-app.mjs", extraCaPem, environment));
  }

  /** The app's transcription WebSocket URL for a tag. */
  String webSocketUrl(String tag) {
    return node.hello().path("wsBaseUrl").asText() + "/ws/" + tag;
  }

  /** The app's transcription WebSocket URL over TLS for a tag (started with a tlsDir). */
  String secureWebSocketUrl(String tag) {
    JsonNode base = node.hello().get("secureWsBaseUrl");
    if (base == null) {
      throw new IllegalStateException("the app was started without a TLS dir");
    }
    return base.asText() + "/ws/" + tag;
  }

  /** The result of a command that must succeed. */
  JsonNode ok(String op, Map<String, ?> arguments) {
    return node.call(op, arguments).result();
  }

  /** The error of a command that must fail. */
  JsonNode error(String op, Map<String, ?> arguments) {
    return node.call(op, arguments).error();
  }

  String stderr() {
    return node.stderr();
  }

  @Override
  public void close() {
    node.close();
  }
}
