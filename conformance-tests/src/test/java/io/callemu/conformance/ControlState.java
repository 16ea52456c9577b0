package io.callemu.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import io.callemu.emulator.client.ControlClient;

/** What callemu's control API says about its state (CONTRACT §3), for "changed nothing" checks. */
final class ControlState {

  private ControlState() {}

  /** How many calls callemu holds ({@code GET /_emulator/calls}: an array, or an object with "calls"). */
  static int callCount(ControlClient control) {
    JsonNode answer = control.calls();
    return (answer.isArray() ? answer : answer.path("calls")).size();
  }
}
