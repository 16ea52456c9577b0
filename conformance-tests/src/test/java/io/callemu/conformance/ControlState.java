package io.callemu.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import io.callemu.emulator.client.ControlClient;
import java.util.HashSet;
import java.util.Set;

/** What callemu's control API says about its state (CONTRACT §3), for "changed nothing" checks. */
final class ControlState {

  private ControlState() {}

  /** The callConnectionIds of every call callemu holds ({@code GET /_emulator/calls}). */
  static Set<String> callIds(ControlClient control) {
    Set<String> ids = new HashSet<>();
    control.calls().path("calls").forEach(c -> ids.add(c.path("callConnectionId").asText()));
    return ids;
  }

  /** The calls callemu holds now that it did not hold in {@code before}. */
  static Set<String> newCalls(ControlClient control, Set<String> before) {
    Set<String> now = callIds(control);
    now.removeAll(before);
    return now;
  }
}
