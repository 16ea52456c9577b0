package io.callemu.emulator.core.outcome;

/**
 * What a fault acts on (CONTRACT section 3, {@code action}), and so which operation an outcome row
 * belongs to.
 */
public enum ActionKind {
  RECOGNIZE("recognize"),
  PLAY("play"),
  CONTINUOUS_DTMF("continuousDtmf"),
  SEND_DTMF_TONES("sendDtmfTones"),
  TRANSCRIPTION("transcription"),
  RECORD_RESPONSE("recordResponse"),
  PLAY_PROMPT("playPrompt"),
  /** A callback delivery fails. */
  CALLBACK("callback"),
  /** A transcription WebSocket drops or refuses. */
  WEBSOCKET("websocket"),
  /** A Speech-to-text recognition fails ({@code RecognitionStatus} Error). */
  SPEECH("speech");

  private final String wire;

  ActionKind(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  /** The action named {@code wire}, or null. */
  public static ActionKind fromWire(String wire) {
    for (ActionKind a : values()) {
      if (a.wire.equals(wire)) {
        return a;
      }
    }
    return null;
  }
}
