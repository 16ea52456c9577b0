package io.callemu.emulator.surface.control;

import io.callemu.emulator.core.outcome.AcsColumn;
import io.callemu.emulator.core.outcome.GraphColumn;
import io.callemu.emulator.core.outcome.Outcome;
import io.callemu.emulator.platform.http.HttpReply;
import io.callemu.emulator.platform.http.WireNames;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /_emulator/catalogue}: every outcome row with its fault action, whether behaviour
 * reaches it, its sources, and each surface's column ({@code surfaces.acs}, {@code surfaces.graph};
 * the ACS column's fields also at the top level, as the conformance suite reads them).
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
      GraphColumn graph = o.graph();
      if (graph != null) {
        surfaces.put("graph", graph(graph));
      }
      rows.add(row.put("surfaces", surfaces));
    }
    return HttpReply.json(200, new JsonObject().put("rows", rows));
  }

  /** The Graph column as its shape shows it: resultInfo (and the operation's status), toneInfo, or the error answer. */
  private static JsonObject graph(GraphColumn g) {
    JsonObject column = new JsonObject().put("shape", WireNames.camel(g.shape()));
    switch (g.shape()) {
      case OPERATION -> column.put("status", g.status().wire()).put("completionReason", g.completionReason())
          .put("resultInfo", resultInfo(g));
      case CALL_END -> column.put("resultInfo", resultInfo(g));
      case REFUSAL -> column.put("status", g.code()).put("code", g.errorCode()).put("message", g.message());
      default -> { }
    }
    return column;
  }

  private static JsonObject resultInfo(GraphColumn g) {
    return new JsonObject().put("code", g.code()).put("subcode", g.subcode()).put("message", g.message());
  }
}
