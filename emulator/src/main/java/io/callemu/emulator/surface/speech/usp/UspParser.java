package io.callemu.emulator.surface.speech.usp;

import static io.callemu.emulator.surface.speech.usp.UspProtocolException.INVALID_PAYLOAD;
import static io.callemu.emulator.surface.speech.usp.UspProtocolException.PROTOCOL_ERROR;
import static io.callemu.emulator.surface.speech.usp.UspProtocolException.TOO_BIG;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the client's messages. A text message is {@code Header: value} lines separated by CRLF, a blank
 * line, then the body. A binary message starts with its header block's length in 2 bytes (big endian,
 * at most 8192), then the ASCII header block, then the payload (reference official-clients.md 6.3,
 * graph-and-speech.md B2). Every message needs a {@code Path}.
 */
public final class UspParser {

  /** Longest header block of a binary message, as documented. */
  public static final int MAX_BINARY_HEADER_BYTES = 8192;
  /** Largest message accepted; the SDKs send 3200-byte audio chunks and speech.context of a few hundred bytes. */
  public static final int MAX_MESSAGE_BYTES = 65_536;

  private UspParser() {
  }

  public static UspMessage text(String frame) throws UspProtocolException {
    if (frame.length() > MAX_MESSAGE_BYTES) {
      throw new UspProtocolException(TOO_BIG, "text message of " + frame.length() + " characters; at most "
          + MAX_MESSAGE_BYTES);
    }
    int blank = frame.indexOf("\r\n\r\n");
    if (blank < 0) {
      throw new UspProtocolException(INVALID_PAYLOAD, "text message without the blank line after its headers");
    }
    Map<String, String> headers = headers(frame.substring(0, blank));
    return message(headers, frame.substring(blank + 4), null, 0);
  }

  public static UspMessage binary(byte[] frame) throws UspProtocolException {
    if (frame.length > MAX_MESSAGE_BYTES) {
      throw new UspProtocolException(TOO_BIG, "binary message of " + frame.length + " bytes; at most "
          + MAX_MESSAGE_BYTES);
    }
    if (frame.length < 2) {
      throw new UspProtocolException(INVALID_PAYLOAD, "binary message shorter than its 2-byte header length");
    }
    int headerLength = (frame[0] & 0xff) << 8 | (frame[1] & 0xff);
    if (headerLength > MAX_BINARY_HEADER_BYTES || headerLength > frame.length - 2) {
      throw new UspProtocolException(INVALID_PAYLOAD, "binary header length " + headerLength + " does not fit"
          + " the message (" + (frame.length - 2) + " bytes follow; at most " + MAX_BINARY_HEADER_BYTES + ")");
    }
    for (int i = 2; i < 2 + headerLength; i++) {
      if (frame[i] < 0) {
        throw new UspProtocolException(INVALID_PAYLOAD, "binary message headers must be ASCII");
      }
    }
    String block = new String(frame, 2, headerLength, StandardCharsets.US_ASCII);
    return message(headers(block), null, frame, 2 + headerLength);
  }

  private static UspMessage message(Map<String, String> headers, String text, byte[] binary, int payloadOffset)
      throws UspProtocolException {
    String path = headers.get("path");
    if (path == null || path.isEmpty()) {
      throw new UspProtocolException(PROTOCOL_ERROR, "Missing/Empty header. Path.");
    }
    return new UspMessage(path, headers.get("x-requestid"), headers, text, binary, payloadOffset);
  }

  private static Map<String, String> headers(String block) throws UspProtocolException {
    Map<String, String> headers = new HashMap<>(8);
    int at = 0;
    while (at < block.length()) {
      int end = block.indexOf("\r\n", at);
      if (end < 0) {
        end = block.length();
      }
      if (end > at) {
        int colon = block.indexOf(':', at);
        if (colon <= at || colon >= end) {
          throw new UspProtocolException(INVALID_PAYLOAD, "malformed header line '" + block.substring(at, end) + "'");
        }
        headers.put(block.substring(at, colon).trim().toLowerCase(Locale.ROOT), block.substring(colon + 1, end).trim());
      }
      at = end + 2;
    }
    return headers;
  }
}
