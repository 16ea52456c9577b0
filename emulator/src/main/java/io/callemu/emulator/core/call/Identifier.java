package io.callemu.emulator.core.call;

import io.vertx.core.json.JsonObject;

/**
 * A communication identifier (reference section 11): its kind, raw id and the complete wire model
 * that responses and events carry ({@code kind}, {@code rawId} and the one nested object).
 */
public record Identifier(String kind, String rawId, JsonObject wire) {

  /** A copy of the wire model, safe to embed in a response. */
  public JsonObject toJson() {
    return wire.copy();
  }

  public static Identifier communicationUser(String id) {
    return new Identifier("communicationUser", id, new JsonObject().put("kind", "communicationUser")
        .put("rawId", id).put("communicationUser", new JsonObject().put("id", id)));
  }

  public static Identifier phoneNumber(String e164) {
    String raw = "4:" + e164;
    return new Identifier("phoneNumber", raw, new JsonObject().put("kind", "phoneNumber")
        .put("rawId", raw).put("phoneNumber", new JsonObject().put("value", e164)));
  }
}
