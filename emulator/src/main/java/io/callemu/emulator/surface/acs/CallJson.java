package io.callemu.emulator.surface.acs;

import io.callemu.emulator.core.call.Call;
import io.callemu.emulator.core.call.Identifier;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Renders the ACS response models of a call (reference section 5). */
final class CallJson {

  private CallJson() {
  }

  /** CallConnectionProperties with the call's state, or {@code stateOverride} when not null. */
  static JsonObject properties(Call call, String stateOverride) {
    JsonArray targets = new JsonArray();
    for (Identifier t : call.targets()) {
      targets.add(t.toJson());
    }
    JsonObject o = new JsonObject()
        .put("callConnectionId", call.callConnectionId())
        .put("serverCallId", call.serverCallId())
        .put("targets", targets)
        .put("callConnectionState", stateOverride != null ? stateOverride : call.state().wire())
        .put("callbackUri", call.callbackUri())
        .put("source", call.source().toJson())
        .put("correlationId", call.correlationId());
    JsonObject extras = call.requestExtras();
    for (String echoed : new String[] {"sourceCallerIdNumber", "sourceDisplayName", "answeredBy"}) {
      if (extras.getValue(echoed) != null) {
        o.put(echoed, extras.getValue(echoed));
      }
    }
    return o;
  }

  static JsonObject participants(Call call) {
    return new JsonObject().put("value", call.participantsJson());
  }
}
