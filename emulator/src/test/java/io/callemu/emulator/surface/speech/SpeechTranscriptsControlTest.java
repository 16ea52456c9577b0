package io.callemu.emulator.surface.speech;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code /_emulator/speech/transcripts}, scenarios' {@code speechTranscripts}, and the control token over them. */
class SpeechTranscriptsControlTest {

  private static JsonArray listed(SpeechServer server) {
    return new JsonObject(server.control("GET", "/_emulator/speech/transcripts", null).body()).getJsonArray("transcripts");
  }

  @Test
  void transcriptsArePostedListedAndClearedAndBadOnesChangeNothing() {
    try (SpeechServer server = SpeechServer.start(c -> c)) {
      String hash = "ab".repeat(32);
      HttpResponse<String> added = server.control("POST", "/_emulator/speech/transcripts",
          new JsonArray().add(new JsonObject().put("text", "one")).add(new JsonObject().put("text", "two")
              .put("pcmSha256", hash)).encode());
      assertThat(added.statusCode()).isEqualTo(201);
      assertThat(listed(server)).hasSize(2);
      assertThat(listed(server).getJsonObject(1).getString("pcmSha256")).isEqualTo(hash);
      for (String bad : new String[] {"{}", "{\"text\":5}", "{\"text\":\"x\",\"pcmSha256\":\"zz\"}", "[]", "[{\"text\":\"ok\"},7]",
          "not json"}) {
        HttpResponse<String> r = server.control("POST", "/_emulator/speech/transcripts", bad);
        assertThat(r.statusCode()).as(bad).isEqualTo(400);
        assertThat(new JsonObject(r.body()).getJsonObject("error").getString("message")).isNotBlank();
      }
      assertThat(listed(server)).hasSize(2);
      assertThat(server.control("DELETE", "/_emulator/speech/transcripts", null).statusCode()).isEqualTo(204);
      assertThat(listed(server)).isEmpty();
      server.control("POST", "/_emulator/speech/transcripts", "{\"text\":\"again\"}");
      server.control("POST", "/_emulator/reset", null);
      assertThat(listed(server)).isEmpty();
    }
  }

  @Test
  void aScenarioMayCarrySpeechTranscriptsAloneOrBesideRulesAndABadOneAddsNothing() throws Exception {
    Path dir = Files.createTempDirectory("callemu-scenario-");
    Path file = dir.resolve("speech.yaml");
    Files.writeString(file, "speechTranscripts:\n  - text: from the file\n");
    try (SpeechServer server = SpeechServer.start(c -> c.withScenario(file))) {
      assertThat(listed(server).getJsonObject(0).getString("text")).isEqualTo("from the file");
      HttpResponse<String> posted = server.control("POST", "/_emulator/scenarios",
          "{\"speechTranscripts\":[{\"text\":\"posted\"}],\"rules\":[{\"on\":\"callConnected\",\"do\":[{\"hangup\":{}}]}]}");
      assertThat(posted.statusCode()).isEqualTo(201);
      assertThat(listed(server)).hasSize(2);
      HttpResponse<String> bad = server.control("POST", "/_emulator/scenarios",
          "{\"speechTranscripts\":[{\"text\":\"ok\"},{\"nope\":1}]}");
      assertThat(bad.statusCode()).isEqualTo(400);
      assertThat(bad.body()).contains("speechTranscripts[1].text");
      HttpResponse<String> badRules = server.control("POST", "/_emulator/scenarios",
          "{\"speechTranscripts\":[{\"text\":\"ok\"}],\"rules\":[{\"on\":\"never\"}]}");
      assertThat(badRules.statusCode()).isEqualTo(400);
      assertThat(listed(server)).hasSize(2);
      assertThat(server.control("POST", "/_emulator/scenarios", "{\"other\":1}").body()).contains("speechTranscripts");
    } finally {
      Files.delete(file);
      Files.delete(dir);
    }
  }

  @Test
  void theControlTokenGuardsTheTranscriptsButNotTheSpeechSurface() {
    try (SpeechServer server = SpeechServer.start(c -> c.withControlToken("secret"))) {
      assertThat(server.control("POST", "/_emulator/speech/transcripts", "{\"text\":\"x\"}").statusCode()).isEqualTo(401);
      HttpResponse<String> ok = server.send(HttpRequest.newBuilder(URI.create(server.url("/_emulator/speech/transcripts")))
          .header("Authorization", "Bearer secret").POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"yes\"}")));
      assertThat(ok.statusCode()).isEqualTo(201);
      HttpResponse<String> r = server.recognize("/speech/recognition/interactive/cognitiveservices/v1?language=en-US",
          SpeechAudio.pcm16k().silence(300).voice(600).silence(900).wav());
      assertThat(new JsonObject(r.body()).getString("DisplayText")).isEqualTo("Yes.");
    }
  }

  @Test
  void theSettingsAreListedWithTheirDefaults() {
    try (SpeechServer server = SpeechServer.start(c -> c)) {
      String settings = server.control("GET", "/_emulator/settings", null).body();
      assertThat(settings).contains("speech.maxSessions", "speech.idleTimeoutMs", "speech.maxTurnSeconds",
          "speech.continuousHypotheses");
    }
  }
}
