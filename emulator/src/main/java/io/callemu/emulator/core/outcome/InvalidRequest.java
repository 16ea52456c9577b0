package io.callemu.emulator.core.outcome;

/**
 * A request that is malformed or out of range: a field missing, of the wrong type, outside its
 * limits. Thrown by surfaces' readers (and the few core checks that need the core's knowledge)
 * before anything changes; each surface renders it as its 400 answer. The message names the field.
 */
public class InvalidRequest extends RuntimeException {

  public InvalidRequest(String message) {
    super(message, null, false, false);
  }
}
