package io.callemu.emulator.surface.speech.usp;

/** Where a {@link SpeechSession} sends what it decides: the WebSocket, and the journal. */
public interface SessionOutput {

  /** A text message to the client. */
  void send(String message);

  /** Closes the connection with a code and reason of the protocol; nothing more is sent. */
  void close(int code, String reason);

  /** A turn is over (or was cut short), for the journal. */
  void turnEnded(TurnRecord record);
}
