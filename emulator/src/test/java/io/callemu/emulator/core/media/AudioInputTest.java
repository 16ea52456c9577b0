package io.callemu.emulator.core.media;

import static io.callemu.emulator.core.media.MediaFixture.result;
import static io.callemu.emulator.core.media.MediaFixture.target;
import static org.assertj.core.api.Assertions.assertThat;

import io.callemu.emulator.core.caller.CallerAudio;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The caller's audio (WAV fixtures from asr-sim): its voice activity drives the recognize timers. */
@ExtendWith(VertxExtension.class)
class AudioInputTest {

  private MediaFixture f;

  @BeforeEach
  void start(Vertx vertx) {
    f = MediaFixture.start(vertx, c -> c, true);
  }

  @AfterEach
  void stop() {
    f.close();
  }

  static byte[] fixture(String name) throws Exception {
    try (InputStream in = AudioInputTest.class.getResourceAsStream("/audio/" + name)) {
      return in.readAllBytes();
    }
  }

  private HttpResponse<String> postAudio(byte[] wav, String query) throws Exception {
    HttpRequest req = HttpRequest.newBuilder(URI.create(f.emu.callemu().httpUrl() + "/_emulator/calls/" + f.callId
        + "/audio?" + query)).POST(HttpRequest.BodyPublishers.ofByteArray(wav)).build();
    return HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString());
  }

  private static JsonObject speechRecognize(long endSilenceMs) {
    return new JsonObject().put("recognizeInputType", "speech").put("recognizeOptions", new JsonObject()
        .put("targetParticipant", target()).put("speechOptions", new JsonObject().put("endSilenceTimeoutInMs", endSilenceMs)));
  }

  @Test
  void theVoiceInTheFileEndsTheUtteranceAndTheTextIsRecognised() throws Exception {
    byte[] wav = fixture("bill.wav");
    String text = "I would like to pay my bill";
    List<CallerAudio.Utterance> expected = CallerAudio.utterances(wav, text, 500);
    assertThat(expected).hasSize(1);
    long voiceEnd = expected.get(0).endMs();
    assertThat(voiceEnd).isBetween(1_000L, 3_000L);

    f.accepted("recognize", speechRecognize(800));
    long t0 = f.now();
    HttpResponse<String> r = postAudio(wav, "delayMs=200&text=" + URLEncoder.encode(text, StandardCharsets.UTF_8));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    assertThat(new JsonObject(r.body()).getJsonArray("utterances")).hasSize(1);
    f.emu.advance(200 + voiceEnd + 799);
    assertThat(f.mediaEvents()).isEmpty();
    f.emu.advance(1);
    JsonObject data = f.last("RecognizeCompleted");
    assertThat(result(data).getInteger("subCode")).isEqualTo(8569);
    assertThat(data.getJsonObject("speechResult").getString("speech")).isEqualTo(text);
    assertThat(f.eventTime("RecognizeCompleted") - t0).isEqualTo(200 + voiceEnd + 800);
  }

  @Test
  void voiceStartingWithinTheInitialSilenceKeepsTheRecognizeAlive() throws Exception {
    byte[] wav = fixture("yes.wav");
    long start = CallerAudio.utterances(wav, "yes", 500).get(0).startMs();
    JsonObject choices = new JsonObject().put("recognizeInputType", "choices").put("recognizeOptions", new JsonObject()
        .put("targetParticipant", target()).put("initialSilenceTimeoutInSeconds", 2).put("choices", new JsonArray()
            .add(new JsonObject().put("label", "Yes").put("phrases", new JsonArray().add("yes").add("yeah")))));
    f.accepted("recognize", choices);
    // Voice begins just before the 2 s initial silence runs out.
    assertThat(postAudio(wav, "text=Yes.&delayMs=" + (1_990 - start)).statusCode()).isEqualTo(202);
    f.emu.advance(5_000);
    JsonObject data = f.last("RecognizeCompleted");
    assertThat(result(data).getInteger("subCode")).isEqualTo(8545);
    assertThat(data.getJsonObject("choiceResult").getString("label")).isEqualTo("Yes");
  }

  @Test
  void badAudioIsRefused() throws Exception {
    HttpResponse<String> r = postAudio("definitely not a wav".getBytes(), "text=hi");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("InvalidAudio");
    assertThat(postAudio(new byte[0], "text=hi").statusCode()).isEqualTo(400);
    assertThat(postAudio(fixture("yes.wav"), "delayMs=-1").statusCode()).isEqualTo(400);
  }

  @Test
  void scenarioAudioIsFoundRelativeToTheDataDir() throws Exception {
    Path dir = f.emu.callemu().dataDir().resolve("fixtures");
    Files.createDirectories(dir);
    Files.write(dir.resolve("bill.wav"), fixture("bill.wav"));
    assertThat(f.emu.control("POST", "/_emulator/scenarios", "rules:\n  - on: recognize\n    do:\n"
        + "      - audio: fixtures/bill.wav\n        text: pay my bill\n        delayMs: 100\n").status()).isEqualTo(201);
    f.accepted("recognize", speechRecognize(500));
    for (int i = 0; i < 200 && f.mediaEvents().isEmpty(); i++) {
      f.emu.advance(100);
    }
    assertThat(f.last("RecognizeCompleted").getJsonObject("speechResult").getString("speech")).isEqualTo("pay my bill");
  }
}
