package io.callemu.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Reads callemu's journal ({@code GET /_emulator/events}, CONTRACT §3). */
final class Journal {

  private Journal() {}

  /** The entries of a journal answer: a JSON array, or an object holding one under "events". */
  static List<JsonNode> entries(JsonNode answer) {
    JsonNode list = answer.isArray() ? answer : answer.path("events");
    List<JsonNode> out = new ArrayList<>();
    list.forEach(out::add);
    return out;
  }

  /**
   * The body of every Call Automation callback callemu sent or tried to send (Event Grid posts
   * excluded): the journal keeps each one's CloudEvent under "event"; the wire body is that event
   * in a one-element JSON array (§7.1).
   */
  static List<String> callbackBodies(JsonNode answer) {
    List<String> bodies = new ArrayList<>();
    for (JsonNode entry : entries(answer)) {
      if ("callback".equals(entry.path("kind").asText())) {
        bodies.add("[" + entry.path("event") + "]");
      }
    }
    return bodies;
  }
}
