package io.callemu.emulator.surface.control;

import io.callemu.emulator.core.fault.Fault;
import io.callemu.emulator.core.fault.FaultResult;
import io.callemu.emulator.core.fault.Faults;
import io.callemu.emulator.core.outcome.ActionKind;
import io.callemu.emulator.core.outcome.Forced;
import io.callemu.emulator.core.outcome.InvalidRequest;
import io.callemu.emulator.core.outcome.Outcome;
import io.callemu.emulator.core.transcription.TranscriptionService;
import io.callemu.emulator.platform.http.HttpReply;
import io.callemu.emulator.platform.http.JsonReader;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import java.util.Optional;
import java.util.TreeSet;

/**
 * {@code /_emulator/faults}: arming (the body parsed once into a typed {@link Fault}, its result
 * resolved against the outcome catalogue), listing and clearing faults.
 */
final class FaultsResource {

  private final Faults faults;
  private final TranscriptionService transcriptions;

  FaultsResource(Faults faults, TranscriptionService transcriptions) {
    this.faults = faults;
    this.transcriptions = transcriptions;
  }

  HttpReply list(RoutingContext ctx) {
    JsonArray list = new JsonArray();
    faults.all().forEach(f -> list.add(json(f)));
    return HttpReply.json(200, new JsonObject().put("faults", list));
  }

  HttpReply add(RoutingContext ctx) {
    JsonReader body = ControlReplies.body(ctx);
    String actionName = body.json().getValue("action") instanceof String s ? s : null;
    ActionKind action = ActionKind.fromWire(actionName);
    if (action == null) {
      throw new InvalidRequest("action must be one of " + new TreeSet<>(Arrays.stream(ActionKind.values())
          .map(ActionKind::wire).toList()) + ", got " + (actionName == null ? "nothing" : "'" + actionName + "'"));
    }
    String call = body.optString("callConnectionId");
    int times = body.optInt("times", 1, Faults.MAX_TIMES, 1);
    FaultResult result = result(action, body.optObject("result"));
    try {
      Fault fault = faults.add(action, call, result, times);
      // A websocket fault drops open transcription connections at once.
      transcriptions.applyWebsocketFaults();
      return HttpReply.json(201, json(fault));
    } catch (IllegalArgumentException e) {
      throw new InvalidRequest(e.getMessage());
    }
  }

  HttpReply clear(RoutingContext ctx) {
    faults.clear();
    return HttpReply.empty(204);
  }

  /**
   * The fault's {@code result}: its catalogue row when the code pair (and event, and message where
   * rows share a pair) names one; a row is required for catalogued actions unless the fault gives
   * its own message.
   */
  private static FaultResult result(ActionKind action, JsonReader r) {
    if (r == null) {
      if (action != ActionKind.CALLBACK && action != ActionKind.WEBSOCKET && action != ActionKind.SPEECH) {
        throw new InvalidRequest("result {code, subCode, message?} is required for action " + action.wire());
      }
      return null;
    }
    if (action == ActionKind.SPEECH) {
      // A Speech recognition error has no code pair, only its details.
      return new FaultResult(null, new Forced(0, 0, r.optString("message"), null));
    }
    if (!(r.json().getValue("code") instanceof Integer code) || !(r.json().getValue("subCode") instanceof Integer sub)) {
      throw new InvalidRequest("result.code and result.subCode must be whole numbers");
    }
    String message = r.optString("message");
    String event = r.json().getValue("event") == null ? null : eventName(r);
    Outcome row = row(action, event, code, sub, message).orElse(null);
    boolean catalogued = Outcome.all().stream().anyMatch(o -> o.action() == action);
    if (row == null && message == null && catalogued) {
      throw new InvalidRequest("the result catalogue has no " + action.wire() + " row " + code + "/" + sub
          + (event == null ? "" : " for " + event) + " (GET /_emulator/catalogue); give result.message to send it anyway");
    }
    return new FaultResult(row, new Forced(code, sub, message, event));
  }

  private static String eventName(JsonReader r) {
    if (!(r.json().getValue("event") instanceof String e)) {
      throw new InvalidRequest("result.event must be an event name such as \"RecognizeFailed\"");
    }
    return e;
  }

  /** The catalogue row a fault names; with a message, the row with that message where pairs are shared. */
  private static Optional<Outcome> row(ActionKind action, String event, int code, int subCode, String message) {
    if (message != null) {
      Optional<Outcome> exact = Outcome.find(action, o -> o.matchesFault(event, code, subCode)
          && message.equals(o.faultMessage()));
      if (exact.isPresent()) {
        return exact;
      }
    }
    return Outcome.find(action, o -> o.matchesFault(event, code, subCode));
  }

  private static JsonObject json(Fault f) {
    JsonObject o = new JsonObject().put("id", f.id()).put("action", f.action().wire()).put("times", f.remaining());
    if (f.callId() != null) {
      o.put("callConnectionId", f.callId());
    }
    if (f.result() != null) {
      Forced forced = f.result().forced();
      JsonObject result = new JsonObject().put("code", forced.code()).put("subCode", forced.subCode());
      if (forced.message() != null) {
        result.put("message", forced.message());
      }
      if (forced.eventName() != null) {
        result.put("event", forced.eventName());
      }
      o.put("result", result);
    }
    return o;
  }
}
