package io.callemu.emulator;

import io.callemu.emulator.core.clock.ClockMode;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How one emulator instance starts (CONTRACT section 1): immutable, built from defaults, from the
 * command line plus {@code CALLEMU_*} environment variables, or with fluent {@code withX} copies.
 */
public final class CallemuConfig {

  private final String host;
  private final int port;
  private final int httpsPort;
  private final Path certPem;
  private final Path keyPem;
  private final Path dataDir;
  private final String accessKey;
  private final String clock;
  private final double timeScale;
  private final Path scenario;
  private final String eventGridWebhook;
  private final Map<String, String> settings;
  private final boolean loose;
  private final String controlToken;
  private final Path journal;
  private final Map<String, String> graphApps;
  private final String speechKey;

  private CallemuConfig(Values v) {
    this.host = v.host;
    this.port = v.port;
    this.httpsPort = v.httpsPort;
    this.certPem = v.certPem;
    this.keyPem = v.keyPem;
    this.dataDir = v.dataDir;
    this.accessKey = v.accessKey;
    this.clock = v.clock;
    this.timeScale = v.timeScale;
    this.scenario = v.scenario;
    this.eventGridWebhook = v.eventGridWebhook;
    this.settings = Collections.unmodifiableMap(new LinkedHashMap<>(v.settings));
    this.loose = v.loose;
    this.controlToken = v.controlToken;
    this.journal = v.journal;
    this.graphApps = Collections.unmodifiableMap(new LinkedHashMap<>(v.graphApps));
    this.speechKey = v.speechKey;
  }

  /** The mutable twin every {@code withX} copy goes through. */
  private static final class Values {
    String host = "127.0.0.1";
    int port = 9080;
    int httpsPort = 9443;
    Path certPem;
    Path keyPem;
    Path dataDir = Path.of(".callemu");
    String accessKey = Callemu.WELL_KNOWN_ACCESS_KEY;
    String clock = ClockMode.WALL.wire();
    double timeScale = 1.0;
    Path scenario;
    String eventGridWebhook;
    Map<String, String> settings = new LinkedHashMap<>();
    boolean loose;
    String controlToken;
    Path journal;
    Map<String, String> graphApps = new LinkedHashMap<>();
    String speechKey = Callemu.WELL_KNOWN_SPEECH_KEY;
  }

  private CallemuConfig with(java.util.function.Consumer<Values> change) {
    Values v = new Values();
    v.host = host;
    v.port = port;
    v.httpsPort = httpsPort;
    v.certPem = certPem;
    v.keyPem = keyPem;
    v.dataDir = dataDir;
    v.accessKey = accessKey;
    v.clock = clock;
    v.timeScale = timeScale;
    v.scenario = scenario;
    v.eventGridWebhook = eventGridWebhook;
    v.settings = new LinkedHashMap<>(settings);
    v.loose = loose;
    v.controlToken = controlToken;
    v.journal = journal;
    v.graphApps = new LinkedHashMap<>(graphApps);
    v.speechKey = speechKey;
    change.accept(v);
    return new CallemuConfig(v);
  }

  /** The defaults of CONTRACT section 1. */
  public static CallemuConfig defaults() {
    return new CallemuConfig(new Values());
  }

