package io.callemu.emulator.surface.speech;

import io.callemu.emulator.surface.speech.recognition.SpeechMode;
import java.util.Locale;

/**
 * The paths the Speech surface serves: {@code /speech/recognition/{mode}/cognitiveservices/v1} (REST
 * and WebSocket), {@code /stt/speech/universal/v2} (WebSocket; the JS SDK's endpoint without a path
 * ends there) and {@code /sts/v1.0/issueToken}. Compared without regard to case, as the samples vary.
 */
record SpeechPaths(Kind kind, SpeechMode mode) {

  enum Kind { RECOGNITION, UNIVERSAL, TOKEN }

  private static final String RECOGNITION_PREFIX = "/speech/recognition/";
  private static final String RECOGNITION_SUFFIX = "/cognitiveservices/v1";

  /** The route of a path, or null when it is not the Speech surface's. */
  static SpeechPaths of(String path) {
    String p = path.toLowerCase(Locale.ROOT);
    if (p.equals("/sts/v1.0/issuetoken")) {
      return new SpeechPaths(Kind.TOKEN, null);
    }
    if (p.equals("/stt/speech/universal/v2")) {
      return new SpeechPaths(Kind.UNIVERSAL, null);
    }
    if (p.startsWith(RECOGNITION_PREFIX) && p.endsWith(RECOGNITION_SUFFIX)) {
      SpeechMode mode = SpeechMode.fromWire(p.substring(RECOGNITION_PREFIX.length(), p.length()
          - RECOGNITION_SUFFIX.length()));
      return mode == null ? null : new SpeechPaths(Kind.RECOGNITION, mode);
    }
    return null;
  }
}
