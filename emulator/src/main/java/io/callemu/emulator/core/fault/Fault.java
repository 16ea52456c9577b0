package io.callemu.emulator.core.fault;

import io.vertx.core.json.JsonObject;

/**
 * An armed fault (CONTRACT section 3): the next {@code remaining} matching {@code action}s end with
 * {@code result} instead. {@code callConnectionId} null matches every call.
 */
public final class Fault {

  private final String id;
  private final String action;
  private final String callConnectionId;
  private final JsonObject result;
  private int remaining;

  Fault(String id, String action, String callConnectionId, JsonObject result, int times) {
    this.id = id;
    this.action = action;
    this.callConnectionId = callConnectionId;
    this.result = result;
    this.remaining = times;
  }

  public String id() { return id; }
  public String action() { return action; }
  public String callConnectionId() { return callConnectionId; }
  /** {@code {"event"?, "code", "subCode", "message"?}}; empty for {@code callback} faults. */
  public JsonObject result() { return result.copy(); }
  public int remaining() { return remaining; }

  boolean matches(String action, String callConnectionId) {
    return remaining > 0 && this.action.equals(action)
        && (this.callConnectionId == null || this.callConnectionId.equals(callConnectionId));
  }

  void consume() {
    remaining--;
  }

  public JsonObject toJson() {
    JsonObject o = new JsonObject().put("id", id).put("action", action).put("times", remaining);
    if (callConnectionId != null) {
      o.put("callConnectionId", callConnectionId);
    }
    if (!result.isEmpty()) {
      o.put("result", result.copy());
    }
    return o;
  }
}
