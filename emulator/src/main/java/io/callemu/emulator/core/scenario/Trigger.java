package io.callemu.emulator.core.scenario;

/** What a scenario rule reacts to (CONTRACT section 4, {@code on}). */
public enum Trigger {
  CALL_CONNECTED("callConnected"),
  PLAY("play"),
  RECOGNIZE("recognize"),
  TRANSCRIPTION_STARTED("transcriptionStarted"),
  RECORD_RESPONSE("recordResponse"),
  PLAY_PROMPT("playPrompt"),
  /** A call rings at the app (a Graph call offered to a bot). */
  INCOMING_CALL("incomingCall");

  private final String wire;

  Trigger(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  /** The trigger named {@code wire}, or null. */
  public static Trigger fromWire(String wire) {
    for (Trigger t : values()) {
      if (t.wire.equals(wire)) {
        return t;
      }
    }
    return null;
  }
}
