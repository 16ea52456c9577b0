package io.callemu.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.callemu.emulator.CallemuConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

/**
 * Base of the issue-5 media classes (play, recognize, cancel, continuous and sent DTMF, the
 * caller's input): one callemu on the virtual clock and the JS SDK app, so every timer is checked
 * to the millisecond by {@code clock/advance} and nothing waits on the wall clock. Calls are made
 * over plain HTTP with a Cognitive Services endpoint (speech needs one) and connected by advancing
 * the clock past the ring time.
 */
abstract class MediaConformanceTest extends ConformanceTest {

  static final long RING_MS = 10;
  static final String COGNITIVE_SERVICES = "https://callemu-cognitive.cognitiveservices.azure.com/";
  /** The callee of every call, as the JS app spells an identifier. */
  static final Map<String, Object> CALLEE = Map.of("phoneNumber", TARGET_PHONE);
  /** The callee as a wire identifier, for hand-made requests. */
  static final String CALLEE_JSON = "{\"rawId\":\"4:" + TARGET_PHONE + "\",\"phoneNumber\":{\"value\":\"" + TARGET_PHONE + "\"}}";

  static final String MSG_CANCELED = "Action failed, the operation was canceled.";

  @Override
  CallemuConfig configure(CallemuConfig config) {
    return config.withClock("virtual").withSetting("call.ringMs", Long.toString(RING_MS));
  }

  @BeforeAll
  void needsTheEmbeddedCallemu() {
    Assumptions.assumeTrue(callemu.isEmbedded(), "the media classes run on the embedded callemu's virtual clock");
  }

  /** Creates a call through the JS SDK (with a Cognitive Services endpoint), connects it and returns its id. */
  String connectedCall(String prefix) {
    return connectedCall(prefix, true);
  }

  String connectedCall(String prefix, boolean withCognitiveServices) {
    Map<String, Object> extra = withCognitiveServices
        ? Map.of("cognitiveServicesEndpoint", COGNITIVE_SERVICES) : Map.of();
    String id = jsCreateCall(JS_HTTP, newTag(prefix), CALLEE, extra).result().path("callConnectionId").asText();
    advance(RING_MS);
    awaitEvent(id, "CallConnected");
    return id;
  }

  /** Moves the virtual clock; returns once every callback due in the interval was delivered. */
  void advance(long ms) {
    callemu.control().advance(ms);
  }

  /** A JS SDK media command on the call ({@code op} as app.mjs names it), over plain HTTP. */
  NodeApp.Reply media(String op, String callConnectionId, Map<String, Object> args) {
    Map<String, Object> all = new HashMap<>(args);
    all.put("client", JS_HTTP);
    all.put("callConnectionId", callConnectionId);
    return node.call(op, all);
  }

  /**
   * A media action sent as a hand-signed request (for what the SDK would not send), e.g.
   * {@code rawAction(id, "recognize", body)} = {@code POST …/{id}:recognize} at api-version 2026-03-12.
   */
  SignedHttp.Response rawAction(String callConnectionId, String action, String body) {
    return rawAction(callConnectionId, action, body, "2026-03-12");
  }

  SignedHttp.Response rawAction(String callConnectionId, String action, String body, String apiVersion) {
    return raw.send(raw.request("POST",
        "/calling/callConnections/" + callConnectionId + ":" + action + "?api-version=" + apiVersion, body));
  }

  /** startRecognizing against the callee; {@code kind} dtmf, choices, speech or speechOrDtmf. */
  NodeApp.Reply recognize(String callConnectionId, String kind, Map<String, Object> options) {
    Map<String, Object> args = new HashMap<>(options);
    args.put("kind", kind);
    args.put("target", CALLEE);
    return media("startRecognizing", callConnectionId, args);
  }

  /** playToAll of the given sources (see app.mjs for their spelling). */
  @SafeVarargs
  final NodeApp.Reply playToAll(String callConnectionId, String operationContext, Map<String, Object> options,
      Map<String, Object>... sources) {
    Map<String, Object> args = new HashMap<>(options);
    List<Map<String, Object>> list = new java.util.ArrayList<>();
    for (Map<String, Object> source : sources) {
      list.add(source);
    }
    args.put("sources", list);
    args.put("operationContext", operationContext);
    return media("playToAll", callConnectionId, args);
  }

  static Map<String, Object> text(String text) {
    return Map.of("kind", "text", "text", text, "voiceName", "en-US-JennyNeural");
  }

  static Map<String, Object> ssml(String ssml) {
    return Map.of("kind", "ssml", "ssmlText", ssml);
  }

  static Map<String, Object> file(String url) {
    return Map.of("kind", "file", "url", url);
  }

  /** The caller presses keys ({@code POST /_emulator/calls/{id}/dtmf}); 100 ms tones, 150 ms gaps. */
  void press(String callConnectionId, String keys) {
    callemu.control().dtmf(callConnectionId, Map.of("tones", keys, "toneMs", 100, "gapMs", 150));
  }

