package io.callemu.emulator.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * A blocking client of the control API (CONTRACT §3), so a test reads like a script: press keys,
 * advance the clock, wait for an event, assert.
 *
 * <p>Blocking on purpose: tests and tools call it from their own thread. Never call it on a Vert.x
 * event loop, least of all on the emulator's own, which would then wait for itself.
 *
 * <p>Methods return the answer's JSON; an empty answer comes back as a {@link NullNode}. A non-2xx
 * answer throws {@link ControlException} with status and body; a transport failure (callemu not
 * running, no answer in time) throws {@link UncheckedIOException}. Instances are immutable and
 * thread-safe.
 */
public final class ControlClient {

  /** How long a request may take, beyond a wait's own timeout; advancing the clock delivers callbacks. */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CONTROL = "/_emulator";

  private final String baseUrl;
  private final String controlToken;
  private final Duration requestTimeout;
  private final HttpClient http;

  /**
   * @param baseUrl where callemu listens, e.g. {@code http://127.0.0.1:9080}
   * @param controlTokenOrNull the {@code --control-token}, sent as a bearer token; null when unset
   */
  public ControlClient(String baseUrl, String controlTokenOrNull) {
    this(baseUrl, controlTokenOrNull, DEFAULT_REQUEST_TIMEOUT);
  }

  public ControlClient(String baseUrl, String controlTokenOrNull, Duration requestTimeout) {
    String url = Objects.requireNonNull(baseUrl, "baseUrl");
    this.baseUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    URI.create(this.baseUrl); // fail here, not on the first call, for a malformed URL
    this.controlToken = controlTokenOrNull;
    this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
    this.http =
        HttpClient.newBuilder()
            // Plain HTTP/1.1: no h2c upgrade dance on every request to a local server.
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
  }

  /** The URL this client talks to, without a trailing slash. */
  public String baseUrl() {
    return baseUrl;
  }

  /** {@code GET /_emulator/health}: readiness and version. */
  public JsonNode health() {
    return get("/health");
  }

  /** {@code POST /_emulator/reset}: drops all calls, faults, scenarios and the journal. */
  public void reset() {
    post("/reset", null);
  }

  /** {@code GET /_emulator/calls}: every call with its state. */
  public JsonNode calls() {
    return get("/calls");
  }

  /** {@code GET /_emulator/calls/{id}}: one call with its media operations and timers. */
  public JsonNode call(String callConnectionId) {
    return get("/calls/" + segment(callConnectionId));
  }

  /** {@code POST /_emulator/calls/{id}/hangup}: the remote party hangs up. */
  public void hangup(String callConnectionId) {
    post("/calls/" + segment(callConnectionId) + "/hangup", null);
  }

  /** {@code POST /_emulator/calls/{id}/dtmf}: the remote party presses keys. */
  public JsonNode dtmf(String callConnectionId, Map<String, Object> body) {
    return post("/calls/" + segment(callConnectionId) + "/dtmf", body);
  }

  /** {@code POST /_emulator/calls/{id}/speech}: the remote party says something. */
  public JsonNode speech(String callConnectionId, Map<String, Object> body) {
    return post("/calls/" + segment(callConnectionId) + "/speech", body);
  }

  /**
   * {@code POST /_emulator/calls/{id}/audio}: the remote party's audio (a WAV file).
   *
   * @param textOrNull what the audio says, for the simulated recognizer
   */
  public JsonNode audio(String callConnectionId, byte[] wav, String textOrNull, long delayMs) {
    Map<String, Object> query = new LinkedHashMap<>();
    query.put("text", textOrNull);
    query.put("delayMs", delayMs);
    return send(
        "POST",
        "/calls/" + segment(callConnectionId) + "/audio" + query(query),
        "audio/wav",
        Objects.requireNonNull(wav, "wav"),
        requestTimeout);
  }

  /** {@code POST /_emulator/incoming-calls}: an inbound ACS call; the answer has its context. */
  public JsonNode incomingCall(Map<String, Object> body) {
    return post("/incoming-calls", body);
  }

  /** {@code POST /_emulator/graph/incoming-calls}: an inbound Graph call notification to a bot. */
  public JsonNode graphIncomingCall(Map<String, Object> body) {
    return post("/graph/incoming-calls", body);
  }

  /**
   * {@code GET /_emulator/events}: the journal, filtered by whichever arguments are not null.
   *
   * @param since only entries after this journal position (as the journal reports it)
   */
  public JsonNode events(String callConnectionId, String type, Long since) {
    Map<String, Object> query = new LinkedHashMap<>();
    query.put("callConnectionId", callConnectionId);
    query.put("type", type);
    query.put("since", since);
    return get("/events" + query(query));
  }

  /**
   * {@code POST /_emulator/events/wait}: blocks until a callback of this type was delivered.
   *
   * @param callConnectionId the call, or null for any call
   * @throws ControlException with status 408 when none arrived within {@code timeoutMs}
   */
  public JsonNode waitFor(String callConnectionId, String type, long timeoutMs) {
    Map<String, Object> body = new LinkedHashMap<>();
    if (callConnectionId != null) {
      body.put("callConnectionId", callConnectionId);
    }
    body.put("type", Objects.requireNonNull(type, "type"));
    body.put("timeoutMs", timeoutMs);
    // The server holds the request for up to timeoutMs; only give up well after it should answer.
    return send("POST", "/events/wait", "application/json", json(body),
        requestTimeout.plusMillis(Math.max(0, timeoutMs)));
  }

  /** {@code GET /_emulator/clock}: {@code {"mode", "now"}}. */
  public JsonNode clock() {
    return get("/clock");
  }

