package io.callemu.emulator.fault;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The armed faults; used on the emulator's context only. */
public final class Faults {

  /** The actions of CONTRACT section 3. */
  public static final Set<String> ACTIONS = Set.of("recognize", "play", "transcription",
      "recordResponse", "playPrompt", "callback", "websocket", "continuousDtmf", "sendDtmfTones", "speech");

  /** Cap on armed faults, so the control API cannot grow memory without bound. */
  static final int MAX_FAULTS = 1000;

  private final List<Fault> faults = new ArrayList<>();

  /**
   * Arms a fault from its control-API body.
   *
   * @throws IllegalArgumentException naming what is wrong (nothing is armed then)
   */
  public Fault add(JsonObject body) {
    Object action = body.getValue("action");
    if (!(action instanceof String) || !ACTIONS.contains(action)) {
      throw new IllegalArgumentException("action must be one of " + new java.util.TreeSet<>(ACTIONS)
          + ", got " + (action == null ? "nothing" : "'" + action + "'"));
    }
    Object call = body.getValue("callConnectionId");
    if (call != null && !(call instanceof String)) {
      throw new IllegalArgumentException("callConnectionId must be a string");
    }
    Object times = body.getValue("times", 1);
    if (!(times instanceof Integer || times instanceof Long) || ((Number) times).longValue() < 1
        || ((Number) times).longValue() > 1_000_000) {
      throw new IllegalArgumentException("times must be a whole number from 1 to 1000000");
    }
    Object result = body.getValue("result");
    JsonObject resultJson;
    if (result == null) {
      if (!action.equals("callback") && !action.equals("websocket") && !action.equals("speech")) {
        throw new IllegalArgumentException("result {code, subCode, message?} is required for action " + action);
      }
      resultJson = new JsonObject();
    } else if (result instanceof JsonObject r && action.equals("speech")) {
      if (r.getValue("message") != null && !(r.getValue("message") instanceof String)) {
        throw new IllegalArgumentException("result.message must be a string");
      }
      resultJson = r.copy();
    } else if (result instanceof JsonObject r) {
      if (!(r.getValue("code") instanceof Integer) || !(r.getValue("subCode") instanceof Integer)) {
        throw new IllegalArgumentException("result.code and result.subCode must be whole numbers");
      }
      if (r.getValue("message") != null && !(r.getValue("message") instanceof String)) {
        throw new IllegalArgumentException("result.message must be a string");
      }
      if (r.getValue("event") != null && !(r.getValue("event") instanceof String)) {
        throw new IllegalArgumentException("result.event must be an event name such as \"RecognizeFailed\"");
      }
      resultJson = r.copy();
    } else {
      throw new IllegalArgumentException("result must be an object");
    }
    if (faults.size() >= MAX_FAULTS) {
      faults.removeIf(f -> f.remaining() <= 0);
      if (faults.size() >= MAX_FAULTS) {
        throw new IllegalArgumentException("too many armed faults (" + MAX_FAULTS + "); DELETE /_emulator/faults first");
      }
    }
    Fault fault = new Fault(UUID.randomUUID().toString(), (String) action, (String) call,
        resultJson, ((Number) times).intValue());
    faults.add(fault);
    return fault;
  }

  /** Uses up one firing of the oldest fault matching the action and call, if any. */
  public Optional<Fault> take(String action, String callConnectionId) {
    for (Fault f : faults) {
      if (f.matches(action, callConnectionId)) {
        f.consume();
        if (f.remaining() <= 0) {
          faults.remove(f);
        }
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  public void clear() {
    faults.clear();
  }

  public JsonArray toJson() {
    JsonArray out = new JsonArray();
    faults.forEach(f -> out.add(f.toJson()));
    return out;
  }
}