  /** How long {@link #press} takes for {@code n} keys, so the clock can be moved past all of them. */
  static long pressMs(int n) {
    return n * 250L;
  }

  /** The caller says something ({@code POST /_emulator/calls/{id}/speech}). */
  void say(String callConnectionId, String text, long durationMs) {
    callemu.control().speech(callConnectionId, Map.of("text", text, "durationMs", durationMs));
  }

  /** The first callback of that kind for the call (already delivered or arriving within the wait), as the app got it. */
  JsonNode awaitEvent(String callConnectionId, String kind) {
    return node.call("waitCallback", Map.of("callConnectionId", callConnectionId, "kind", kind, "timeoutMs", WAIT_MS))
        .result();
  }

  /** Waits until {@code n} callbacks of that kind arrived for the call and returns their parsed data, in order. */
  List<JsonNode> awaitEvents(String callConnectionId, String kind, int n) {
    node.call("waitCallback", Map.of("callConnectionId", callConnectionId, "kind", kind, "count", n, "timeoutMs", WAIT_MS))
        .result();
    return events(callConnectionId, kind);
  }

  /** The SDK-parsed event (data fields plus "kind") of {@link #awaitEvent}. */
  JsonNode event(String callConnectionId, String kind) {
    return awaitEvent(callConnectionId, kind).path("event");
  }

  /** Every callback the app received for the call, in arrival order (each with kind, body, seq). */
  List<JsonNode> callbacks(String callConnectionId) {
    List<JsonNode> out = new ArrayList<>();
    node.call("callbacks", Map.of("callConnectionId", callConnectionId)).result().path("callbacks").forEach(out::add);
    return out;
  }

  /** The kinds of {@link #callbacks}, in order. */
  List<String> kinds(String callConnectionId) {
    return callbacks(callConnectionId).stream().map(c -> c.path("kind").asText()).toList();
  }

  /** The parsed events of one kind, in order. */
  List<JsonNode> events(String callConnectionId, String kind) {
    List<JsonNode> bodies = callbacks(callConnectionId).stream().filter(c -> kind.equals(c.path("kind").asText())).toList();
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode c : bodies) {
      out.add(json(c.path("body").asText()).path(0).path("data"));
    }
    return out;
  }

  void assertNoEvent(String callConnectionId, String... kinds) {
    assertThat(kinds(callConnectionId)).as("callbacks of call %s", callConnectionId).doesNotContain(kinds);
  }

  /** Asserts resultInformation code/subCode/message of a parsed event. */
  static void assertResult(JsonNode event, int code, int subCode, String message) {
    JsonNode result = event.path("resultInformation");
    assertThat(result.path("code").asInt()).as("resultInformation.code of %s", event).isEqualTo(code);
    assertThat(result.path("subCode").asInt()).as("resultInformation.subCode of %s", event).isEqualTo(subCode);
    if (message != null) {
      assertThat(result.path("message").asText()).as("resultInformation.message of %s", event).isEqualTo(message);
    }
  }

  /** A DTMF RecognizeCompleted ended by a stop tone (200/8514) with exactly these tones (names). */
  static void assertStopToneCompleted(JsonNode event, String... tones) {
    assertResult(event, 200, 8514, RecognizeDtmfTest.MSG_STOP_TONE);
    assertThat(event.path("recognitionType").asText()).isEqualTo("dtmf");
    assertThat(tones(event)).containsExactly(tones);
  }

  static List<String> tones(JsonNode recognizeCompleted) {
    List<String> tones = new ArrayList<>();
    recognizeCompleted.path("dtmfResult").path("tones").forEach(t -> tones.add(t.asText()));
    return tones;
  }

  /** The call as the control API shows it ({@code GET /_emulator/calls/{id}}). */
  JsonNode detail(String callConnectionId) {
    return callemu.control().call(callConnectionId);
  }

  /**
   * Waits until no media operation of the call is still fetching its file sources (state
   * "loading" in {@code GET /_emulator/calls/{id}}): a file prompt starts, and its timers run, only
   * once callemu has fetched it, which takes real time the virtual clock does not see. Bounded; the
   * control API's answers pace the loop.
   */
  void awaitFilesFetched(String callConnectionId) {
    long deadline = System.nanoTime() + WAIT_MS * 1_000_000;
    while (true) {
      JsonNode operations = detail(callConnectionId).path("media").path("operations");
      boolean loading = false;
      for (JsonNode op : operations) {
        loading |= "loading".equals(op.path("state").asText());
      }
      if (!loading) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("media operations still fetching files after " + WAIT_MS + " ms: " + operations);
      }
    }
  }

  /** Changes fidelity switches for the rest of the class ({@code POST /_emulator/settings}). */
  void set(String key, Object value) {
    callemu.control().set(Map.of(key, value));
  }

  /** The switch's default, restored after a test that changed it. */
  void reset(String key) {
    for (JsonNode s : callemu.control().settings().path("settings")) {
      if (key.equals(s.path("key").asText())) {
        set(key, s.path("default").asText());
        return;
      }
    }
    throw new AssertionError("callemu does not list the setting " + key);
  }
}
