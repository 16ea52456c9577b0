package io.callemu.emulator.surface.speech.usp;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builds client messages of the Speech WebSocket protocol as the SDKs write them, and reads the service's. */
final class UspClient {

  private UspClient() {
  }

  static String requestId() {
    return UUID.randomUUID().toString().replace("-", "").toUpperCase();
  }

  static String text(String path, String requestId, String body) {
    StringBuilder sb = new StringBuilder("Path: ").append(path).append("\r\n");
    if (requestId != null) {
      sb.append("X-RequestId: ").append(requestId).append("\r\n");
    }
    return sb.append("X-Timestamp: 2026-11-28T01:07:42.230Z\r\nContent-Type: application/json\r\n\r\n")
        .append(body).toString();
  }

  static String speechConfig() {
    return text("speech.config", requestId(), "{\"context\":{\"system\":{\"name\":\"SpeechSDK\",\"version\":\"1.52.0\","
        + "\"build\":\"JavaScript\",\"lang\":\"JavaScript\"}}}");
  }

  static byte[] audio(String requestId, byte[] payload) {
    String headers = "Path: audio\r\nX-RequestId: " + requestId + "\r\nX-Timestamp: 2026-11-28T01:07:42.230Z\r\n"
        + (payload.length > 0 && new String(payload, 0, Math.min(4, payload.length), StandardCharsets.US_ASCII)
            .equals("RIFF") ? "Content-Type: audio/x-wav\r\n" : "");
    return binary(headers, payload);
  }

  static byte[] binary(String headers, byte[] payload) {
    byte[] h = headers.getBytes(StandardCharsets.US_ASCII);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(h.length >> 8);
    out.write(h.length & 0xff);
    out.writeBytes(h);
    out.writeBytes(payload);
    return out.toByteArray();
  }

  /** The audio of a stream as the SDKs send it: the header alone, then 3200-byte chunks, then an empty message. */
  static List<byte[]> audioMessages(String requestId, byte[] streamingWav, boolean withEnd) {
    List<byte[]> out = new ArrayList<>();
    out.add(audio(requestId, java.util.Arrays.copyOfRange(streamingWav, 0, 44)));
    for (int at = 44; at < streamingWav.length; at += 3200) {
      out.add(audio(requestId, java.util.Arrays.copyOfRange(streamingWav, at, Math.min(at + 3200, streamingWav.length))));
    }
    if (withEnd) {
      out.add(audio(requestId, new byte[0]));
    }
    return out;
  }

  /** A service message split into its headers and body. */
  record Received(Map<String, String> headers, String body, String raw) {

    String path() {
      return headers.get("Path");
    }

    String requestId() {
      return headers.get("X-RequestId");
    }

    static Received parse(String raw) {
      int blank = raw.indexOf("\r\n\r\n");
      Map<String, String> headers = new LinkedHashMap<>();
      for (String line : raw.substring(0, blank).split("\r\n")) {
        int colon = line.indexOf(':');
        headers.put(line.substring(0, colon), line.substring(colon + 1).trim());
      }
      return new Received(headers, raw.substring(blank + 4), raw);
    }
  }
}
