package io.callemu.emulator.surface.control;

import io.callemu.emulator.core.outcome.InvalidRequest;
import io.callemu.emulator.core.scenario.Scenarios;
import io.callemu.emulator.platform.http.HttpReply;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/** {@code /_emulator/scenarios}: adding, listing and clearing the rules that script callers. */
final class ScenariosResource {

  private final Scenarios scenarios;
  private final Path dataDir;
  private final Map<String, ScenarioSection> sections;

  /**
   * @param dataDir where relative audio paths of posted documents are found
   * @param sections the members besides {@code rules} that documents may hold
   */
  ScenariosResource(Scenarios scenarios, Path dataDir, Map<String, ScenarioSection> sections) {
    this.scenarios = scenarios;
    this.dataDir = dataDir;
    this.sections = sections;
  }

  HttpReply list(RoutingContext ctx) {
    return HttpReply.json(200, json());
  }

  HttpReply add(RoutingContext ctx) {
    String text = ctx.body() == null ? null : ctx.body().asString(StandardCharsets.UTF_8.name());
    if (text == null || text.isBlank()) {
      throw new InvalidRequest("the body must be a scenario document (JSON or YAML)");
    }
    ScenarioParser.Document document = ScenarioParser.parse(text, new ScenarioParser.AudioFolders(dataDir, dataDir), sections);
    try {
      scenarios.addAll(document.rules());
    } catch (IllegalArgumentException e) {
      throw new InvalidRequest(e.getMessage());
    }
    document.applySections();
    return HttpReply.json(201, json().put("added", document.rules().size()));
  }

  HttpReply clear(RoutingContext ctx) {
    scenarios.clear();
    return HttpReply.empty(204);
  }

  private JsonObject json() {
    JsonArray list = new JsonArray();
    scenarios.all().forEach(r -> list.add(ScenarioParser.json(r)));
    return new JsonObject().put("rules", list);
  }
}
