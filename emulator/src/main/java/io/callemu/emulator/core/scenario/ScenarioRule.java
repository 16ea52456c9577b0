package io.callemu.emulator.core.scenario;

import java.util.List;
import java.util.Map;

/**
 * One rule of a scenario (CONTRACT section 4): when {@code trigger} happens and every {@code match}
 * field equals the request's, run {@code steps}; at most {@code times} times (-1: always).
 */
public final class ScenarioRule {

  private final Trigger trigger;
  private final Map<String, Object> match;
  private final List<Step> steps;
  private int remaining;

  public ScenarioRule(Trigger trigger, Map<String, Object> match, List<Step> steps, int times) {
    this.trigger = trigger;
    this.match = Map.copyOf(match);
    this.steps = List.copyOf(steps);
    this.remaining = times;
  }

  public Trigger trigger() { return trigger; }
  public Map<String, Object> match() { return match; }
  public List<Step> steps() { return steps; }
  /** Firings left, or -1 for no limit. */
  public int remaining() { return remaining; }

  /** Whether the rule fires for {@code facts}; uses up one of its {@code times} when it does. */
  boolean fire(Trigger happened, Map<String, Object> facts) {
    if (trigger != happened || remaining == 0) {
      return false;
    }
    for (Map.Entry<String, Object> m : match.entrySet()) {
      if (!m.getValue().equals(facts.get(m.getKey()))) {
        return false;
      }
    }
    if (remaining > 0) {
      remaining--;
    }
    return true;
  }
}
