package io.callemu.emulator.surface.acs.eventgrid;

/** The Event Grid webhook refused or failed a post; the message says how. */
public final class EventGridException extends RuntimeException {

  EventGridException(String message) {
    super(message, null, false, false);
  }
}
