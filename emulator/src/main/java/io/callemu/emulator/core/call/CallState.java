package io.callemu.emulator.core.call;

/** The states a call passes through. */
public enum CallState {
  /** Created or answered, not yet connected (an outbound call rings). */
  CONNECTING,
  CONNECTED,
  DISCONNECTED
}
