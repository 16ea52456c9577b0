package io.callemu.emulator.surface.control;

import io.callemu.emulator.core.outcome.AcsColumn;
import io.callemu.emulator.core.outcome.Outcome;
import io.callemu.emulator.platform.http.HttpReply;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /_emulator/catalogue}: every outcome row with its fault action, whether behaviour
 * reaches it, its sources, and each surface's column ({@code surfaces.acs}; the ACS column's
 * fields also at the top level, as the conformance suite reads them).
 */
final class CatalogueResource {

  HttpReply list(RoutingContext ctx) {
    JsonArray rows = new JsonArray();
    for (Outcome o : Outcome.all()) {
      JsonObject row = new JsonObject().put("id", o.id()).put("action", o.action() == null ? null : o.action().wire())
          .put("reachedBy", o.reachedByBehaviour() ? "behaviour" : "fault").put("source", o.source());
      if (o.behaviour() != null) {
        row.put("behaviour", o.behaviour());
      }
      JsonObject surfaces = new JsonObject();
      AcsColumn acs = o.acs();
      if (acs != null) {
        JsonObject column = new JsonObject().put("event", acs.event()).put("code", acs.code())
            .put("subCode", acs.subCode()).put("message", acs.message());
        surfaces.put("acs", column);
        row.mergeIn(column);
      }
      rows.add(row.put("surfaces", surfaces));
    }
    return HttpReply.json(200, new JsonObject().put("rows", rows));
  }
}
