package io.callemu.emulator.surface.speech.usp;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes the service's messages: {@code Path}, the turn's {@code X-RequestId} (echoed as the client
 * wrote it), {@code X-Timestamp}, and for a body {@code Content-Type}, a blank line, then compact JSON
 * with numeric offsets. Every message carries the request id and {@code speech.endDetected} always
 * has a body: both SDKs hang otherwise (reference official-clients.md 6.5).
 */
final class ServiceMessages {

  static final String TURN_START = "turn.start";
  static final String START_DETECTED = "speech.startDetected";
  static final String HYPOTHESIS = "speech.hypothesis";
  static final String END_DETECTED = "speech.endDetected";
  static final String PHRASE = "speech.phrase";
  static final String TURN_END = "turn.end";

  /** ISO-8601 UTC with milliseconds, as the SDKs write it ({@code 2026-11-28T01:07:42.230Z}). */
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private ServiceMessages() {
  }

  /** A message with a JSON body. */
  static String message(String path, String requestId, long nowMillis, String jsonBody) {
    StringBuilder sb = headers(path, requestId, nowMillis, jsonBody.length() + 128);
    return sb.append("Content-Type: application/json; charset=utf-8\r\n\r\n").append(jsonBody).toString();
  }

  /** A message without a body ({@code turn.end}). */
  static String message(String path, String requestId, long nowMillis) {
    return headers(path, requestId, nowMillis, 128).append("\r\n").toString();
  }

  static String turnStartBody(String serviceTag) {
    return "{\"context\":{\"serviceTag\":\"" + serviceTag + "\"}}";
  }

  static String offsetBody(long offsetTicks) {
    return "{\"Offset\":" + offsetTicks + "}";
  }

  private static StringBuilder headers(String path, String requestId, long nowMillis, int capacity) {
    return new StringBuilder(capacity).append("Path: ").append(path).append("\r\nX-RequestId: ").append(requestId)
        .append("\r\nX-Timestamp: ").append(TIMESTAMP.format(Instant.ofEpochMilli(nowMillis))).append("\r\n");
  }
}