  /**
   * Reads the command line on top of {@code CALLEMU_<NAME>} environment variables (the command
   * line wins). Options take {@code --name value} or {@code --name=value}.
   *
   * @throws IllegalArgumentException with a message fit for the user on any bad option or value
   */
  public static CallemuConfig fromArgs(String[] args, Map<String, String> env) {
    Map<String, String> values = new LinkedHashMap<>();
    Map<String, String> settings = new LinkedHashMap<>();
    // Repeatable: the command line's list replaces the environment's rather than adding to it.
    java.util.List<String> envGraphApps = new java.util.ArrayList<>();
    java.util.List<String> graphApps = new java.util.ArrayList<>();
    for (String name : Option.NAMES) {
      String fromEnv = env.get("CALLEMU_" + name.toUpperCase(Locale.ROOT).replace('-', '_'));
      if (fromEnv != null && !fromEnv.isEmpty()) {
        if (name.equals("set")) {
          for (String pair : fromEnv.split(",")) {
            putSetting(settings, pair.trim(), "CALLEMU_SET");
          }
        } else if (name.equals("graph-app")) {
          for (String app : fromEnv.split(",")) {
            envGraphApps.add(app.trim());
          }
        } else {
          values.put(name, fromEnv);
        }
      }
    }
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument '" + arg + "' (options start with --)");
      }
      String name = arg.substring(2);
      String value = null;
      int eq = name.indexOf('=');
      if (eq >= 0) {
        value = name.substring(eq + 1);
        name = name.substring(0, eq);
      }
      if (!Option.NAMES.contains(name)) {
        throw new IllegalArgumentException("unknown option --" + name + " (see --help)");
      }
      if (name.equals("loose") && value == null) {
        value = "true";
      } else if (value == null) {
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("option --" + name + " needs a value");
        }
        value = args[++i];
      }
      if (name.equals("set")) {
        putSetting(settings, value, "--set");
      } else if (name.equals("graph-app")) {
        graphApps.add(value);
      } else {
        values.put(name, value);
      }
    }
    CallemuConfig c = defaults();
    for (Map.Entry<String, String> e : values.entrySet()) {
      c = c.with(e.getKey(), e.getValue());
    }
    for (Map.Entry<String, String> e : settings.entrySet()) {
      c = c.withSetting(e.getKey(), e.getValue());
    }
    for (String app : graphApps.isEmpty() ? envGraphApps : graphApps) {
      c = c.withGraphApp(app);
    }
    c.validate();
    return c;
  }

  private static void putSetting(Map<String, String> settings, String pair, String where) {
    int eq = pair.indexOf('=');
    if (eq <= 0) {
      throw new IllegalArgumentException(where + " expects key=value, got '" + pair + "'");
    }
    settings.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
  }

  private CallemuConfig with(String option, String value) {
    switch (option) {
      case "host": return withHost(value);
      case "port": return withPort(parseInt(option, value));
      case "https-port": return withHttpsPort(parseInt(option, value));
      case "cert": return withCert(Path.of(value), keyPem);
      case "key": return withCert(certPem, Path.of(value));
      case "data-dir": return withDataDir(Path.of(value));
      case "access-key": return withAccessKey(value);
      case "clock": return withClock(value);
      case "time-scale": return withTimeScale(parseDouble(option, value));
      case "scenario": return withScenario(Path.of(value));
      case "eventgrid-webhook": return withEventGridWebhook(value);
      case "loose": return withLoose(parseBoolean(option, value));
      case "control-token": return withControlToken(value);
      case "journal": return withJournal(Path.of(value));
      case "speech-key": return withSpeechKey(value);
      default: throw new IllegalArgumentException("unknown option --" + option);
    }
  }

  /**
   * Checks the combination of values; {@link Callemu#start} calls it too, so embedded users get
   * the same messages as the command line.
   */
  public void validate() {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("--host must not be empty");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("--port must be 0..65535, got " + port);
    }
    if (httpsPort < -1 || httpsPort > 65535) {
      throw new IllegalArgumentException("--https-port must be -1 (off) or 0..65535, got " + httpsPort);
    }
    if ((certPem == null) != (keyPem == null)) {
      throw new IllegalArgumentException("--cert and --key must be given together");
    }
    if (ClockMode.fromWire(clock) == null) {
      throw new IllegalArgumentException("--clock must be 'wall' or 'virtual', got '" + clock + "'");
    }
    if (!(timeScale > 0) || Double.isInfinite(timeScale)) {
      throw new IllegalArgumentException("--time-scale must be a positive number, got " + timeScale);
    }
    if (accessKey == null || accessKey.isEmpty()) {
      throw new IllegalArgumentException("--access-key must not be empty");
    }
    try {
      if (Base64.getDecoder().decode(accessKey).length == 0) {
        throw new IllegalArgumentException("--access-key decodes to no bytes");
      }
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--access-key must be base64: " + e.getMessage());
    }
    if (eventGridWebhook != null && !(eventGridWebhook.startsWith("http://")
        || eventGridWebhook.startsWith("https://"))) {
      throw new IllegalArgumentException("--eventgrid-webhook must be an http(s) URL, got '"
          + eventGridWebhook + "'");
    }
    if (speechKey == null || speechKey.isEmpty()) {
      throw new IllegalArgumentException("--speech-key must not be empty");
    }
    if (controlToken != null && controlToken.isEmpty()) {
      throw new IllegalArgumentException("--control-token must not be empty");
    }
    if (controlToken == null && !isLoopback(host)) {
      throw new IllegalArgumentException("--host " + host + " is not a loopback address: set "
          + "--control-token so that others on the network cannot drive the control API");
    }
  }

  private static boolean isLoopback(String host) {
    if (host.equalsIgnoreCase("localhost")) {
      return true;
    }
    try {
      // Only literal addresses are judged; a host name is resolved once, at start.
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static int parseInt(String option, String value) {
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + option + " expects a whole number, got '" + value + "'");
    }
  }

  private static double parseDouble(String option, String value) {
    try {
      return Double.parseDouble(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + option + " expects a number, got '" + value + "'");
    }
  }

  private static boolean parseBoolean(String option, String value) {
    switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "true": case "1": case "yes": case "on": return true;
      case "false": case "0": case "no": case "off": return false;
      default: throw new IllegalArgumentException("--" + option + " expects true or false, got '" + value + "'");
    }
  }

  public CallemuConfig withHost(String h) {
    return with(v -> v.host = h);
  }

  public CallemuConfig withPort(int p) {
    return with(v -> v.port = p);
  }

  public CallemuConfig withHttpsPort(int p) {
    return with(v -> v.httpsPort = p);
  }

  public CallemuConfig withDataDir(Path d) {
    Objects.requireNonNull(d, "dataDir");
    return with(v -> v.dataDir = d);
  }

  public CallemuConfig withAccessKey(String base64) {
    return with(v -> v.accessKey = base64);
  }

  /** {@code "wall"} or {@code "virtual"}. */
  public CallemuConfig withClock(String mode) {
    return with(v -> v.clock = mode);
  }

  public CallemuConfig withTimeScale(double s) {
    return with(v -> v.timeScale = s);
  }

  public CallemuConfig withEventGridWebhook(String url) {
    return with(v -> v.eventGridWebhook = url);
  }

  public CallemuConfig withLoose(boolean b) {
    return with(v -> v.loose = b);
  }

  public CallemuConfig withControlToken(String t) {
    return with(v -> v.controlToken = t);
  }

  public CallemuConfig withJournal(Path p) {
    return with(v -> v.journal = p);
  }

  /** The Speech resource key ({@code Ocp-Apim-Subscription-Key}) of the Speech-to-text surface. */
  public CallemuConfig withSpeechKey(String key) {
    return with(v -> v.speechKey = key);
  }

  public CallemuConfig withScenario(Path p) {
    return with(v -> v.scenario = p);
  }

  /**
   * One application that may get Graph tokens ({@code --graph-app <clientId>:<secret>}, split at
   * the first colon); once any is given, the well-known application of CONTRACT section 6 is not
   * registered.
   *
   * @throws IllegalArgumentException for a value without both parts, or a client id given twice
   */
  public CallemuConfig withGraphApp(String clientIdAndSecret) {
    int colon = clientIdAndSecret.indexOf(':');
    String clientId = colon < 0 ? "" : clientIdAndSecret.substring(0, colon).trim();
    String secret = colon < 0 ? "" : clientIdAndSecret.substring(colon + 1);
    if (clientId.isEmpty() || secret.isEmpty() || clientId.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException("--graph-app expects <clientId>:<secret>, got '"
          + (colon < 0 ? clientIdAndSecret : clientId + ":…") + "'");
    }
    if (graphApps.containsKey(clientId)) {
      throw new IllegalArgumentException("--graph-app names client id " + clientId + " twice");
    }
    return with(v -> v.graphApps.put(clientId, secret));
  }

  /** One setting ({@code --set key=value}); checked against the known settings at start. */
  public CallemuConfig withSetting(String key, String value) {
    return with(v -> v.settings.put(key, value));
  }

  public CallemuConfig withCert(Path certPem, Path keyPem) {
    return with(v -> {
      v.certPem = certPem;
      v.keyPem = keyPem;
    });
  }

  public String host() { return host; }
  public int port() { return port; }
  /** -1 when HTTPS is off. */
  public int httpsPort() { return httpsPort; }
  public Path certPem() { return certPem; }
  public Path keyPem() { return keyPem; }
  public Path dataDir() { return dataDir; }
  public String accessKey() { return accessKey; }
  /** The clock mode (valid once {@link #validate()} passed). */
  public ClockMode clock() { return ClockMode.fromWire(clock); }
  public double timeScale() { return timeScale; }
  public Path scenario() { return scenario; }
  public String eventGridWebhook() { return eventGridWebhook; }
  /** The {@code --set} values, in the order given. */
  public Map<String, String> settings() { return settings; }
  public boolean loose() { return loose; }
  public String controlToken() { return controlToken; }
  public Path journal() { return journal; }
  /**
   * The {@code --graph-app} applications, client id to secret, in the order given; empty when none
   * was given (then the well-known application is the one registered).
   */
  public Map<String, String> graphApps() { return graphApps; }
  public String speechKey() { return speechKey; }

  /** Every start option's name, without the leading dashes ({@code "https-port"}). */
  public static List<String> optionNames() {
    return Option.NAMES;
  }

  /** The start options' names. */
  private static final class Option {
    static final List<String> NAMES = List.of("host", "port", "https-port",
        "cert", "key", "data-dir", "access-key", "clock", "time-scale", "scenario",
        "eventgrid-webhook", "set", "loose", "control-token", "journal", "graph-app", "speech-key");

    private Option() {
    }
  }
}
