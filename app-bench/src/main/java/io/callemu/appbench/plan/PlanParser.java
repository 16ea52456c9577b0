package io.callemu.appbench.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.callemu.emulator.core.outcome.InvalidRequest;
import io.callemu.emulator.surface.control.ScenarioParser;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a plan from YAML or JSON (one reader takes both, as for scenarios) and checks every field,
 * naming the first one that is wrong. A profile's rules are checked by callemu's own scenario
 * reader, so a plan that passes here is accepted by callemu too.
 */
public final class PlanParser {

  static final int MAX_CALLS = 1_000_000;
  static final int MAX_PROFILES = 50;
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> TOP = Set.of("name", "entry", "calls", "durationSeconds", "arrival", "clock",
      "callemu", "settings", "profiles", "limits", "thresholds");

  private PlanParser() {
  }

  /** Reads the plan file; relative scenario files are found beside it. */
  public static Plan read(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new PlanException("cannot read the plan " + file + ": " + e.getMessage());
    }
    Path dir = file.toAbsolutePath().getParent();
    return parse(text, dir, file.getFileName().toString().replaceFirst("\\.(ya?ml|json)$", ""));
  }

  /** Parses a plan document; {@code baseDir} resolves relative scenario and audio paths. */
  public static Plan parse(String text, Path baseDir, String defaultName) {
    JsonNode root;
    try {
      root = YAML.readTree(text);
    } catch (JsonProcessingException e) {
      throw new PlanException("the plan is neither valid YAML nor JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw new PlanException("a plan is an object with entry, calls or durationSeconds, arrival, clock, profiles and thresholds");
    }
    onlyFields(root, "", TOP);
    String name = root.has("name") ? text(root, "name") : defaultName;
    Plan.Entry entry = entry(required(root, "entry"));
    boolean hasCalls = root.has("calls");
    boolean hasDuration = root.has("durationSeconds");
    if (hasCalls == hasDuration) {
      throw new PlanException("give exactly one of calls (how many calls) and durationSeconds (how long calls arrive)");
    }
    int calls = hasCalls ? (int) whole(root, "calls", "calls", 1, MAX_CALLS) : -1;
    double duration = hasDuration ? number(root.get("durationSeconds"), "durationSeconds", 0.001, 86_400) : -1;
    Plan.Arrival arrival = arrival(required(root, "arrival"));
    Plan.Clock clock = clock(root.get("clock"));
    int port = 9080;
    if (root.has("callemu")) {
      JsonNode c = root.get("callemu");
      if (!c.isObject()) {
        throw new PlanException("callemu must be an object, e.g. {port: 9080}");
      }
      onlyFields(c, "callemu.", Set.of("port"));
      if (c.has("port")) {
        port = (int) whole(c, "port", "callemu.port", 0, 65_535);
      }
    }
    Map<String, String> settings = settings(root.get("settings"));
    List<Plan.Profile> profiles = profiles(required(root, "profiles"), baseDir);
    Plan.Limits limits = limits(root.get("limits"));
    Set<String> names = new LinkedHashSet<>();
    profiles.forEach(p -> names.add(p.name()));
    List<Threshold> thresholds = new ArrayList<>();
    JsonNode t = root.get("thresholds");
    if (t != null) {
      if (!t.isArray()) {
        throw new PlanException("thresholds must be a list of checks such as 'p99ReactionMs < 200'");
      }
      for (int i = 0; i < t.size(); i++) {
        if (!t.get(i).isTextual()) {
          throw new PlanException("thresholds[" + i + "] must be a string such as 'failedCalls == 0'");
        }
        thresholds.add(Threshold.parse(t.get(i).asText(), "thresholds[" + i + "]", names));
      }
    }
    return new Plan(name, baseDir, entry, calls, duration, arrival, clock, port, settings, profiles, limits,
        List.copyOf(thresholds));
  }

  private static Plan.Entry entry(JsonNode e) {
    if (!e.isObject()) {
      throw new PlanException("entry must be an object: {kind: inbound, webhook: <url>} or {kind: outbound, trigger: <url>}");
    }
    String kind = text(e, "kind", "entry.kind");
    if (kind.equals("inbound")) {
      onlyFields(e, "entry.", Set.of("kind", "webhook", "to"));
      String to = e.has("to") ? phone(text(e, "to", "entry.to"), "entry.to") : "+18005550100";
      return new Plan.Entry(EntryKind.INBOUND, url(e, "webhook", "entry.webhook"), to);
    }
    if (kind.equals("outbound")) {
      onlyFields(e, "entry.", Set.of("kind", "trigger"));
      return new Plan.Entry(EntryKind.OUTBOUND, url(e, "trigger", "entry.trigger"), null);
    }
    throw new PlanException("entry.kind must be inbound (calls offered over the Event Grid webhook) or outbound "
        + "(the app places them when the bench POSTs to its trigger URL)");
  }

  private static Plan.Arrival arrival(JsonNode a) {
    if (!a.isObject()) {
      throw new PlanException("arrival must be an object: {ratePerSecond: 5} or {concurrency: 10}");
    }
    onlyFields(a, "arrival.", Set.of("ratePerSecond", "concurrency"));
    if (a.has("ratePerSecond") == a.has("concurrency")) {
      throw new PlanException("arrival needs exactly one of ratePerSecond (calls per emulated second) and concurrency (calls at once)");
    }
    if (a.has("ratePerSecond")) {
      return new Plan.Arrival(number(a.get("ratePerSecond"), "arrival.ratePerSecond", 0.001, 10_000), 0);
    }
    return new Plan.Arrival(0, (int) whole(a, "concurrency", "arrival.concurrency", 1, 10_000));
  }

  private static Plan.Clock clock(JsonNode c) {
    if (c == null) {
      return new Plan.Clock(ClockMode.WALL, 1.0, 0);
    }
    if (!c.isObject()) {
      throw new PlanException("clock must be an object: {mode: wall}, {mode: scaled, factor: 0.1} or {mode: virtual}");
    }
    String mode = text(c, "mode", "clock.mode");
    switch (mode) {
      case "wall" -> {
        onlyFields(c, "clock.", Set.of("mode"));
        return new Plan.Clock(ClockMode.WALL, 1.0, 0);
      }
      case "scaled" -> {
        onlyFields(c, "clock.", Set.of("mode", "factor"));
        if (!c.has("factor")) {
          throw new PlanException("clock.factor is required with mode scaled: every emulated duration is multiplied by it (0.1: ten times faster)");
        }
        return new Plan.Clock(ClockMode.SCALED, number(c.get("factor"), "clock.factor", 0.0001, 100), 0);
      }
      case "virtual" -> {
        onlyFields(c, "clock.", Set.of("mode", "appWaitMs"));
        long wait = c.has("appWaitMs") ? whole(c, "appWaitMs", "clock.appWaitMs", 1, 600_000) : 2_000;
        return new Plan.Clock(ClockMode.VIRTUAL, 1.0, wait);
      }
      default -> throw new PlanException("clock.mode must be wall, scaled or virtual");
    }
  }

  private static Map<String, String> settings(JsonNode s) {
    Map<String, String> out = new LinkedHashMap<>();
    if (s == null) {
      return out;
    }
    if (!s.isObject()) {
      throw new PlanException("settings must be an object of callemu settings, e.g. {recognize.interDigitTimeoutEvent: failed}");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = s.fields(); it.hasNext();) {
      Map.Entry<String, JsonNode> f = it.next();
      if (!f.getValue().isValueNode() || f.getValue().isNull()) {
        throw new PlanException("settings." + f.getKey() + " must be a plain value");
      }
      out.put(f.getKey(), f.getValue().asText());
    }
    return out;
  }

  private static List<Plan.Profile> profiles(JsonNode list, Path baseDir) {
    if (!list.isArray() || list.isEmpty()) {
      throw new PlanException("profiles must be a non-empty list of {name, weight, scenario: <file> or rules: [...]}");
    }
    if (list.size() > MAX_PROFILES) {
      throw new PlanException("profiles: at most " + MAX_PROFILES + " profiles");
    }
    List<Plan.Profile> out = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>();
    for (int i = 0; i < list.size(); i++) {
      String field = "profiles[" + i + "]";
      JsonNode p = list.get(i);
      if (!p.isObject()) {
        throw new PlanException(field + " must be an object {name, weight, scenario or rules}");
      }
      onlyFields(p, field + ".", Set.of("name", "weight", "scenario", "rules"));
      String name = text(p, "name", field + ".name");
      if (!name.matches("[A-Za-z0-9_-]{1,40}")) {
        throw new PlanException(field + ".name must be 1 to 40 letters, digits, '-' or '_' (it prefixes thresholds)");
      }
      if (!names.add(name)) {
        throw new PlanException(field + ".name: '" + name + "' is used twice");
      }
      int weight = p.has("weight") ? (int) whole(p, "weight", field + ".weight", 1, 1_000_000) : 1;
      if (p.has("scenario") == p.has("rules")) {
        throw new PlanException(field + " needs exactly one of scenario (a scenario file) and rules (the rules inline; [] for a caller who does nothing)");
      }
      ArrayNode rules;
      Path scenarioDir;
      String where;
      if (p.has("scenario")) {
        String file = text(p, "scenario", field + ".scenario");
        Path path = baseDir.resolve(file).normalize();
        where = field + ".scenario (" + file + ")";
        JsonNode doc;
        try {
          doc = YAML.readTree(Files.readString(path));
        } catch (JsonProcessingException e) {
          throw new PlanException(where + " is neither valid YAML nor JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
          throw new PlanException(where + ": cannot read " + path + ": " + e.getMessage());
        }
        if (doc == null || !doc.isObject() || !doc.has("rules") || !doc.get("rules").isArray()) {
          throw new PlanException(where + " must be a scenario: an object with a \"rules\" list");
        }
        rules = (ArrayNode) doc.get("rules");
        scenarioDir = path.getParent();
      } else {
        if (!p.get("rules").isArray()) {
          throw new PlanException(field + ".rules must be a list of scenario rules");
        }
        rules = (ArrayNode) p.get("rules");
        scenarioDir = baseDir;
        where = field;
      }
      out.add(new Plan.Profile(name, weight, scenario(rules, scenarioDir, where), rules.size()));
    }
    return List.copyOf(out);
  }

  /**
   * The profile's rules as a scenario document, checked by callemu's scenario reader, with audio
   * paths made absolute (callemu resolves posted paths against its data dir otherwise).
   */
  private static String scenario(ArrayNode rules, Path dir, String where) {
    ArrayNode copy = rules.deepCopy();
    for (int r = 0; r < copy.size(); r++) {
      JsonNode rule = copy.get(r);
      if (rule.isObject()) {
        if (rule.has("times")) {
          throw new PlanException(where + ": rules[" + r + "].times is not allowed in a caller profile: "
              + "a rule fires on every call of its profile");
        }
        if (rule.path("match").has("remoteParty")) {
          throw new PlanException(where + ": rules[" + r + "].match.remoteParty is set by the bench (it "
              + "tells the profiles' callers apart)");
        }
        for (JsonNode step : rule.path("do")) {
          if (step.isObject() && step.path("audio").isTextual()) {
            ((ObjectNode) step).put("audio", dir.resolve(step.get("audio").asText()).toAbsolutePath().normalize().toString());
          }
        }
      }
    }
    ObjectNode doc = JsonNodeFactory.instance.objectNode();
    doc.set("rules", copy);
    String json;
    try {
      json = JSON.writeValueAsString(doc);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    if (!copy.isEmpty()) {
      try {
        ScenarioParser.parse(json, dir);
      } catch (InvalidRequest e) {
        throw new PlanException(where + ": " + e.getMessage());
      }
    }
    return json;
  }

  private static Plan.Limits limits(JsonNode l) {
    long callTimeout = 900;
    long late = 1_000;
    long maxRun = 3_600;
    if (l != null) {
      if (!l.isObject()) {
        throw new PlanException("limits must be an object {callTimeoutSeconds, callbackLateMs, maxRunSeconds}");
      }
      onlyFields(l, "limits.", Set.of("callTimeoutSeconds", "callbackLateMs", "maxRunSeconds"));
      if (l.has("callTimeoutSeconds")) {
        callTimeout = whole(l, "callTimeoutSeconds", "limits.callTimeoutSeconds", 1, 86_400);
      }
      if (l.has("callbackLateMs")) {
        late = whole(l, "callbackLateMs", "limits.callbackLateMs", 1, 600_000);
      }
      if (l.has("maxRunSeconds")) {
        maxRun = whole(l, "maxRunSeconds", "limits.maxRunSeconds", 1, 86_400);
      }
    }
    return new Plan.Limits(callTimeout, late, maxRun);
  }

  // ---- field readers ---------------------------------------------------------------------------

  private static void onlyFields(JsonNode o, String prefix, Set<String> allowed) {
    for (Iterator<String> it = o.fieldNames(); it.hasNext();) {
      String f = it.next();
      if (!allowed.contains(f)) {
        throw new PlanException(prefix + f + ": unknown field (allowed: " + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
      }
    }
  }

  private static JsonNode required(JsonNode o, String field) {
    JsonNode v = o.get(field);
    if (v == null || v.isNull()) {
      throw new PlanException(field + " is required");
    }
    return v;
  }

  private static String text(JsonNode o, String field) {
    return text(o, field, field);
  }

  private static String text(JsonNode o, String field, String path) {
    JsonNode v = o.get(field);
    if (v == null || !v.isTextual() || v.asText().isBlank()) {
      throw new PlanException(path + " is required and must be a non-empty string");
    }
    return v.asText();
  }

  private static long whole(JsonNode o, String field, String path, long min, long max) {
    JsonNode v = o.get(field);
    if (v == null || !v.isIntegralNumber() || v.asLong() < min || v.asLong() > max) {
      throw new PlanException(path + " must be a whole number from " + min + " to " + max);
    }
    return v.asLong();
  }

  private static double number(JsonNode v, String path, double min, double max) {
    if (v == null || !v.isNumber() || v.asDouble() < min || v.asDouble() > max) {
      throw new PlanException(path + " must be a number from " + min + " to " + max);
    }
    return v.asDouble();
  }

  private static String url(JsonNode o, String field, String path) {
    String s = text(o, field, path);
    try {
      URI u = new URI(s);
      if (("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null) {
        return s;
      }
    } catch (java.net.URISyntaxException e) {
      // answered below
    }
    throw new PlanException(path + " must be an absolute http or https URL, e.g. http://127.0.0.1:8080/api/incomingCall");
  }

  private static String phone(String s, String path) {
    if (!s.matches("\\+[0-9]{6,15}")) {
      throw new PlanException(path + " must be a phone number like +18005550100");
    }
    return s;
  }
}
