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

  /** The JSON text of every Call Automation callback callemu POSTed (Event Grid posts excluded). */
  static List<String> callbackBodies(JsonNode answer) {
    List<String> bodies = new ArrayList<>();
    for (JsonNode entry : entries(answer)) {
      if (!"callback".equals(entry.path("kind").asText())) {
        continue;
      }
      JsonNode body = entry.path("body");
      bodies.add(body.isTextual() ? body.asText() : body.toString());
    }
    return bodies;
  }
}
