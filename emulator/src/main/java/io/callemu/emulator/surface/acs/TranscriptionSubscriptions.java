package io.callemu.emulator.surface.acs;

import io.callemu.emulator.core.transcription.TranscriptionView;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Renders a call's {@code transcriptionSubscription} (CallConnectionProperties). */
public final class TranscriptionSubscriptions {

  private TranscriptionSubscriptions() {
  }

  public static JsonObject render(TranscriptionView t) {
    JsonArray types = new JsonArray().add("final");
    if (t.intermediateResults()) {
      types.add("intermediate");
    }
    JsonObject o = new JsonObject();
    if (t.subscriptionId() != null) {
      o.put("id", t.subscriptionId());
    }
    return o.put("state", t.active() ? "active" : "inactive").put("subscribedResultTypes", types)
        .put("locale", t.locale());
  }
}
