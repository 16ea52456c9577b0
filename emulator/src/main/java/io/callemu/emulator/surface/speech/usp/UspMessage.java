package io.callemu.emulator.surface.speech.usp;

import java.util.Map;

/**
 * One client message of the Speech WebSocket protocol: its headers (names compared case-insensitively)
 * and its body, text or binary.
 *
 * @param path         the {@code Path} header ({@code speech.config}, {@code speech.context}, {@code audio}, …)
 * @param requestId    the {@code X-RequestId} header, or null
 * @param headers      every header, keyed in lower case
 * @param text         the body of a text message, else null
 * @param binary       the frame of a binary message, else null; its payload is {@code binary[payloadOffset..]}
 * @param payloadOffset where the payload starts in {@code binary}
 */
public record UspMessage(String path, String requestId, Map<String, String> headers, String text, byte[] binary,
    int payloadOffset) {

  public boolean isBinary() {
    return binary != null;
  }

  /** Bytes of a binary message's payload (0 = the client's end of audio). */
  public int payloadLength() {
    return binary == null ? 0 : binary.length - payloadOffset;
  }

  /** A header by name in any case, or null. */
  public String header(String name) {
    return headers.get(name.toLowerCase(java.util.Locale.ROOT));
  }
}
