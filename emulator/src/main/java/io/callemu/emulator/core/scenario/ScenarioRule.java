package io.callemu.emulator.core.scenario;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;

/**
 * One rule of a scenario (CONTRACT section 4): when trigger {@code on} happens and every
 * {@code match} field equals the request's, run {@code actions}; at most {@code times} times
 * (-1: always).
 */
public final class ScenarioRule {

  /**
   * One step of {@code do}: a kind ({@code hangup}, {@code dtmf}, {@code speech}, {@code audio}),
   * its argument, its delay, its other fields ({@code text}, {@code toneMs}, ...) and, for
   * {@code audio}, the resolved file.
   */
  public record Action(String kind, Object argument, long delayMs, JsonObject options,
      java.nio.file.Path file) {
  }

  private final String on;
  private final Map<String, Object> match;
  private final List<Action> actions;
  private int remaining;

  ScenarioRule(String on, Map<String, Object> match, List<Action> actions, int times) {
    this.on = on;
    this.match = Map.copyOf(match);
    this.actions = List.copyOf(actions);
    this.remaining = times;
  }

  public String on() { return on; }
  public List<Action> actions() { return actions; }

  /** Whether the rule fires for {@code facts}; uses up one of its {@code times} when it does. */
  boolean fire(String trigger, JsonObject facts) {
    if (!on.equals(trigger) || remaining == 0) {
      return false;
    }
    for (Map.Entry<String, Object> m : match.entrySet()) {
      if (!m.getValue().equals(facts.getValue(m.getKey()))) {
        return false;
      }
    }
    if (remaining > 0) {
      remaining--;
    }
    return true;
  }

  JsonObject toJson() {
    io.vertx.core.json.JsonArray steps = new io.vertx.core.json.JsonArray();
    for (Action a : actions) {
      steps.add(a.options().copy().put(a.kind(), a.argument()).put("delayMs", a.delayMs()));
    }
    JsonObject o = new JsonObject().put("on", on).put("do", steps);
    if (!match.isEmpty()) {
      o.put("match", new JsonObject(new java.util.LinkedHashMap<>(match)));
    }
    if (remaining >= 0) {
      o.put("timesLeft", remaining);
    }
    return o;
  }
}
