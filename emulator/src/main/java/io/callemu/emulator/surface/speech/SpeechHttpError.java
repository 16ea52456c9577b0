package io.callemu.emulator.surface.speech;

/** A refusal of the Speech surface's HTTP side: the status and what the client did wrong. */
final class SpeechHttpError extends Exception {

  private final int status;

  SpeechHttpError(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  int status() {
    return status;
  }
}
