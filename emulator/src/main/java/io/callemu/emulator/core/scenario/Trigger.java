package io.callemu.emulator.core.scenario;

/** What a scenario rule reacts to (CONTRACT section 4, {@code on}). */
public enum Trigger {
  CALL_CONNECTED("callConnected", true),
  PLAY("play", true),
  RECOGNIZE("recognize", true),
  TRANSCRIPTION_STARTED("transcriptionStarted", true),
  RECORD_RESPONSE("recordResponse", false),
  PLAY_PROMPT("playPrompt", false),
  INCOMING_CALL("incomingCall", false);

  private final String wire;
  private final boolean supported;

  Trigger(String wire, boolean supported) {
    this.wire = wire;
    this.supported = supported;
  }

  public String wire() {
    return wire;
  }

  /** Whether this version fires the trigger (the others belong to surfaces not emulated yet). */
  public boolean supported() {
    return supported;
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
