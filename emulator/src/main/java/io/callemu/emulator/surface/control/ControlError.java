package io.callemu.emulator.surface.control;

/**
 * A refused control request: HTTP status, a code word and a message, rendered as
 * {@code {"error":{"code","message"}}} by {@link ControlErrors} (for the control API's own
 * resources and its extensions alike).
 */
public final class ControlError extends RuntimeException {

  private final int status;
  private final String code;

  public ControlError(int status, String code, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
  }

  int status() {
    return status;
  }

  String code() {
    return code;
  }
}
