package io.callemu.emulator.core.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The scenario rules in force. Used on the emulator's context only. */
public final class Scenarios {

  /** Most rules in force at once (bounded memory). */
  public static final int MAX_RULES = 1000;

  private final List<ScenarioRule> rules = new ArrayList<>();

  /**
   * Adds the rules of one document, all or none.
   *
   * @throws IllegalArgumentException when they would exceed {@link #MAX_RULES}
   */
  public void addAll(List<ScenarioRule> parsed) {
    if (rules.size() + parsed.size() > MAX_RULES) {
      throw new IllegalArgumentException("at most " + MAX_RULES + " rules may be in force; DELETE /_emulator/scenarios first");
    }
    rules.addAll(parsed);
  }

  /** The rules that fire for {@code trigger} with these request {@code facts} (times used up). */
  public List<ScenarioRule> fire(Trigger trigger, Map<String, Object> facts) {
    List<ScenarioRule> fired = new ArrayList<>();
    for (ScenarioRule r : rules) {
      if (r.fire(trigger, facts)) {
        fired.add(r);
      }
    }
    return fired;
  }

  public void clear() {
    rules.clear();
  }

  /** The rules in force, in order. */
  public List<ScenarioRule> all() {
    return List.copyOf(rules);
  }
}
