package io.callemu.conformance.speech;

import com.fasterxml.jackson.databind.JsonNode;
import io.callemu.conformance.NodeApp;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * src/test/speech-node/speech-app.mjs: an app using {@code microsoft-cognitiveservices-speech-sdk} 1.52.0
 * ({@code SpeechConfig.fromEndpoint}/{@code fromHost}, a key or a token, {@code AudioConfig.fromWavFileInput}),
 * as a {@link NodeApp} child process.
 */
final class JsSpeechApp implements AutoCloseable {

  private final NodeApp node;

  private JsSpeechApp(NodeApp node) {
    this.node = node;
  }

  static JsSpeechApp start() {
    return new JsSpeechApp(NodeApp.start(Path.of(System.getProperty("callemu.speechNodeDir", "src/test/speech-node")),
        "speech-app.mjs", "microsoft-cognitiveservices-speech-sdk", null, Map.of()));
  }

  /**
   * {@code recognizeOnceAsync} of {@code audio}: a fixture's name, an absolute file path, or an Integer of
   * milliseconds of silence; {result, events}.
   */
  JsonNode recognizeOnce(Map<String, Object> config, Object audio) {
    return node.call("recognizeOnce", command(config, audio)).result();
  }

  /** Continuous recognition of the audio until the session stops: {events}. */
  JsonNode continuous(Map<String, Object> config, Object audio) {
    return node.call("continuous", command(config, audio)).result();
  }

  private static Map<String, Object> command(Map<String, Object> config, Object audio) {
    Map<String, Object> c = new HashMap<>();
    c.put("config", config);
    if (audio instanceof Integer silenceMs) {
      c.put("silenceMs", silenceMs);
    } else {
      String name = (String) audio;
      c.put("wav", name.startsWith("/") ? name : SpeechFixtures.path(name).toString());
    }
    return c;
  }

  String stderr() {
    return node.stderr();
  }

  @Override
  public void close() {
    node.close();
  }
}
