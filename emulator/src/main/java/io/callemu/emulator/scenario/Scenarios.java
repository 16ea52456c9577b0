package io.callemu.emulator.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The scenario rules in force (CONTRACT section 4), read from JSON or YAML. A document is checked
 * completely before any of its rules is added. Used on the emulator's context only.
 */
public final class Scenarios {

  /** Triggers of CONTRACT section 4. */
  public static final Set<String> TRIGGERS = Set.of("callConnected", "play", "recognize",
      "transcriptionStarted", "recordResponse", "playPrompt", "incomingCall");
  /** Actions of CONTRACT section 4; those not in {@link #SUPPORTED_ACTIONS} come with media. */
  public static final Set<String> ACTIONS = Set.of("hangup", "dtmf", "speech", "audio");
  public static final Set<String> SUPPORTED_ACTIONS = Set.of("hangup", "dtmf", "speech", "audio");
  /** Triggers that fire in this version. */
  public static final Set<String> SUPPORTED_TRIGGERS = Set.of("callConnected", "play", "recognize",
      "transcriptionStarted");
  /** Fields a step may carry next to its action. */
  static final Set<String> OPTIONS = Set.of("text", "toneMs", "gapMs", "durationMs", "confidence", "participant");

  static final int MAX_RULES = 1000;

