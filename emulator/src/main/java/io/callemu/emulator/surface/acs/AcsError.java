package io.callemu.emulator.surface.acs;

import io.vertx.core.json.JsonObject;

/**
 * A refused ACS request: HTTP status plus the service's envelope
 * {@code {"error":{"code":"<subcode>","message":"..."}}}. Thrown before any state changes; made
 * only by {@link AcsErrors}.
 */
public final class AcsError extends RuntimeException {

  private final int status;
  private final String code;

  AcsError(int status, String code, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public JsonObject body() {
    return AcsErrors.envelope(code, getMessage());
  }
}
