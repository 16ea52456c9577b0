package io.callemu.emulator.core.outcome;

/**
 * How Microsoft Graph reports an outcome (reference graph-and-speech.md A5–A12), in one of four
 * shapes: an operation's final state in its {@code deleted} notification ({@code status},
 * {@code completionReason} and {@code resultInfo}), the {@code resultInfo} of a call's
 * {@code deleted} notification, a {@code toneInfo} call update, or a refusal answered at once (HTTP
 * status {@code code}, {@code error.code} and message). A {@code {}} in the message stands for the
 * refusal's detail.
 *
 * @param status the operation's final status, or null for the other shapes
 * @param completionReason the operation's {@code completionReason}, or null
 * @param code {@code resultInfo.code}, or the HTTP status of a refusal
 * @param subcode {@code resultInfo.subcode} (0 for a refusal)
 * @param errorCode a refusal's {@code error.code}, or null
 */
public record GraphColumn(Shape shape, Status status, String completionReason, int code, int subcode, String message,
    String errorCode) implements Outcome.Column {

  /** What Graph sends for the outcome. */
  public enum Shape {
    /** The operation's {@code deleted} notification with its final state. */
    OPERATION,
    /** The call's {@code deleted} notification with the call's {@code resultInfo}. */
    CALL_END,
    /** A call {@code updated} notification carrying {@code toneInfo}. */
    TONE,
    /** An error answer to the request, in the Graph error envelope. */
    REFUSAL
  }

  /** An operation's final {@code status} (commsOperation, reference A6), written in lower case. */
  public enum Status {
    COMPLETED("completed"), FAILED("failed");

    private final String wire;

    Status(String wire) {
      this.wire = wire;
    }

    public String wire() {
      return wire;
    }
  }

  static GraphColumn operation(Status status, String completionReason, int code, int subcode, String message) {
    return new GraphColumn(Shape.OPERATION, status, completionReason, code, subcode, message, null);
  }

  static GraphColumn callEnd(int code, int subcode, String message) {
    return new GraphColumn(Shape.CALL_END, null, null, code, subcode, message, null);
  }

  static GraphColumn tone() {
    return new GraphColumn(Shape.TONE, null, null, 0, 0, null, null);
  }

  static GraphColumn refusal(int httpStatus, String errorCode, String message) {
    return new GraphColumn(Shape.REFUSAL, null, null, httpStatus, 0, message, errorCode);
  }

  /** Whether a fault's {@code {code, subCode}} names this column (operation outcomes only). */
  public boolean matches(int code, int subcode) {
    return shape == Shape.OPERATION && this.code == code && this.subcode == subcode;
  }

  /** The message with {@code detail} in place of {@code {}}. */
  public String message(String detail) {
    return detail == null ? message : message.replace("{}", detail);
  }
}
