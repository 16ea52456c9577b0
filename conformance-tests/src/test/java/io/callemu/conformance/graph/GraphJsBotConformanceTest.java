package io.callemu.conformance.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.callemu.conformance.CallemuTarget;
import io.callemu.conformance.NodeApp;
import io.callemu.emulator.surface.graph.identity.RegisteredApps;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A Graph bot written with {@code @azure/identity} 4.14.1 and {@code @microsoft/microsoft-graph-client}
 * 3.0.7 over HTTPS (src/test/node/graph-app.mjs) against callemu on the virtual clock: it gets a
 * token from callemu, answers an offered call, subscribes to tones, plays a prompt, records a
 * response ended by a stop tone, downloads the WAV and hangs up. Its notification endpoint checks
 * every notification's JWT with jose against the keys callemu publishes, as a bot does.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GraphJsBotConformanceTest {

  private static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
  private static final String CALLER = "+15557654321";

  private Path dataDir;
  private CallemuTarget callemu;
  private String origin;
  private NodeApp bot;
  private String notificationBaseUrl;

  @BeforeAll
  void start() throws IOException {
    assumeThat(CallemuTarget.external()).as("these tests move callemu's virtual clock").isFalse();
    dataDir = Files.createTempDirectory("callemu-graph-js-");
    Path caPem = CallemuTarget.caPemFor(dataDir);
    callemu = CallemuTarget.start(dataDir, c -> c.withClock("virtual"));
    origin = callemu.httpsEndpoint();
    bot = NodeApp.start("graph-app.mjs", caPem, Map.of());
    notificationBaseUrl = bot.call("bot", Map.of(
        "openIdConfiguration", origin + "/_emulator/graph/.well-known/OpenIdConfiguration",
        "audience", RegisteredApps.WELL_KNOWN_CLIENT_ID)).result().path("notificationBaseUrl").asText();
  }

  @AfterAll
  void stop() {
    if (bot != null) {
      bot.close();
    }
    if (callemu != null) {
      callemu.close();
    }
  }

  /** A Graph request by the bot's Graph client (its token from callemu's token endpoint). */
  private NodeApp.Reply graph(String method, String path, Object body, boolean raw) {
    Map<String, Object> cmd = new HashMap<>();
    cmd.put("authorityHost", origin);
    cmd.put("baseUrl", origin);
    cmd.put("tenantId", TENANT);
    cmd.put("clientId", RegisteredApps.WELL_KNOWN_CLIENT_ID);
    cmd.put("clientSecret", RegisteredApps.WELL_KNOWN_CLIENT_SECRET);
    cmd.put("method", method);
    cmd.put("path", path);
    cmd.put("raw", raw);
    if (body != null) {
      cmd.put("body", body);
    }
    return bot.call("graph", cmd);
  }

  private JsonNode ok(String method, String path, Object body, int status) {
    JsonNode r = graph(method, path, body, true).result();
    assertThat(r.path("status").asInt()).as(method + " " + path + ": " + r).isEqualTo(status);
    return r;
  }

  /** The tag's notifications once there are {@code count}, each checked by the bot's jose validation. */
  private List<JsonNode> notifications(String tag, int count) {
    List<JsonNode> out = new ArrayList<>();
    bot.call("notifications", Map.of("tag", tag, "count", count)).result().forEach(out::add);
    assertThat(out).allSatisfy(n -> assertThat(n.path("verified").asBoolean()).as(n.path("error").asText()).isTrue());
    return out;
  }

  private static JsonNode value(JsonNode notification) {
    return notification.path("body").path("value").get(0);
  }

  private String offer(String tag) {
    return callemu.control().graphIncomingCall(Map.of("callbackUri", notificationBaseUrl + "/" + tag,
        "from", CALLER, "tenantId", TENANT)).path("id").asText();
  }

  private static Map<String, Object> answerBody() {
    return Map.of("acceptedModalities", List.of("audio"),
        "mediaConfig", Map.of("@odata.type", "#microsoft.graph.serviceHostedMediaConfig"));
  }

  private static Map<String, Object> prompt(String uri) {
    return Map.of("@odata.type", "#microsoft.graph.mediaPrompt", "mediaInfo", Map.of("uri", uri, "resourceId",
        UUID.randomUUID().toString()));
  }

  @Test
  @DisplayName("GR-JS-001 a JS bot answers an offered call, subscribes to tones, plays a prompt, records a response ended by a stop tone, downloads the WAV and hangs up; every notification's JWT verifies with jose")
  void aWholeIvrTurn() {
    String tag = "turn";
    String call = offer(tag);
    JsonNode created = value(notifications(tag, 1).get(0));
    assertThat(created.path("changeType").asText()).isEqualTo("created");
    assertThat(created.path("resourceData").path("state").asText()).isEqualTo("incoming");
    assertThat(created.path("resourceData").path("source").path("identity").path("phone").path("id").asText())
        .isEqualTo(CALLER);

    ok("POST", "/communications/calls/" + call + "/answer", answerBody(), 202);
    callemu.control().advance(0);
    List<JsonNode> n = notifications(tag, 3);
    assertThat(value(n.get(1)).path("resourceData").path("state").asText()).isEqualTo("establishing");
    assertThat(value(n.get(2)).path("resourceData").path("state").asText()).isEqualTo("established");
    assertThat(value(n.get(2)).path("resourceData").path("mediaState").path("audio").asText()).isEqualTo("active");
    assertThat(n.get(2).path("claims").path("tid").asText()).isEqualTo(TENANT);

    JsonNode tones = ok("POST", "/communications/calls/" + call + "/subscribeToTone", Map.of("clientContext", "t"), 200);
    assertThat(tones.path("body").path("status").asText()).isEqualTo("completed");
    JsonNode played = ok("POST", "/communications/calls/" + call + "/playPrompt",
        Map.of("clientContext", "welcome", "prompts", List.of(prompt("https://cdn.contoso.com/welcome.wav"))), 200);
    assertThat(played.path("body").path("status").asText()).isEqualTo("running");
    Map<String, Object> record = new HashMap<>();
    record.put("clientContext", "answer");
    record.put("prompts", List.of(prompt("https://cdn.contoso.com/beep.wav")));
    record.put("bargeInAllowed", false);
    record.put("initialSilenceTimeoutInSeconds", 5);
    record.put("maxSilenceTimeoutInSeconds", 5);
    record.put("maxRecordDurationInSeconds", 10);
    record.put("playBeep", true);
    record.put("stopTones", List.of("#", "*"));
    JsonNode recording = ok("POST", "/communications/calls/" + call + "/recordResponse", record, 200);
    String op = recording.path("body").path("id").asText();
    assertThat(recording.path("location").asText())
        .isEqualTo(origin + "/v1.0/communications/calls/" + call + "/operations/" + op);

    // The welcome prompt plays 3 s, then the record's prompt 3 s and the beep 0.5 s: recording from 6.5 s.
    // The caller sends 1 s of a tone at 7.5 s (after 0.5 s of silence in the file), presses 1 at 9 s and # at 9.25 s.
    callemu.control().audio(call, sineWithLeadingSilence(), null, 7_000);
    callemu.control().dtmf(call, Map.of("tones", "1#", "delayMs", 9_000));
    callemu.control().advance(9_249);
    assertThat(notifications(tag, 3)).noneMatch(x -> value(x).path("resourceUrl").asText().endsWith(op));
    callemu.control().advance(1);
    List<JsonNode> all = notifications(tag, 7);
    JsonNode done = all.stream().map(GraphJsBotConformanceTest::value)
        .filter(x -> x.path("resourceUrl").asText().endsWith("/operations/" + op)).findFirst().orElseThrow();
    assertThat(done.path("changeType").asText()).isEqualTo("deleted");
    JsonNode result = done.path("resourceData");
    assertThat(result.path("status").asText()).isEqualTo("completed");
    assertThat(result.path("completionReason").asText()).isEqualTo("stopToneDetected");
    assertThat(result.path("resultInfo").path("code").asInt()).isEqualTo(200);
    assertThat(all.stream().map(GraphJsBotConformanceTest::value)
        .filter(x -> x.path("resourceData").path("toneInfo").isObject())
        .map(x -> x.path("resourceData").path("toneInfo").path("tone").asText()).toList())
        .containsExactly("tone1", "pound");

    JsonNode refused = bot.call("download", Map.of("url", result.path("recordingLocation").asText())).result();
    assertThat(refused.path("status").asInt()).isEqualTo(401);
    JsonNode wav = bot.call("download", Map.of("url", result.path("recordingLocation").asText(),
        "token", result.path("recordingAccessToken").asText())).result();
    assertThat(wav.path("status").asInt()).isEqualTo(200);
    assertThat(wav.path("contentType").asText()).isEqualTo("application/octet-stream");
    RecordedWav audio = RecordedWav.parse(Base64.getDecoder().decode(wav.path("base64").asText()));
    assertThat(audio.durationMillis()).isEqualTo(2_750);
    assertThat(audio.silent(0, 1_000)).isTrue();
    assertThat(audio.power(440, 1_000, 2_000)).isGreaterThan(1e6);
    assertThat(audio.silent(2_000, 2_500)).isTrue();
    assertThat(audio.power(697, 2_500, 2_600)).isGreaterThan(1e6);
    assertThat(audio.power(1209, 2_500, 2_600)).isGreaterThan(1e6);

    ok("DELETE", "/communications/calls/" + call, null, 204);
    callemu.control().advance(0);
    List<JsonNode> end = notifications(tag, all.size() + 2);
    assertThat(value(end.get(end.size() - 1)).path("changeType").asText()).isEqualTo("deleted");
    assertThat(value(end.get(end.size() - 1)).path("resourceData").path("state").asText()).isEqualTo("terminated");
  }

  @Test
  @DisplayName("GR-JS-002 the JS Graph client gets GraphErrors in the Graph envelope for bad media requests (two prompts, 121 s, unknown call); cancelMediaProcessing ends the running record as failed operationCanceled")
  void errorsAndCancel() {
    String tag = "cancel";
    String call = offer(tag);
    ok("POST", "/communications/calls/" + call + "/answer", answerBody(), 202);
    callemu.control().advance(0);
    notifications(tag, 3);

    JsonNode twoPrompts = graph("POST", "/communications/calls/" + call + "/recordResponse",
        Map.of("prompts", List.of(prompt("https://x.example/1.wav"), prompt("https://x.example/2.wav"))), false).error();
    assertThat(twoPrompts.path("name").asText()).isEqualTo("GraphError");
    assertThat(twoPrompts.path("statusCode").asInt()).isEqualTo(400);
    assertThat(twoPrompts.path("code").asText()).isEqualTo("BadRequest");
    assertThat(twoPrompts.path("details").path("requestId").asText()).hasSize(36);
    JsonNode tooLong = graph("POST", "/communications/calls/" + call + "/recordResponse",
        Map.of("maxRecordDurationInSeconds", 121), false).error();
    assertThat(tooLong.path("statusCode").asInt()).isEqualTo(400);
    JsonNode unknown = graph("POST", "/communications/calls/" + UUID.randomUUID() + "/playPrompt",
        Map.of("prompts", List.of(prompt("https://x.example/1.wav"))), false).error();
    assertThat(unknown.path("statusCode").asInt()).isEqualTo(404);
    assertThat(unknown.path("code").asText()).isEqualTo("8522");

    String op = graph("POST", "/communications/calls/" + call + "/recordResponse", Map.of("clientContext", "r"), false)
        .result().path("id").asText();
    JsonNode cancel = graph("POST", "/communications/calls/" + call + "/cancelMediaProcessing",
        Map.of("clientContext", "c"), false).result();
    assertThat(cancel.path("status").asText()).isEqualTo("completed");
    callemu.control().advance(0);
    JsonNode canceled = value(notifications(tag, 4).get(3));
    assertThat(canceled.path("resourceUrl").asText()).endsWith("/operations/" + op);
    assertThat(canceled.path("resourceData").path("status").asText()).isEqualTo("failed");
    assertThat(canceled.path("resourceData").path("completionReason").asText()).isEqualTo("operationCanceled");
    assertThat(canceled.path("resourceData").path("resultInfo").path("subcode").asInt()).isEqualTo(8508);
  }

  /** 0.5 s of silence, then 1 s of 440 Hz: a voice detector hears speech in the second part. */
  private static byte[] sineWithLeadingSilence() {
    return RecordedWav.sine(440, 500, 1_000);
  }
}