  /**
   * {@code POST /_emulator/clock/advance}: virtual clock only; returns once every timer due in
   * the interval fired and its callbacks were delivered.
   */
  public JsonNode advance(long ms) {
    return post("/clock/advance", Map.of("ms", ms));
  }

  /** {@code POST /_emulator/faults}: the next matching action ends with the given result. */
  public JsonNode addFault(Map<String, Object> fault) {
    return post("/faults", fault);
  }

  /** {@code GET /_emulator/faults}: the faults still armed. */
  public JsonNode faults() {
    return get("/faults");
  }

  /** {@code DELETE /_emulator/faults}. */
  public void clearFaults() {
    send("DELETE", "/faults", null, null, requestTimeout);
  }

  /**
   * {@code POST /_emulator/scenarios}: sends the document as it is, labelled JSON when it starts
   * like JSON and YAML otherwise, so files can be passed through unparsed.
   */
  public JsonNode addScenario(String jsonOrYaml) {
    String trimmed = Objects.requireNonNull(jsonOrYaml, "jsonOrYaml").stripLeading();
    String type = trimmed.startsWith("{") || trimmed.startsWith("[") ? "application/json" : "application/yaml";
    return send("POST", "/scenarios", type, jsonOrYaml.getBytes(StandardCharsets.UTF_8), requestTimeout);
  }

  /** {@code GET /_emulator/scenarios}: the rules loaded. */
  public JsonNode scenarios() {
    return get("/scenarios");
  }

  /** {@code DELETE /_emulator/scenarios}. */
  public void clearScenarios() {
    send("DELETE", "/scenarios", null, null, requestTimeout);
  }

  /**
   * {@code POST /_emulator/speech/transcripts}: what a caller says to the Speech surface; with
   * {@code pcmSha256OrNull} (SHA-256 of the audio's PCM sample bytes, hex) only audio with that hash,
   * else the next utterance detected.
   */
  public JsonNode addSpeechTranscript(String text, String pcmSha256OrNull) {
    Map<String, Object> body = new java.util.LinkedHashMap<>();
    body.put("text", Objects.requireNonNull(text, "text"));
    if (pcmSha256OrNull != null) {
      body.put("pcmSha256", pcmSha256OrNull);
    }
    return post("/speech/transcripts", body);
  }

  /** {@code GET /_emulator/speech/transcripts}: the queue, then those registered by hash. */
  public JsonNode speechTranscripts() {
    return get("/speech/transcripts");
  }

  /** {@code DELETE /_emulator/speech/transcripts}. */
  public void clearSpeechTranscripts() {
    send("DELETE", "/speech/transcripts", null, null, requestTimeout);
  }

  /** {@code GET /_emulator/catalogue}: every media result row with its event, codes and how it is reached. */
  public JsonNode catalogue() {
    return get("/catalogue");
  }

  /** {@code GET /_emulator/settings}: every fidelity switch with its value and default. */
  public JsonNode settings() {
    return get("/settings");
  }

  /** {@code POST /_emulator/settings}: changes fidelity switches. */
  public JsonNode set(Map<String, Object> settings) {
    return post("/settings", settings);
  }

  private JsonNode get(String controlPath) {
    return send("GET", controlPath, null, null, requestTimeout);
  }

  private JsonNode post(String controlPath, Map<String, Object> bodyOrNull) {
    return bodyOrNull == null
        ? send("POST", controlPath, null, null, requestTimeout)
        : send("POST", controlPath, "application/json", json(bodyOrNull), requestTimeout);
  }

  private JsonNode send(String method, String controlPath, String contentType, byte[] body, Duration timeout) {
    String pathAndQuery = CONTROL + controlPath;
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
            .timeout(timeout)
            .header("Accept", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (controlToken != null) {
      request.header("Authorization", "Bearer " + controlToken);
    }
    HttpResponse<byte[]> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(
          method + " " + baseUrl + pathAndQuery + " failed (is callemu running there?): " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during " + method + " " + pathAndQuery, e);
    }
    JsonNode answer = parse(response.body());
    if (response.statusCode() / 100 != 2) {
      throw new ControlException(
          method + " " + pathAndQuery + " answered " + response.statusCode() + ": " + describe(answer),
          response.statusCode(),
          answer);
    }
    return answer;
  }

  private static JsonNode parse(byte[] body) {
    if (body.length == 0) {
      return NullNode.getInstance();
    }
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      return TextNode.valueOf(new String(body, StandardCharsets.UTF_8));
    }
  }

  private static String describe(JsonNode answer) {
    JsonNode error = answer.path("error");
    if (error.isObject()) {
      return error.path("code").asText("?") + " " + error.path("message").asText("");
    }
    String text = answer.isTextual() ? answer.textValue() : answer.toString();
    return text.length() > 500 ? text.substring(0, 500) + "..." : text;
  }

  private static byte[] json(Map<String, Object> body) {
    try {
      return JSON.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write the request body as JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** Leaves out null values, so optional filters are simply absent. */
  private static String query(Map<String, Object> parameters) {
    StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
    parameters.forEach(
        (name, value) -> {
          if (value != null) {
            query.add(name + "=" + percentEncode(value.toString()));
          }
        });
    return query.toString();
  }

  private static String segment(String pathSegment) {
    return percentEncode(Objects.requireNonNull(pathSegment, "callConnectionId"));
  }

  /**
   * RFC 3986 percent-encoding of everything but unreserved characters; unlike URLEncoder it never
   * turns a space into '+', which is only a space in form bodies.
   */
  private static String percentEncode(String value) {
    StringBuilder out = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || c == '-' || c == '.' || c == '_' || c == '~') {
        out.append(c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }
}
