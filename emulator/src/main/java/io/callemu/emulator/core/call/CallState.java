package io.callemu.emulator.core.call;

/** The states a call passes through. */
public enum CallState {
  /** An inbound call offered to the app as a call of its own (Graph), waiting to be answered. */
  OFFERED,
  /** Created or answered, not yet connected (an outbound call rings). */
  CONNECTING,
  CONNECTED,
  DISCONNECTED
}
