package io.callemu.emulator.surface.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.callemu.dtmf.DtmfTone;
import io.callemu.emulator.core.caller.CallerActions;
import io.callemu.emulator.core.outcome.InvalidRequest;
import io.callemu.emulator.core.scenario.ScenarioRule;
import io.callemu.emulator.core.scenario.Step;
import io.callemu.emulator.core.scenario.Trigger;
import io.callemu.emulator.platform.http.JsonReader;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads scenario documents (CONTRACT section 4, JSON or YAML) into typed rules, checking a whole
 * document, every field by type, before any of its rules is added.
 */
public final class ScenarioParser {

  /** Actions of CONTRACT section 4. */
  static final Set<String> ACTIONS = Set.of("hangup", "dtmf", "speech", "audio");
  /** Fields a step may carry next to its action. */
  static final Set<String> OPTIONS = Set.of("text", "toneMs", "gapMs", "durationMs", "confidence", "participant");
  static final long MAX_DELAY_MS = 86_400_000L;

  /**
   * YAML is a superset of JSON, so one reader takes both. Created on first use: Jackson databind
   * is a few hundred classes a start without scenarios need not load.
   */
  private static final class Yaml {
    static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory());
  }

  private ScenarioParser() {
  }

  /**
   * A document read: its rules, and what its other members ({@link ScenarioSection}s) will do once
   * the caller decides to keep it.
   */
  public record Document(List<ScenarioRule> rules, List<Runnable> sections) {

    /** Applies the sections (after the rules were added). */
    public void applySections() {
      sections.forEach(Runnable::run);
    }
  }

  /**
   * Where a document's {@code audio} files may be: relative paths resolve against {@code base} (the
   * scenario file's folder, or the data dir for posted documents), and the file must lie under it or
   * under the data dir, so that a scenario cannot name {@code /dev/zero} or {@code ../../etc/passwd}.
   */
  public record AudioFolders(Path base, Path dataDir) {

    public AudioFolders {
      base = base.toAbsolutePath().normalize();
      dataDir = dataDir.toAbsolutePath().normalize();
    }

    Path resolve(JsonReader step, String audio) {
      Path file;
      try {
        file = base.resolve(audio).normalize();
      } catch (java.nio.file.InvalidPathException e) {
        throw step.invalid("audio", "is not a path: " + e.getReason());
      }
      if (!file.startsWith(base) && !file.startsWith(dataDir)) {
        throw step.invalid("audio", "must name a file under the scenario's folder (" + base + ") or the data dir ("
            + dataDir + "), got " + audio);
      }
      return file;
    }
  }

  /**
   * The rules of a document that has only rules.
   *
   * @param base the directory relative {@code audio} paths are resolved against
   * @throws InvalidRequest naming the first problem
   */
  public static List<ScenarioRule> parse(String document, Path base) {
    return parse(document, new AudioFolders(base, base), Map.of()).rules();
  }

  /**
   * A document whose top-level members may include {@code sections} besides {@code rules} (a
   * document holding a section needs no rules); nothing is applied yet.
   *
   * @throws InvalidRequest naming the first problem
   */
  public static Document parse(String document, AudioFolders base, Map<String, ScenarioSection> sections) {
    Object parsed;
    try {
      parsed = Yaml.MAPPER.readValue(document, Object.class);
    } catch (JsonProcessingException e) {
      throw new InvalidRequest("the scenario is neither valid JSON nor YAML: " + e.getOriginalMessage());
    }
    if (!(parsed instanceof Map<?, ?> map)) {
      throw new InvalidRequest("a scenario is an object with a \"rules\" array");
    }
    JsonReader doc = JsonReader.of(new JsonObject(castMap(map)), "");
    List<Runnable> read = new ArrayList<>();
    for (Map.Entry<String, ScenarioSection> section : sections.entrySet()) {
      if (doc.has(section.getKey())) {
        try {
          read.add(section.getValue().read(doc.json().getValue(section.getKey()), section.getKey()));
        } catch (IllegalArgumentException e) {
          throw new InvalidRequest(e.getMessage());
        }
      }
    }
    List<ScenarioRule> out = new ArrayList<>();
    if (doc.has("rules") || read.isEmpty()) {
      if (!(doc.json().getValue("rules") instanceof JsonArray list) || list.isEmpty()) {
        throw new InvalidRequest("a scenario needs a non-empty \"rules\" array"
            + (sections.isEmpty() ? "" : " (or one of " + sections.keySet() + ")"));
      }
      for (JsonReader rule : doc.requireObjects("rules", false, Integer.MAX_VALUE, "rules")) {
        out.add(rule(rule, base));
      }
    }
    return new Document(out, read);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> castMap(Map<?, ?> o) {
    return (Map<String, Object>) o;
  }

  private static ScenarioRule rule(JsonReader rule, AudioFolders base) {
    String on = rule.json().getValue("on") instanceof String s ? s : null;
    Trigger trigger = Trigger.fromWire(on);
    if (trigger == null) {
      throw rule.invalid("on", "must be one of " + new TreeSet<>(Arrays.stream(Trigger.values()).map(Trigger::wire)
          .toList()));
    }
    Map<String, Object> match = new LinkedHashMap<>();
    JsonReader m = rule.optObject("match");
    if (m != null) {
      for (String key : m.json().fieldNames()) {
        Object v = m.json().getValue(key);
        if (v instanceof JsonObject || v instanceof JsonArray || v == null) {
          throw m.invalid(key, "must be a plain value");
        }
        match.put(key, v);
      }
    }
    int times = rule.has("times") ? rule.optInt("times", 1, Integer.MAX_VALUE, 1) : -1;
    List<Step> steps = new ArrayList<>();
    for (JsonReader step : rule.requireObjects("do", false, Integer.MAX_VALUE, "steps")) {
      steps.add(step(step, base));
    }
    return new ScenarioRule(trigger, match, steps, times);
  }

  private static Step step(JsonReader step, AudioFolders base) {
    long delay = step.optLong("delayMs", 0, MAX_DELAY_MS, 0);
    String kind = null;
    for (String name : step.json().fieldNames()) {
      if (name.equals("delayMs") || OPTIONS.contains(name)) {
        continue;
      }
      if (!ACTIONS.contains(name)) {
        throw new InvalidRequest(step.path("") + ": unknown action '" + name + "' (actions: " + new TreeSet<>(ACTIONS)
            + ")");
      }
      if (kind != null) {
        throw step.invalid("", "has two actions, '" + kind + "' and '" + name + "'");
      }
      kind = name;
    }
    if (kind == null) {
      throw step.invalid("", "names no action");
    }
    String participant = step.optString("participant");
    double confidence = step.optDouble("confidence", 0, 1, CallerActions.DEFAULT_CONFIDENCE);
    switch (kind) {
      case "dtmf":
        return new Step.PressKeys(delay, participant, tones(step),
            step.optInt("toneMs", 1, 10_000, CallerActions.DEFAULT_TONE_MS),
            step.optInt("gapMs", 0, 60_000, CallerActions.DEFAULT_GAP_MS));
      case "speech": {
        if (!(step.json().getValue("speech") instanceof String text)) {
          throw step.invalid("speech", "must be the text the caller says");
        }
        Long duration = step.has("durationMs") ? step.optLong("durationMs", 1, 600_000, 0) : null;
        return new Step.Say(delay, participant, text, duration, confidence);
      }
      case "audio": {
        if (!(step.json().getValue("audio") instanceof String a) || a.isBlank()) {
          throw step.invalid("audio", "must be the path of a WAV file");
        }
        String text = step.optString("text", 10_000);
        return new Step.PlayAudio(delay, participant, base.resolve(step, a), text == null ? "" : text,
            confidence);
      }
      default:
        return new Step.HangUp(delay, participant);
    }
  }

  private static List<DtmfTone> tones(JsonReader step) {
    Object argument = step.json().getValue("dtmf");
    try {
      if (argument instanceof String keys && !keys.isEmpty()) {
        return DtmfTone.parseKeys(keys);
      }
      if (argument instanceof JsonArray names && !names.isEmpty()) {
        List<DtmfTone> tones = new ArrayList<>();
        names.forEach(n -> tones.add(DtmfTone.fromAcsName(String.valueOf(n))));
        return tones;
      }
      throw new IllegalArgumentException("nothing to press");
    } catch (IllegalArgumentException e) {
      throw step.invalid("dtmf", "must be keys (\"12#\") or tone names ([\"one\",\"pound\"]): " + e.getMessage());
    }
  }

  /** A rule as {@code GET /_emulator/scenarios} lists it. */
  static JsonObject json(ScenarioRule rule) {
    JsonArray steps = new JsonArray();
    for (Step s : rule.steps()) {
      JsonObject o = new JsonObject();
      if (s instanceof Step.PressKeys k) {
        JsonArray names = new JsonArray();
        k.tones().forEach(t -> names.add(t.acsName()));
        o.put("dtmf", names).put("toneMs", k.toneMs()).put("gapMs", k.gapMs());
      } else if (s instanceof Step.Say say) {
        o.put("speech", say.text()).put("confidence", say.confidence());
        if (say.durationMs() != null) {
          o.put("durationMs", say.durationMs());
        }
      } else if (s instanceof Step.PlayAudio a) {
        o.put("audio", a.file().toString()).put("text", a.text()).put("confidence", a.confidence());
      } else {
        o.put("hangup", new JsonObject());
      }
      if (s.participant() != null) {
        o.put("participant", s.participant());
      }
      steps.add(o.put("delayMs", s.delayMs()));
    }
    JsonObject o = new JsonObject().put("on", rule.trigger().wire()).put("do", steps);
    if (!rule.match().isEmpty()) {
      o.put("match", new JsonObject(new LinkedHashMap<>(rule.match())));
    }
    if (rule.remaining() >= 0) {
      o.put("timesLeft", rule.remaining());
    }
    return o;
  }
}
