package io.callemu.conformance.transcription;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callemu.conformance.CallemuTarget;
import io.callemu.conformance.Wav;
import io.callemu.emulator.core.call.CallService;
import io.callemu.emulator.client.ControlClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Real-time transcription through the JS SDK 1.6.0 and a {@code ws} WebSocket server, as the
 * documentation's examples build an app (src/test/node/transcription-app.mjs), against callemu on
 * the wall clock (embedded, or a running one: {@link CallemuTarget}). Every callback goes through {@code parseCallAutomationEvent} and every
 * frame through {@code StreamingData.parse}; after each test neither may have rejected anything.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JsTranscriptionTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CLIENT = "http";
  /** The JS client over HTTPS (NODE_EXTRA_CA_CERTS = callemu's ca.pem). */
  private static final String CLIENT_HTTPS = "https";
  private static final String CALLEE = "+15551234567";
  private static final String COGNITIVE = "https://cs.example.cognitiveservices.azure.com";
  private static final AtomicInteger TAGS = new AtomicInteger();

  private Path dataDir;
  private CallemuTarget callemu;
  private ControlClient control;
  private TranscriptionApp app;

  @BeforeAll
  void start() throws IOException {
    dataDir = Files.createTempDirectory("callemu-transcription-");
    callemu = CallemuTarget.start(dataDir, c -> c.withClock("wall").withSetting("call.ringMs", "20"));
    control = callemu.control();
    // short emulated waits keep the suite fast; the behaviour is the same at the defaults
    control.set(Map.of("transcription.segmentationSilenceMs", 100, "transcription.reconnectDelayMs", 50,
        "transcription.reconnectAttempts", 2));
    // The app serves wss with an embedded callemu's development certificate (its data dir's
    // cert.pem/key.pem); a running callemu's key is not the suite's to read.
    app = TranscriptionApp.start(callemu.caPem(), callemu.isEmbedded() ? dataDir : null);
    if (callemu.httpConnectionString() != null) {
      app.ok("client", Map.of("name", CLIENT, "connectionString", callemu.httpConnectionString(),
          "allowInsecureConnection", true));
    }
    app.ok("client", Map.of("name", CLIENT_HTTPS, "connectionString", callemu.connectionString()));
  }

  @SuppressWarnings("try") // the block only closes them
  @AfterAll
  void stop() throws IOException {
    try (TranscriptionApp a = app; CallemuTarget c = callemu) {
      // closed in reverse order
    }
    if (dataDir != null) {
      try (Stream<Path> files = Files.walk(dataDir)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  @AfterEach
  void everyCallbackAndFrameParsedInTheSdk() {
    assertThat(app.ok("failures", Map.of()).path("failures"))
        .as("callbacks or frames the JS SDK rejected; app stderr:\n%s", app.stderr()).isEmpty();
  }

  // ---- helpers ------------------------------------------------------------------------------------

  private static String tag(String prefix) {
    return prefix + "-" + TAGS.incrementAndGet();
  }

  private Map<String, Object> options(String tag) {
    Map<String, Object> o = new HashMap<>();
    o.put("transportType", "websocket");
    o.put("locale", "en-US");
    o.put("transportUrl", app.webSocketUrl(tag));
    o.put("startTranscription", false);
    return o;
  }

  /** createCall through the SDK to {@link #CALLEE}; waits for CallConnected; returns the call's id. */
  private String connectedCall(String tag, Map<String, Object> transcriptionOptions, boolean cognitive) {
    String id = createCall(tag, transcriptionOptions, cognitive);
    awaitEvent(id, "CallConnected", 1);
    return id;
  }

  /** createCall through the SDK to {@link #CALLEE}; returns the call's id at once. */
  private String createCall(String tag, Map<String, Object> transcriptionOptions, boolean cognitive) {
    Map<String, Object> args = new HashMap<>();
    args.put("client", CLIENT);
    args.put("targetPhone", CALLEE);
    args.put("callerId", "+15550000000");
    args.put("callbackTag", tag);
    if (transcriptionOptions != null) {
      args.put("transcriptionOptions", transcriptionOptions);
    }
    if (cognitive) {
      args.put("cognitiveServicesEndpoint", COGNITIVE);
    }
    return app.ok("createCall", args).path("callConnectionId").asText();
  }

  /** A connected call on its own tag whose transcription has started (TranscriptionStarted arrived). */
  private record Transcribing(String tag, String id) {
  }

  private Transcribing transcribing(String prefix, Map<String, Object> extraOptions) {
    String tag = tag(prefix);
    Map<String, Object> o = options(tag);
    o.putAll(extraOptions);
    String id = connectedCall(tag, o, true);
    app.ok("startTranscription", on(id));
    awaitEvent(id, "TranscriptionStarted", 1);
    return new Transcribing(tag, id);
  }

  private JsonNode awaitEvent(String callConnectionId, String kind, int n) {
    return app.ok("waitCallback", Map.of("callConnectionId", callConnectionId, "kind", kind, "n", n)).path("event");
  }

  private Map<String, Object> on(String id, Object... more) {
    Map<String, Object> m = new HashMap<>();
    m.put("client", CLIENT);
    m.put("callConnectionId", id);
    for (int i = 0; i < more.length; i += 2) {
      m.put((String) more[i], more[i + 1]);
    }
    return m;
  }

  /** Connection {@code n} (1-based) of the tag once it holds {@code frames} frames. */
  private JsonNode socket(String tag, int n, int frames) {
    return app.ok("waitSocket", Map.of("tag", tag, "connection", n, "frames", frames));
  }

  private JsonNode closedSocket(String tag, int n) {
    return app.ok("waitSocket", Map.of("tag", tag, "connection", n, "closed", true));
  }

  private void say(String id, String text, long durationMs) {
    control.speech(id, Map.of("text", text, "durationMs", durationMs));
  }

  private static void assertUpdate(JsonNode event, String status, String details) {
    assertThat(event.path("transcriptionUpdate").path("transcriptionStatus").asText()).isEqualTo(status);
    assertThat(event.path("transcriptionUpdate").path("transcriptionStatusDetails").asText()).isEqualTo(details);
  }

  private static void assertResult(JsonNode event, int code, int subCode) {
    assertThat(event.path("resultInformation").path("code").asInt()).isEqualTo(code);
    assertThat(event.path("resultInformation").path("subCode").asInt()).isEqualTo(subCode);
  }

  private static List<JsonNode> frames(JsonNode socket) {
    List<JsonNode> out = new ArrayList<>();
    socket.path("frames").forEach(out::add);
    return out;
  }

  // ---- the control plane ------------------------------------------------------------------------

  @Test
  @DisplayName("CA-TX-001 transcriptionOptions on createCall show in the call's transcriptionSubscription; startTranscription answers 202 and TranscriptionStarted follows with transcriptionUpdate")
  void startTranscriptionOnRequest() {
    String tag = tag("start");
    String id = connectedCall(tag, options(tag), true);
    JsonNode before = app.ok("getCall", on(id)).path("transcriptionSubscription");
    assertThat(before.path("state").asText()).isEqualTo("inactive");
    assertThat(before.path("locale").asText()).isEqualTo("en-US");

    app.ok("startTranscription", on(id, "locale", "en-AU", "operationContext", "st"));
    JsonNode started = awaitEvent(id, "TranscriptionStarted", 1);
    assertUpdate(started, "transcriptionStarted", "subscriptionStarted");
    assertResult(started, 200, 0);
    assertThat(started.path("operationContext").asText()).isEqualTo("st");
    JsonNode after = app.ok("getCall", on(id)).path("transcriptionSubscription");
    assertThat(after.path("state").asText()).isEqualTo("active");
    assertThat(after.path("locale").asText()).isEqualTo("en-AU");
    assertThat(after.path("subscribedResultStates")).extracting(JsonNode::asText).containsExactly("final");
    app.ok("hangUp", on(id));
  }

  @Test
  @DisplayName("CA-TX-002 callemu opens the WebSocket to transportUrl with x-ms-call-connection-id, x-ms-call-correlation-id and Authorization: Bearer <JWT>; the first frame is TranscriptionMetadata")
  void metadataFirstWithTheUpgradeHeaders() throws IOException {
    String tag = tag("meta");
    String id = connectedCall(tag, options(tag), true);
    String correlationId = app.ok("getCall", on(id)).path("correlationId").asText();
    app.ok("startTranscription", on(id));
    JsonNode socket = socket(tag, 1, 1);
    assertThat(socket.path("headers").path("x-ms-call-connection-id").asText()).isEqualTo(id);
    assertThat(socket.path("headers").path("x-ms-call-correlation-id").asText()).isEqualTo(correlationId);
    String auth = socket.path("headers").path("authorization").asText();
    assertThat(auth).startsWith("Bearer ");
    String[] jwt = auth.substring(7).split("\\.");
    assertThat(jwt).hasSize(3);
    assertThat(JSON.readTree(Base64.getUrlDecoder().decode(jwt[0])).path("alg").asText()).isEqualTo("RS256");

    JsonNode first = frames(socket).get(0);
    assertThat(first.path("kind").asText()).isEqualTo("TranscriptionMetadata");
    assertThat(first.path("isBinary").asBoolean()).as("text frames").isFalse();
    JsonNode metadata = first.path("data");
    assertThat(metadata.path("locale").asText()).isEqualTo("en-US");
    assertThat(metadata.path("callConnectionId").asText()).isEqualTo(id);
    assertThat(metadata.path("correlationId").asText()).isEqualTo(correlationId);
    assertThat(metadata.path("subscriptionId").asText()).isNotBlank();
    app.ok("hangUp", on(id));
  }

  @Test
  @DisplayName("CA-TX-003 what each participant says arrives as one Final TranscriptionData: text, participant and words with timings in ticks match the speaker's words; no Intermediate frames unless enabled")
  void finalTextAndWordTimingsMatchTheCallersWords() {
    Transcribing t = transcribing("final", Map.of());
    String tag = t.tag();
    String id = t.id();
    say(id, "I want to pay my bill", 1_500);
    JsonNode socket = socket(tag, 1, 2);
    List<JsonNode> frames = frames(socket);
    assertThat(frames).hasSize(2);
    JsonNode data = frames.get(1).path("data");
    assertThat(frames.get(1).path("kind").asText()).isEqualTo("TranscriptionData");
    assertThat(data.path("text").asText()).isEqualTo("I want to pay my bill");
    assertThat(data.path("format").asText()).isEqualTo("display");
    assertThat(data.path("resultState").asText()).isEqualTo("Final");
    assertThat(data.path("participant").path("phoneNumber").asText()).isEqualTo(CALLEE);
    // the wall clock's timers may fire a little late; voice activity lasted at least the 1.5 s asked
    assertThat(data.path("durationInTicks").asLong()).isBetween(1_500 * 10_000L, 1_700 * 10_000L);
    long phraseStart = data.path("offsetInTicks").asLong();
    assertThat(phraseStart).as("ticks from the start of the stream").isBetween(0L, 50_000_000L);
    List<String> words = new ArrayList<>();
    long at = phraseStart;
    long total = 0;
    for (JsonNode w : data.path("words")) {
      words.add(w.path("text").asText());
      assertThat(w.path("offsetInTicks").asLong()).isEqualTo(at);
      at += w.path("durationInTicks").asLong();
      total += w.path("durationInTicks").asLong();
    }
    assertThat(words).containsExactly("i", "want", "to", "pay", "my", "bill");
    assertThat(total).as("the words fill the 1.5 s of speech").isEqualTo(1_500 * 10_000L);

    // Every participant is transcribed: the app's own leg speaks too.
    String appLeg = CallService.APP_IDENTITY.rawId();
    control.speech(id, Map.of("text", "Let me check that", "durationMs", 800, "participant", appLeg));
    JsonNode other = frames(socket(tag, 1, 3)).get(2).path("data");
    assertThat(other.path("text").asText()).isEqualTo("Let me check that");
    assertThat(other.path("participant").path("communicationUserId").asText()).isEqualTo(appLeg);
    assertThat(other.path("offsetInTicks").asLong()).isGreaterThan(phraseStart + data.path("durationInTicks").asLong());
    app.ok("hangUp", on(id));
  }

  @Test
  @DisplayName("CA-TX-016 the caller's audio (POST /_emulator/calls/{id}/audio?text=…, a WAV) is transcribed: metadata first, then one Final TranscriptionData with the given text whose words lie inside the WAV's voiced part, in ticks from the stream's start")
  void callersAudioIsTranscribed() {
    long leadMs = 600;
    long voiceMs = 1_200;
    String text = "I would like to pay my bill";
    long beforeStreamStart = System.nanoTime();
    Transcribing t = transcribing("audio", Map.of());
    socket(t.tag(), 1, 1);
    JsonNode accepted = control.audio(t.id(), Wav.voiceBurst(16_000, (int) leadMs, (int) voiceMs, 400), text, 0);
    long postedWithinMs = (System.nanoTime() - beforeStreamStart) / 1_000_000;
    assertThat(accepted.path("utterances")).as("one voiced stretch: %s", accepted).hasSize(1);

    List<JsonNode> frames = frames(socket(t.tag(), 1, 2));
    assertThat(frames).extracting(f -> f.path("kind").asText()).containsExactly("TranscriptionMetadata", "TranscriptionData");
    JsonNode data = frames.get(1).path("data");
    assertThat(data.path("text").asText()).isEqualTo(text);
    assertThat(data.path("resultState").asText()).isEqualTo("Final");
    assertThat(data.path("participant").path("phoneNumber").asText()).isEqualTo(CALLEE);

    // The stream started after beforeStreamStart and the audio was posted within postedWithinMs of
    // it, so the voice (leadMs into the file) begins between leadMs and postedWithinMs + leadMs
    // after the stream's start; the energy detector may place its edges a frame or two off.
    long toleranceTicks = 60 * 10_000L;
    long voiceFrom = leadMs * 10_000L - toleranceTicks;
    long voiceTo = (postedWithinMs + leadMs + voiceMs) * 10_000L + toleranceTicks;
    long phraseStart = data.path("offsetInTicks").asLong();
    long phraseEnd = phraseStart + data.path("durationInTicks").asLong();
    assertThat(phraseStart).as("the leading silence is not speech").isGreaterThanOrEqualTo(voiceFrom);
    assertThat(data.path("durationInTicks").asLong()).as("the voiced part's length")
        .isBetween(voiceMs * 10_000L - toleranceTicks, voiceMs * 10_000L + toleranceTicks);
    assertThat(phraseEnd).isLessThanOrEqualTo(voiceTo);
    List<String> words = new ArrayList<>();
    for (JsonNode w : data.path("words")) {
      words.add(w.path("text").asText());
      long offset = w.path("offsetInTicks").asLong();
      assertThat(offset).as("word %s starts in the voiced part", w).isBetween(phraseStart, phraseEnd);
      assertThat(offset + w.path("durationInTicks").asLong()).as("word %s ends in the voiced part", w)
          .isBetween(phraseStart, phraseEnd);
    }
    assertThat(words).containsExactly("i", "would", "like", "to", "pay", "my", "bill");
    app.ok("hangUp", on(t.id()));
  }

  @Test
  @DisplayName("CA-TX-004 with enableIntermediateResults Intermediate hypotheses come before the phrase's one Final")
  void intermediatesBeforeTheFinal() {
    Transcribing t = transcribing("intermediate", Map.of("enableIntermediateResults", true));
    String tag = t.tag();
    String id = t.id();
    say(id, "one two three four five six", 1_800);
    awaitFinal(tag, 1);
    List<JsonNode> frames = frames(app.ok("sockets", Map.of("tag", tag)).path("sockets").get(0));
    List<String> states = new ArrayList<>();
    frames.subList(1, frames.size()).forEach(f -> states.add(f.path("data").path("resultState").asText()));
    assertThat(states).hasSizeGreaterThan(2);
    assertThat(states.subList(0, states.size() - 1)).containsOnly("Intermediate");
    assertThat(states.get(states.size() - 1)).isEqualTo("Final");
    app.ok("hangUp", on(id));
  }

  /** Waits until connection {@code n} of the tag received a Final frame; returns that connection. */
  private JsonNode awaitFinal(String tag, int n) {
    for (int frames = 2; ; frames++) {
      JsonNode socket = socket(tag, n, frames);
      List<JsonNode> list = frames(socket);
      if (list.get(list.size() - 1).path("data").path("resultState").asText().equalsIgnoreCase("final")) {
        return socket;
      }
    }
  }

  @Test
  @DisplayName("CA-TX-005 updateTranscription answers 202; TranscriptionUpdated (transcriptionLocaleUpdated) follows and the subscription's locale is the new one")
  void updateChangesTheLocale() {
    Transcribing t = transcribing("update", Map.of());
    String tag = t.tag();
    String id = t.id();
    app.ok("updateTranscription", on(id, "locale", "fr-FR", "operationContext", "up"));
    JsonNode updated = awaitEvent(id, "TranscriptionUpdated", 1);
    assertUpdate(updated, "transcriptionUpdated", "transcriptionLocaleUpdated");
    assertResult(updated, 200, 0);
    assertThat(updated.path("operationContext").asText()).isEqualTo("up");
    assertThat(app.ok("getCall", on(id)).path("transcriptionSubscription").path("locale").asText()).isEqualTo("fr-FR");
    app.ok("hangUp", on(id));
  }

  @Test
  @DisplayName("CA-TX-006 stopTranscription answers 202; TranscriptionStopped follows, the socket closes with 1000; a new start opens a new socket, metadata first")
  void stopEndsTheStream() {
    Transcribing t = transcribing("stop", Map.of());
    String tag = t.tag();
    String id = t.id();
    app.ok("stopTranscription", on(id, "operationContext", "sp"));
    JsonNode stopped = awaitEvent(id, "TranscriptionStopped", 1);
    assertUpdate(stopped, "transcriptionStopped", "subscriptionStopped");
    assertThat(closedSocket(tag, 1).path("closeCode").asInt()).isEqualTo(1000);
    assertThat(app.ok("getCall", on(id)).path("transcriptionSubscription").path("state").asText()).isEqualTo("inactive");

    // Speech while stopped is never sent: proven on the virtual clock in the emulator's
    // TranscriptionStreamingTest; here a new start opens a new socket that works as the first did.
    app.ok("startTranscription", on(id));
    awaitEvent(id, "TranscriptionStarted", 2);
    say(id, "back on the record", 600);
    JsonNode second = awaitFinal(tag, 2);
    assertThat(frames(second).get(frames(second).size() - 1).path("data").path("text").asText())
        .isEqualTo("back on the record");
    assertThat(frames(app.ok("sockets", Map.of("tag", tag)).path("sockets").get(0)))
        .extracting(f -> f.path("kind").asText()).containsExactly("TranscriptionMetadata");
    assertThat(frames(second).get(0).path("kind").asText()).isEqualTo("TranscriptionMetadata");
    app.ok("hangUp", on(id));
  }

  @Test
  @DisplayName("CA-TX-007 startTranscription: true starts when the call connects (TranscriptionStarted without a request); hanging up closes the socket with 1000 and no transcription event follows CallDisconnected")
  void startAtConnectAndHangUpClosesTheSocket() {
    String tag = tag("auto");
    Map<String, Object> o = options(tag);
    o.put("startTranscription", true);
    String id = connectedCall(tag, o, true);
    awaitEvent(id, "TranscriptionStarted", 1);
    socket(tag, 1, 1);
    app.ok("hangUp", on(id));
    awaitEvent(id, "CallDisconnected", 1);
    assertThat(closedSocket(tag, 1).path("closeCode").asInt()).isEqualTo(1000);
    List<String> kinds = new ArrayList<>();
    app.ok("callbackKinds", Map.of("callConnectionId", id)).path("kinds").forEach(k -> kinds.add(k.asText()));
    assertThat(kinds.get(kinds.size() - 1)).isEqualTo("CallDisconnected");
  }

  @Test
  @DisplayName("CA-TX-008 a scenario rule on transcriptionStarted (match on the start's operationContext) makes the caller speak; the phrase arrives as a Final frame")
  void scenarioSpeechOnTranscriptionStarted() {
    control.addScenario("{\"rules\":[{\"on\":\"transcriptionStarted\",\"match\":{\"operationContext\":\"scn\"},"
        + "\"do\":[{\"speech\":\"scripted caller here\",\"delayMs\":50}]}]}");
    try {
      String tag = tag("scenario");
      String id = connectedCall(tag, options(tag), true);
      app.ok("startTranscription", on(id, "operationContext", "scn"));
      List<JsonNode> frames = frames(awaitFinal(tag, 1));
      assertThat(frames.get(frames.size() - 1).path("data").path("text").asText()).isEqualTo("scripted caller here");
      app.ok("hangUp", on(id));
    } finally {
      control.clearScenarios();
    }
  }

  @Test
  @DisplayName("CA-TX-009 over HTTPS with a wss:// transportUrl: callemu trusts the data dir's CA, so an app serving callemu's own certificate gets metadata and data frames")
  void secureEndToEnd() {
    Assumptions.assumeTrue(callemu.isEmbedded(),
        "the app serves the embedded callemu's own certificate from its data dir; a running callemu's key is not the suite's");
    String tag = tag("wss");
    Map<String, Object> o = options(tag);
    o.put("transportUrl", app.secureWebSocketUrl(tag));
    Map<String, Object> args = new HashMap<>(Map.of("client", CLIENT_HTTPS, "targetPhone", CALLEE,
        "callerId", "+15550000000", "callbackTag", tag, "transcriptionOptions", o,
        "cognitiveServicesEndpoint", COGNITIVE));
    String id = app.ok("createCall", args).path("callConnectionId").asText();
    awaitEvent(id, "CallConnected", 1);
    Map<String, Object> start = on(id);
    start.put("client", CLIENT_HTTPS);
    app.ok("startTranscription", start);
    awaitEvent(id, "TranscriptionStarted", 1);
    say(id, "secure line", 500);
    List<JsonNode> frames = frames(awaitFinal(tag, 1));
    assertThat(frames.get(0).path("kind").asText()).isEqualTo("TranscriptionMetadata");
    assertThat(frames.get(frames.size() - 1).path("data").path("text").asText()).isEqualTo("secure line");
    app.ok("hangUp", on(id));
  }

  // ---- failure rows (reference 8.3) -------------------------------------------------------------

  @Test
  @DisplayName("CA-TX-010 rows answered synchronously: 405/8522 without transportUrl or Cognitive Services, 400/8523 locale without region, 400/8501 while ringing, 400/8528 after the call ended")
  void synchronousRows() {
    String tag = tag("sync");
    Map<String, Object> noUrl = options(tag);
    noUrl.remove("transportUrl");
    String withoutUrl = connectedCall(tag, noUrl, true);
    assertError(app.error("startTranscription", on(withoutUrl)), 405, "8522");
    String withoutCognitive = connectedCall(tag, options(tag), false);
    assertError(app.error("startTranscription", on(withoutCognitive)), 405, "8522");
    String ok = connectedCall(tag, options(tag), true);
    assertError(app.error("startTranscription", on(ok, "locale", "en")), 400, "8523");
    app.ok("hangUp", on(ok));
    awaitEvent(ok, "CallDisconnected", 1);
    assertError(app.error("startTranscription", on(ok)), 400, "8528");

    control.set(Map.of("call.ringMs", 60_000));
    try {
      String ringing = createCall(tag, options(tag), true);
      assertError(app.error("startTranscription", on(ringing)), 400, "8501");
      app.ok("hangUp", on(ringing));
    } finally {
      control.set(Map.of("call.ringMs", 20));
    }
    app.ok("hangUp", on(withoutUrl));
    app.ok("hangUp", on(withoutCognitive));
    assertThat(app.ok("sockets", Map.of("tag", tag)).path("sockets")).isEmpty();
  }

  private static void assertError(JsonNode error, int status, String code) {
    assertThat(error.path("statusCode").asInt()).as("%s", error).isEqualTo(status);
    assertThat(error.path("code").asText()).as("%s", error).isEqualTo(code);
  }

  @Test
  @DisplayName("CA-TX-011 rows found while setting up the stream come as TranscriptionFailed: 400/8605 custom speech model, 400/8581 transportUrl not ws(s), 500/8578 WebSocket refused (after the reconnect attempts)")
  void eventRowsByBehaviour() {
    String tag = tag("events");
    String id = connectedCall(tag, options(tag), true);
    app.ok("startTranscription", on(id, "speechRecognitionModelEndpointId", "0000a000-9999-5555-ae00-cd00e0bc0001"));
    JsonNode custom = awaitEvent(id, "TranscriptionFailed", 1);
    assertResult(custom, 400, 8605);
    assertUpdate(custom, "transcriptionFailed", "badRequest");

    app.ok("socketMode", Map.of("tag", tag, "mode", "refuse"));
    app.ok("startTranscription", on(id));
    JsonNode refused = awaitEvent(id, "TranscriptionFailed", 2);
    assertResult(refused, 500, 8578);
    assertUpdate(refused, "transcriptionFailed", "streamConnectionUnsuccessful");
    assertThat(app.ok("sockets", Map.of("tag", tag)).path("sockets")).as("first try and 2 reconnects").hasSize(3);
    app.ok("hangUp", on(id));

    Map<String, Object> https = options(tag);
    https.put("transportUrl", "https://127.0.0.1:9/not-a-websocket");
    String bad = connectedCall(tag, https, true);
    app.ok("startTranscription", on(bad));
    assertResult(awaitEvent(bad, "TranscriptionFailed", 1), 400, 8581);
    app.ok("hangUp", on(bad));
  }

  @Test
  @DisplayName("CA-TX-012 every TranscriptionFailed row of the catalogue (reference 8.3) is reachable through POST /_emulator/faults and parses in the SDK with its code, subCode and message")
  void everyFailureRowThroughAFault() {
    String tag = tag("faults");
    String id = connectedCall(tag, options(tag), true);
    List<JsonNode> rows = new ArrayList<>();
    for (JsonNode row : control.catalogue().path("rows")) {
      if ("transcription".equals(row.path("action").asText()) && "TranscriptionFailed".equals(row.path("event").asText())) {
        rows.add(row);
      }
    }
    assertThat(rows).hasSize(20);
    int n = 0;
    for (JsonNode row : rows) {
      control.addFault(Map.of("action", "transcription", "callConnectionId", id, "result",
          Map.of("event", "TranscriptionFailed", "code", row.path("code").asInt(), "subCode", row.path("subCode").asInt(),
              "message", row.path("message").asText())));
      app.ok("startTranscription", on(id));
      JsonNode failed = awaitEvent(id, "TranscriptionFailed", ++n);
      assertResult(failed, row.path("code").asInt(), row.path("subCode").asInt());
      assertThat(failed.path("resultInformation").path("message").asText()).isEqualTo(row.path("message").asText());
      assertThat(failed.path("transcriptionUpdate").path("transcriptionStatus").asText()).isEqualTo("transcriptionFailed");
    }
    assertThat(app.ok("sockets", Map.of("tag", tag)).path("sockets")).isEmpty();
    app.ok("hangUp", on(id));
  }

  // ---- the connection -----------------------------------------------------------------------------

  @Test
  @DisplayName("CA-TX-013 when the app closes the socket callemu reconnects: TranscriptionUpdated (streamConnectionInterrupted), then TranscriptionStarted (transcriptionResumed, streamConnectionReestablished) and metadata first on the new socket")
  void reconnectsWhenTheAppClosesTheSocket() {
    String tag = tag("reconnect");
    String id = connectedCall(tag, options(tag), true);
    app.ok("socketMode", Map.of("tag", tag, "mode", "closeAfterFirstFrame"));
    app.ok("startTranscription", on(id));
    assertUpdate(awaitEvent(id, "TranscriptionUpdated", 1), "transcriptionUpdated", "streamConnectionInterrupted");
    JsonNode resumed = awaitEvent(id, "TranscriptionStarted", 2);
    assertUpdate(resumed, "transcriptionResumed", "streamConnectionReestablished");
    JsonNode again = socket(tag, 2, 1);
    assertThat(frames(again).get(0).path("kind").asText()).isEqualTo("TranscriptionMetadata");
    app.ok("hangUp", on(id));
  }

  @Test
  @DisplayName("CA-TX-014 the websocket fault drops the connection (close 1011) and callemu reconnects with metadata first")
  void websocketFaultDropsTheConnection() {
    Transcribing t = transcribing("drop", Map.of());
    String tag = t.tag();
    String id = t.id();
    socket(tag, 1, 1);
    control.addFault(Map.of("action", "websocket", "callConnectionId", id));
    assertThat(closedSocket(tag, 1).path("closeCode").asInt()).isEqualTo(1011);
    assertUpdate(awaitEvent(id, "TranscriptionUpdated", 1), "transcriptionUpdated", "streamConnectionInterrupted");
    awaitEvent(id, "TranscriptionStarted", 2);
    assertThat(frames(socket(tag, 2, 1)).get(0).path("kind").asText()).isEqualTo("TranscriptionMetadata");
    app.ok("hangUp", on(id));
  }

  @Test
  @DisplayName("CA-TX-015 with transcription.resultStatusCasing=final the frames say \"final\" (the SDK passes resultStatus through as resultState)")
  void casingSwitch() {
    control.set(Map.of("transcription.resultStatusCasing", "final"));
    try {
      Transcribing t = transcribing("casing", Map.of());
      String tag = t.tag();
      String id = t.id();
      say(id, "lower case please", 600);
      JsonNode socket = awaitFinal(tag, 1);
      List<JsonNode> frames = frames(socket);
      assertThat(frames.get(frames.size() - 1).path("data").path("resultState").asText()).isEqualTo("final");
      app.ok("hangUp", on(id));
    } finally {
      control.set(Map.of("transcription.resultStatusCasing", "Final"));
    }
  }
}