  /**
   * YAML is a superset of JSON, so one reader takes both. Created on first use: Jackson databind
   * is a few hundred classes a start without scenarios need not load.
   */
  private static final class Yaml {
    static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory());
  }

  /**
   * A top-level member of scenario documents besides {@code rules}, read by the part of callemu it
   * belongs to (the Speech surface's {@code speechTranscripts}).
   */
  public interface Section {
    /**
     * Checks the member's value; the returned action applies it, and runs only once the whole
     * document was found valid.
     *
     * @throws IllegalArgumentException naming the problem, prefixed with {@code path}
     */
    Runnable read(Object value, String path);
  }

  private final List<ScenarioRule> rules = new ArrayList<>();
  private final Map<String, Section> sections = new LinkedHashMap<>();
  private final java.nio.file.Path defaultBase;

  /** @param defaultBase where relative audio paths of documents given without a file are found (the data dir) */
  public Scenarios(java.nio.file.Path defaultBase) {
    this.defaultBase = defaultBase;
  }

  /** Lets documents carry the top-level member {@code name}; a document may then hold it without rules. */
  public void section(String name, Section section) {
    sections.put(name, section);
  }

  /** Adds a document whose relative audio paths are relative to the data dir. */
  public int add(String document) {
    return add(document, defaultBase);
  }

  /**
   * Adds the rules of a scenario document.
   *
   * @param base the directory relative {@code audio} paths are resolved against
   * @return the number of rules added
   * @throws IllegalArgumentException naming the first problem (nothing is added then)
   */
  public int add(String document, java.nio.file.Path base) {
    Object parsed;
    try {
      parsed = Yaml.MAPPER.readValue(document, Object.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("the scenario is neither valid JSON nor YAML: "
          + e.getOriginalMessage());
    }
    if (!(parsed instanceof Map)) {
      throw new IllegalArgumentException("a scenario is an object with a \"rules\" array");
    }
    JsonObject doc = new JsonObject(castMap(parsed));
    List<Runnable> sectionsRead = new ArrayList<>();
    sections.forEach((name, section) -> {
      if (doc.containsKey(name)) {
        sectionsRead.add(section.read(doc.getValue(name), name));
      }
    });
    Object rulesValue = doc.getValue("rules");
    List<ScenarioRule> parsedRules = new ArrayList<>();
    if (rulesValue != null || sectionsRead.isEmpty()) {
      if (!(rulesValue instanceof JsonArray list) || list.isEmpty()) {
        throw new IllegalArgumentException("a scenario needs a non-empty \"rules\" array"
            + (sections.isEmpty() ? "" : " (or one of " + sections.keySet() + ")"));
      }
      for (int i = 0; i < list.size(); i++) {
        parsedRules.add(parseRule(list.getValue(i), "rules[" + i + "]", base));
      }
    }
    if (rules.size() + parsedRules.size() > MAX_RULES) {
      throw new IllegalArgumentException("at most " + MAX_RULES + " rules may be in force; DELETE /_emulator/scenarios first");
    }
    sectionsRead.forEach(Runnable::run);
    rules.addAll(parsedRules);
    return parsedRules.size();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> castMap(Object o) {
    return (Map<String, Object>) o;
  }

  private static ScenarioRule parseRule(Object value, String path, java.nio.file.Path base) {
    if (!(value instanceof JsonObject rule)) {
      throw new IllegalArgumentException(path + " must be an object");
    }
    Object on = rule.getValue("on");
    if (!(on instanceof String) || !TRIGGERS.contains(on)) {
      throw new IllegalArgumentException(path + ".on must be one of " + new java.util.TreeSet<>(TRIGGERS));
    }
    if (!SUPPORTED_TRIGGERS.contains(on)) {
      throw new IllegalArgumentException(path + ".on: trigger '" + on + "' is not implemented by this "
          + "callemu version (supported: " + SUPPORTED_TRIGGERS + ")");
    }
    Map<String, Object> match = new LinkedHashMap<>();
    Object matchValue = rule.getValue("match");
    if (matchValue != null) {
      if (!(matchValue instanceof JsonObject m)) {
        throw new IllegalArgumentException(path + ".match must be an object");
      }
      for (String key : m.fieldNames()) {
        Object v = m.getValue(key);
        if (v instanceof JsonObject || v instanceof JsonArray || v == null) {
          throw new IllegalArgumentException(path + ".match." + key + " must be a plain value");
        }
        match.put(key, v);
      }
    }
    Object times = rule.getValue("times", -1);
    if (!(times instanceof Integer t) || (t < 1 && t != -1)) {
      throw new IllegalArgumentException(path + ".times must be a positive whole number");
    }
    Object steps = rule.getValue("do");
    if (!(steps instanceof JsonArray stepList) || stepList.isEmpty()) {
      throw new IllegalArgumentException(path + ".do must be a non-empty array");
    }
    List<ScenarioRule.Action> actions = new ArrayList<>();
    for (int i = 0; i < stepList.size(); i++) {
      actions.add(parseAction(stepList.getValue(i), path + ".do[" + i + "]", base));
    }
    return new ScenarioRule((String) on, match, actions, (Integer) times);
  }

  private static ScenarioRule.Action parseAction(Object value, String path, java.nio.file.Path base) {
    if (!(value instanceof JsonObject step)) {
      throw new IllegalArgumentException(path + " must be an object");
    }
    Object delay = step.getValue("delayMs", 0);
    if (!(delay instanceof Integer || delay instanceof Long) || ((Number) delay).longValue() < 0
        || ((Number) delay).longValue() > 86_400_000L) {
      throw new IllegalArgumentException(path + ".delayMs must be a whole number from 0 to 86400000");
    }
    String kind = null;
    JsonObject options = new JsonObject();
    for (String name : step.fieldNames()) {
      if (name.equals("delayMs")) {
        continue;
      }
      if (OPTIONS.contains(name)) {
        options.put(name, step.getValue(name));
        continue;
      }
      if (!ACTIONS.contains(name)) {
        throw new IllegalArgumentException(path + ": unknown action '" + name + "' (actions: " + new java.util.TreeSet<>(ACTIONS) + ")");
      }
      if (kind != null) {
        throw new IllegalArgumentException(path + " has two actions, '" + kind + "' and '" + name + "'");
      }
      kind = name;
    }
    if (kind == null) {
      throw new IllegalArgumentException(path + " names no action");
    }
    if (!SUPPORTED_ACTIONS.contains(kind)) {
      throw new IllegalArgumentException(path + ": action '" + kind + "' is not implemented by this callemu version");
    }
    Object argument = step.getValue(kind);
    java.nio.file.Path file = null;
    switch (kind) {
      case "dtmf":
        try {
          if (argument instanceof String keys && !keys.isEmpty()) {
            io.callemu.dtmf.DtmfTone.parseKeys(keys);
          } else if (argument instanceof JsonArray names && !names.isEmpty()) {
            names.forEach(n -> io.callemu.dtmf.DtmfTone.fromAcsName(String.valueOf(n)));
          } else {
            throw new IllegalArgumentException("nothing to press");
          }
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(path + ".dtmf must be keys (\"12#\") or tone names "
              + "([\"one\",\"pound\"]): " + e.getMessage());
        }
        break;
      case "speech":
        if (!(argument instanceof String)) {
          throw new IllegalArgumentException(path + ".speech must be the text the caller says");
        }
        break;
      case "audio":
        if (!(argument instanceof String a) || a.isBlank()) {
          throw new IllegalArgumentException(path + ".audio must be the path of a WAV file");
        }
        file = base.resolve(a).normalize();
        break;
      default:
        break;
    }
    return new ScenarioRule.Action(kind, argument, ((Number) delay).longValue(), options, file);
  }

  /** The rules that fire for {@code trigger} with these request {@code facts} (times used up). */
  public List<ScenarioRule> fire(String trigger, JsonObject facts) {
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

  public JsonObject toJson() {
    JsonArray list = new JsonArray();
    rules.forEach(r -> list.add(r.toJson()));
    return new JsonObject().put("rules", list);
  }
}
