package io.callemu.emulator.surface.speech.usp;

import java.nio.charset.StandardCharsets;

/**
 * A message the Speech WebSocket protocol does not allow; the connection closes with {@link #closeCode()}
 * and the message as the close reason (the codes of the protocol's documentation: 1007 for a malformed
 * message or audio, 1002 for missing or invalid headers).
 */
public final class UspProtocolException extends Exception {

  /** Malformed message, binary header size, audio encoding or settings. */
  public static final int INVALID_PAYLOAD = 1007;
  /** Missing or empty {@code Path} / {@code X-RequestId}, a request id not in no-dash form, or reused. */
  public static final int PROTOCOL_ERROR = 1002;
  /** The client broke a limit (too much audio after its turn ended, a turn longer than allowed). */
  public static final int POLICY_VIOLATION = 1008;
  /** A message larger than allowed. */
  public static final int TOO_BIG = 1009;

  /** A close reason is at most 123 bytes (RFC 6455 section 5.5). */
  private static final int MAX_REASON_BYTES = 123;

  private final int closeCode;

  public UspProtocolException(int closeCode, String reason) {
    super(shorten(reason), null, false, false);
    this.closeCode = closeCode;
  }

  public int closeCode() {
    return closeCode;
  }

  private static String shorten(String reason) {
    String out = reason;
    while (out.getBytes(StandardCharsets.UTF_8).length > MAX_REASON_BYTES) {
      out = out.substring(0, out.length() - 4) + "...";
    }
    return out;
  }
}
