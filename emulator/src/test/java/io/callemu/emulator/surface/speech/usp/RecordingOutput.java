package io.callemu.emulator.surface.speech.usp;

import java.util.ArrayList;
import java.util.List;

/** A {@link SessionOutput} that keeps what the session sent. */
final class RecordingOutput implements SessionOutput {

  final List<UspClient.Received> sent = new ArrayList<>();
  final List<TurnRecord> turns = new ArrayList<>();
  int closeCode;
  String closeReason;

  @Override
  public void send(String message) {
    sent.add(UspClient.Received.parse(message));
  }

  @Override
  public void close(int code, String reason) {
    closeCode = code;
    closeReason = reason;
  }

  @Override
  public void turnEnded(TurnRecord record) {
    turns.add(record);
  }

  List<String> paths() {
    return sent.stream().map(UspClient.Received::path).toList();
  }
}
