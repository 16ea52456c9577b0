package io.callemu.emulator.core.call;

/** The states of {@code callConnectionState} that callemu's calls pass through. */
public enum CallState {
  CONNECTING("connecting"),
  CONNECTED("connected"),
  DISCONNECTED("disconnected");

  private final String wire;

  CallState(String wire) {
    this.wire = wire;
  }

  /** The value on the wire. */
  public String wire() {
    return wire;
  }
}
