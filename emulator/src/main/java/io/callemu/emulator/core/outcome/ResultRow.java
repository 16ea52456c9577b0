package io.callemu.emulator.core.outcome;

import io.vertx.core.json.JsonObject;

/**
 * One {@code resultInformation} callemu can send: the event that carries it, code, subCode and
 * message, the fault action that forces it, whether emulated behaviour reaches it by itself (and
 * how), and the documents behind it.
 *
 * @param id stable name, e.g. {@code recognize.maxTones}
 * @param event event name without the {@code Microsoft.Communication.} prefix
 * @param action the {@code POST /_emulator/faults} action that ends with this row
 * @param behaviour how real behaviour reaches the row, or null when only a fault does
 */
public record ResultRow(String id, String event, int code, int subCode, String message,
    String action, String behaviour, String source) {

  /** Whether emulated behaviour reaches this row without a fault. */
  public boolean reachedByBehaviour() {
    return behaviour != null;
  }

  /** The wire {@code resultInformation}. */
  public JsonObject toJson() {
    return new JsonObject().put("code", code).put("subCode", subCode).put("message", message);
  }

  /** The row as {@code GET /_emulator/catalogue} lists it. */
  public JsonObject describe() {
    JsonObject o = new JsonObject().put("id", id).put("event", event).put("code", code)
        .put("subCode", subCode).put("message", message).put("action", action)
        .put("reachedBy", reachedByBehaviour() ? "behaviour" : "fault").put("source", source);
    if (behaviour != null) {
      o.put("behaviour", behaviour);
    }
    return o;
  }
}
