package io.callemu.emulator.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ControlClientTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private RecordingServer server;
  private ControlClient client;

  @BeforeEach
  void start() throws Exception {
    server = new RecordingServer();
    client = new ControlClient(server.url(), null);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** Each call of CONTRACT §3: what the client sends (body null = no body at all). */
  static Stream<Arguments> contract() {
    Map<String, Object> dtmf = new LinkedHashMap<>();
    dtmf.put("tones", "12#");
    dtmf.put("toneMs", 100);
    return Stream.of(
        call("health", c -> c.health(), "GET", "/_emulator/health", null),
        call("reset", c -> c.reset(), "POST", "/_emulator/reset", null),
        call("calls", c -> c.calls(), "GET", "/_emulator/calls", null),
        call("call", c -> c.call("c1"), "GET", "/_emulator/calls/c1", null),
        call("hangup", c -> c.hangup("c1"), "POST", "/_emulator/calls/c1/hangup", null),
        call("dtmf", c -> c.dtmf("c1", dtmf), "POST", "/_emulator/calls/c1/dtmf", "{\"tones\":\"12#\",\"toneMs\":100}"),
        call("speech", c -> c.speech("c1", Map.of("text", "pay my bill")), "POST", "/_emulator/calls/c1/speech",
            "{\"text\":\"pay my bill\"}"),
        call("incomingCall", c -> c.incomingCall(Map.of("from", "+15550001", "to", "+15550002")), "POST",
            "/_emulator/incoming-calls", "{\"from\":\"+15550001\",\"to\":\"+15550002\"}"),
        call("graphIncomingCall", c -> c.graphIncomingCall(Map.of("callbackUri", "http://bot/cb")), "POST",
            "/_emulator/graph/incoming-calls", "{\"callbackUri\":\"http://bot/cb\"}"),
        call("addSpeechTranscript", c -> c.addSpeechTranscript("five pencils", null), "POST",
            "/_emulator/speech/transcripts", "{\"text\":\"five pencils\"}"),
        call("addSpeechTranscript (hash)", c -> c.addSpeechTranscript("yes", "ab"), "POST",
            "/_emulator/speech/transcripts", "{\"text\":\"yes\",\"pcmSha256\":\"ab\"}"),
        call("speechTranscripts", c -> c.speechTranscripts(), "GET", "/_emulator/speech/transcripts", null),
        call("clearSpeechTranscripts", c -> c.clearSpeechTranscripts(), "DELETE", "/_emulator/speech/transcripts",
            null),
        call("events (all)", c -> c.events(null, null, null), "GET", "/_emulator/events", null),
        call("events (filtered)", c -> c.events("c1", "Microsoft.Communication.RecognizeCompleted", 42L), "GET",
            "/_emulator/events?callConnectionId=c1&type=Microsoft.Communication.RecognizeCompleted&since=42", null),
        call("waitFor", c -> c.waitFor("c1", "Microsoft.Communication.PlayCompleted", 5000), "POST",
            "/_emulator/events/wait",
            "{\"callConnectionId\":\"c1\",\"type\":\"Microsoft.Communication.PlayCompleted\",\"timeoutMs\":5000}"),
        call("waitFor (any call)", c -> c.waitFor(null, "Microsoft.Communication.CallConnected", 100), "POST",
            "/_emulator/events/wait", "{\"type\":\"Microsoft.Communication.CallConnected\",\"timeoutMs\":100}"),
        call("clock", c -> c.clock(), "GET", "/_emulator/clock", null),
        call("advance", c -> c.advance(1500), "POST", "/_emulator/clock/advance", "{\"ms\":1500}"),
        call("addFault", c -> c.addFault(Map.of("action", "recognize")), "POST", "/_emulator/faults",
            "{\"action\":\"recognize\"}"),
        call("faults", c -> c.faults(), "GET", "/_emulator/faults", null),
        call("clearFaults", c -> c.clearFaults(), "DELETE", "/_emulator/faults", null),
        call("scenarios", c -> c.scenarios(), "GET", "/_emulator/scenarios", null),
        call("catalogue", c -> c.catalogue(), "GET", "/_emulator/catalogue", null),
        call("clearScenarios", c -> c.clearScenarios(), "DELETE", "/_emulator/scenarios", null),
        call("settings", c -> c.settings(), "GET", "/_emulator/settings", null),
        call("set", c -> c.set(Map.of("recognize.stopToneInResult", false)), "POST", "/_emulator/settings",
            "{\"recognize.stopToneInResult\":false}"));
  }

  private static Arguments call(String name, Consumer<ControlClient> action, String method, String path, String json) {
    return Arguments.of(name, action, method, path, json);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("contract")
  void sendsTheContractsMethodPathAndBody(
      String name, Consumer<ControlClient> action, String method, String path, String json) throws Exception {
    action.accept(client);

    RecordingServer.Request request = server.only();
    assertThat(request.method()).isEqualTo(method);
    assertThat(request.pathAndQuery()).isEqualTo(path);
    assertThat(request.header("Accept")).isEqualTo("application/json");
    assertThat(request.header("Authorization")).isNull();
    if (json == null) {
      assertThat(request.body()).isEmpty();
      assertThat(request.header("Content-Type")).isNull();
    } else {
      assertThat(JSON.readTree(request.body())).isEqualTo(JSON.readTree(json));
      assertThat(request.header("Content-Type")).isEqualTo("application/json");
    }
  }

  @Test
  void sendsTheControlTokenAsBearer() {
    new ControlClient(server.url() + "/", "s3cret").reset();

    assertThat(server.only().header("Authorization")).isEqualTo("Bearer s3cret");
    assertThat(server.only().pathAndQuery()).isEqualTo("/_emulator/reset");
  }

  @Test
  void returnsTheAnswersJson() {
    server.reply(200, "application/json", "{\"status\":\"ready\",\"version\":\"0.1.0\"}");

    JsonNode health = client.health();

    assertThat(health.path("status").asText()).isEqualTo("ready");
    assertThat(health.path("version").asText()).isEqualTo("0.1.0");
  }

  @Test
  void anEmptyAnswerIsANullNode() {
    server.reply(204, "application/json", "");

    assertThat(client.clock().isNull()).isTrue();
  }

  @Test
  void percentEncodesIdsAndQueryValues() {
    client.call("a b/c?d");
    assertThat(server.only().pathAndQuery()).isEqualTo("/_emulator/calls/a%20b%2Fc%3Fd");
  }

  @Test
  void sendsAudioAsWavWithTextAndDelayInTheQuery() {
    byte[] wav = {'R', 'I', 'F', 'F', 0, 1, 2};

    client.audio("c1", wav, "yes please", 300);

    RecordingServer.Request request = server.only();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.pathAndQuery()).isEqualTo("/_emulator/calls/c1/audio?text=yes%20please&delayMs=300");
    assertThat(request.header("Content-Type")).isEqualTo("audio/wav");
    assertThat(request.body()).isEqualTo(wav);
  }

  @Test
  void sendsScenarioDocumentsUnchangedLabelledJsonOrYaml() {
    String json = "  {\"rules\":[{\"on\":\"play\",\"do\":[{\"hangup\":{}}]}]}";
    String yaml = "rules:\n  - on: play\n    do:\n      - hangup: {}\n";

    client.addScenario(json);
    client.addScenario(yaml);

    List<RecordingServer.Request> requests = server.requests();
    assertThat(requests).hasSize(2).allSatisfy(r -> {
      assertThat(r.method()).isEqualTo("POST");
      assertThat(r.pathAndQuery()).isEqualTo("/_emulator/scenarios");
    });
    assertThat(requests.get(0).bodyText()).isEqualTo(json);
    assertThat(requests.get(0).header("Content-Type")).isEqualTo("application/json");
    assertThat(requests.get(1).bodyText()).isEqualTo(yaml);
    assertThat(requests.get(1).header("Content-Type")).isEqualTo("application/yaml");
  }

  @Test
  void mapsAnErrorEnvelopeToAControlException() {
    server.reply(404, "application/json", "{\"error\":{\"code\":\"UnknownCall\",\"message\":\"no call c9\"}}");

    assertThatThrownBy(() -> client.call("c9"))
        .isInstanceOfSatisfying(ControlException.class, e -> {
          assertThat(e.status()).isEqualTo(404);
          assertThat(e.body().path("error").path("code").asText()).isEqualTo("UnknownCall");
          assertThat(e.getMessage()).isEqualTo("GET /_emulator/calls/c9 answered 404: UnknownCall no call c9");
        });
  }

  @Test
  void aWaitThatTimesOutThrowsWithStatus408() {
    server.reply(408, "application/json", "{\"error\":{\"code\":\"Timeout\",\"message\":\"no PlayCompleted within 100 ms\"}}");

    assertThatThrownBy(() -> client.waitFor("c1", "Microsoft.Communication.PlayCompleted", 100))
        .isInstanceOfSatisfying(ControlException.class, e -> assertThat(e.status()).isEqualTo(408));
  }

  @Test
  void keepsANonJsonErrorBodyAsText() {
    server.reply(500, "text/plain", "Internal Server Error");

    assertThatThrownBy(() -> client.reset())
        .isInstanceOfSatisfying(ControlException.class, e -> {
          assertThat(e.status()).isEqualTo(500);
          assertThat(e.body().isTextual()).isTrue();
          assertThat(e.body().asText()).isEqualTo("Internal Server Error");
          assertThat(e.getMessage()).endsWith("answered 500: Internal Server Error");
        });
  }

  @Test
  void reportsAnUnreachableEmulatorAsAnIoFailureNamingTheUrl() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    ControlClient nobodyHome = new ControlClient("http://127.0.0.1:" + port, null);

    assertThatThrownBy(nobodyHome::health)
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("GET http://127.0.0.1:" + port + "/_emulator/health failed (is callemu running there?)");
  }

  @Test
  void refusesABodyThatIsNotJson() {
    assertThatThrownBy(() -> client.set(Map.of("x", new Object())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot write the request body as JSON");
  }

  @Test
  void rejectsAMalformedBaseUrlAtConstruction() {
    assertThatThrownBy(() -> new ControlClient("http://bad host:1", null)).isInstanceOf(IllegalArgumentException.class);
    assertThat(new ControlClient("http://127.0.0.1:9080/", null).baseUrl()).isEqualTo("http://127.0.0.1:9080");
  }
}
