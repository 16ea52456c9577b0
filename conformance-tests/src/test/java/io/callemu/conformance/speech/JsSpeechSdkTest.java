package io.callemu.conformance.speech;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The JS Speech SDK 1.52.0 ({@code microsoft-cognitiveservices-speech-sdk}, Node) as the judge of callemu's
 * Speech WebSocket protocol: an app recognises the fixtures once and continuously, with transcripts
 * registered through the control API, and every result is what the SDK made of callemu's messages.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JsSpeechSdkTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private SpeechTarget target;
  private JsSpeechApp app;

  @BeforeAll
  void start() {
    target = SpeechTarget.start();
    app = JsSpeechApp.start();
  }

  @AfterAll
  void stop() {
    try (JsSpeechApp a = app; SpeechTarget t = target) {
      // closed in reverse order
    }
  }

  @BeforeEach
  void clear() {
    target.control().clearSpeechTranscripts();
  }

  private Map<String, Object> endpoint(String mode) {
    Map<String, Object> c = new HashMap<>();
    c.put("endpoint", target.endpoint(mode));
    c.put("key", target.key);
    return c;
  }

  private Map<String, Object> host() {
    Map<String, Object> c = new HashMap<>();
    c.put("host", target.ws());
    c.put("key", target.key);
    return c;
  }

  private static List<String> events(JsonNode reply) {
    List<String> out = new ArrayList<>();
    reply.path("events").forEach(e -> out.add(e.path("event").asText()));
    return out;
  }

  private static List<JsonNode> events(JsonNode reply, String name) {
    List<JsonNode> out = new ArrayList<>();
    reply.path("events").forEach(e -> {
      if (e.path("event").asText().equals(name)) {
        out.add(e);
      }
    });
    return out;
  }

  private void assertRecognisedPencils(JsonNode reply) {
    JsonNode result = reply.path("result");
    assertThat(result.path("reason").asText()).as("reply %s; app stderr %s", reply, app.stderr())
        .isEqualTo("RecognizedSpeech");
    assertThat(result.path("text").asText()).isEqualTo("Remind me to buy 5 pencils.");
    assertThat(result.path("offset").asLong()).as("speech starts after 500 ms of silence").isBetween(4_800_000L, 5_200_000L);
  }

  @Test
  @DisplayName("SP-JS-001 recognizeOnceAsync through fromEndpoint (conversation path, key): RecognizedSpeech with the transcript's display form; speechStartDetected, recognizing, speechEndDetected, recognized, sessionStopped in that order")
  void recognizeOnceFromEndpoint() {
    target.control().addSpeechTranscript("Remind me to buy five pencils", null);
    JsonNode reply = app.recognizeOnce(endpoint("conversation"), SpeechFixtures.PENCILS);
    assertRecognisedPencils(reply);
    List<String> order = events(reply);
    assertThat(order).startsWith("sessionStarted", "speechStartDetected").endsWith("speechEndDetected", "recognized",
        "sessionStopped");
    assertThat(order.subList(2, order.size() - 3)).isNotEmpty().containsOnly("recognizing");
    assertThat(events(reply, "recognizing")).allSatisfy(e ->
        assertThat("remind me to buy 5 pencils").startsWith(e.path("text").asText()));
  }

  @Test
  @DisplayName("SP-JS-002 recognizeOnceAsync through fromHost (key) connects to the interactive path and recognises")
  void recognizeOnceFromHost() {
    long mark = target.journalMark();
    target.control().addSpeechTranscript("Remind me to buy five pencils", null);
    assertRecognisedPencils(app.recognizeOnce(host(), SpeechFixtures.PENCILS));
    JsonNode turn = target.recognitions(mark).get(0);
    assertThat(turn.path("path").asText()).isEqualTo("/speech/recognition/interactive/cognitiveservices/v1");
    assertThat(turn.path("surface").asText()).isEqualTo("websocket");
  }

  @Test
  @DisplayName("SP-JS-003 the token form: a token from /sts/v1.0/issueToken as the SDK's authorizationToken, with fromHost and with fromEndpoint")
  void recognizeOnceWithAToken() {
    String token = target.token();
    Map<String, Object> viaHost = new HashMap<>(Map.of("host", target.ws(), "token", token));
    target.control().addSpeechTranscript("Remind me to buy five pencils", null);
    assertRecognisedPencils(app.recognizeOnce(viaHost, SpeechFixtures.PENCILS));
    Map<String, Object> viaEndpoint = new HashMap<>(Map.of("endpoint", target.endpoint("interactive"), "token", token));
    target.control().addSpeechTranscript("Remind me to buy five pencils", null);
    assertRecognisedPencils(app.recognizeOnce(viaEndpoint, SpeechFixtures.PENCILS));
  }

  @Test
  @DisplayName("SP-JS-004 continuous recognition: one recognized per utterance in order, recognizing before each and never after it, no duplicates; canceled EndOfStream and sessionStopped at the end")
  void continuousRecognition() {
    target.control().addSpeechTranscript("hello there", null);
    target.control().addSpeechTranscript("good morning", null);
    JsonNode reply = app.continuous(host(), SpeechFixtures.TWO_PHRASES);
    List<JsonNode> recognized = events(reply, "recognized");
    assertThat(recognized).extracting(e -> e.path("text").asText()).containsExactly("Hello there.", "Good morning.");
    assertThat(recognized.get(1).path("offset").asLong()).isGreaterThan(recognized.get(0).path("offset").asLong()
        + recognized.get(0).path("duration").asLong());
    // between two recognized events, the recognizing events belong to the second utterance only
    String phrase = "hello there";
    List<String> seen = new ArrayList<>();
    for (JsonNode e : reply.path("events")) {
      String name = e.path("event").asText();
      if (name.equals("recognizing")) {
        assertThat(phrase).startsWith(e.path("text").asText());
        assertThat(seen).as("recognizing texts so far").doesNotContain(e.path("text").asText());
        seen.add(e.path("text").asText());
      } else if (name.equals("recognized")) {
        phrase = "good morning";
      }
    }
    assertThat(events(reply, "recognizing")).isNotEmpty();
    List<String> order = events(reply);
    assertThat(order.subList(order.size() - 2, order.size())).containsExactly("canceled", "sessionStopped");
    assertThat(events(reply, "canceled").get(0).path("reason").asText()).isEqualTo("EndOfStream");
  }

  @Test
  @DisplayName("SP-JS-005 detailed output with word timings: NBest[0] has Lexical, ITN, MaskedITN, Display and Words with offsets inside the phrase")
  void detailedOutput() throws Exception {
    target.control().addSpeechTranscript("Remind me to buy five pencils", null);
    Map<String, Object> c = host();
    c.put("detailed", true);
    c.put("wordTimings", true);
    JsonNode result = app.recognizeOnce(c, SpeechFixtures.PENCILS).path("result");
    assertThat(result.path("text").asText()).isEqualTo("Remind me to buy 5 pencils.");
    JsonNode body = JSON.readTree(result.path("json").asText());
    JsonNode best = body.path("NBest").get(0);
    assertThat(best.path("Lexical").asText()).isEqualTo("remind me to buy five pencils");
    assertThat(best.path("ITN").asText()).isEqualTo("remind me to buy 5 pencils");
    assertThat(best.path("MaskedITN").asText()).isEqualTo("remind me to buy 5 pencils");
    assertThat(best.path("Display").asText()).isEqualTo("Remind me to buy 5 pencils.");
    assertThat(best.path("Confidence").asDouble()).isBetween(0.0, 1.0);
    JsonNode words = best.path("Words");
    assertThat(words).hasSize(6);
    long start = body.path("Offset").asLong();
    long end = start + body.path("Duration").asLong();
    words.forEach(w -> assertThat(w.path("Offset").asLong()).isBetween(start, end));
  }

  @Test
  @DisplayName("SP-JS-006 initial silence: NoMatch with NoMatchReason InitialSilenceTimeout at the initialSilenceTimeoutMs the app set")
  void initialSilence() {
    Map<String, Object> c = endpoint("interactive");
    c.put("initialSilenceTimeoutMs", 1000);
    JsonNode result = app.recognizeOnce(c, 3_000).path("result");
    assertThat(result.path("reason").asText()).isEqualTo("NoMatch");
    assertThat(result.path("noMatchReason").asText()).isEqualTo("InitialSilenceTimeout");
    assertThat(result.path("offset").asLong()).isEqualTo(10_000_000L);
  }

  @Test
  @DisplayName("SP-JS-007 segmentation silence from the app: 1500 ms merges the two utterances of two-phrases.wav into one recognized, 300 ms keeps them apart")
  void segmentation() {
    target.control().addSpeechTranscript("hello there good morning", null);
    Map<String, Object> merged = host();
    merged.put("segmentationSilenceTimeoutMs", 1500);
    assertThat(events(app.continuous(merged, SpeechFixtures.TWO_PHRASES), "recognized"))
        .extracting(e -> e.path("text").asText()).containsExactly("Hello there good morning.");
    target.control().addSpeechTranscript("hello there", null);
    target.control().addSpeechTranscript("good morning", null);
    Map<String, Object> split = host();
    split.put("segmentationSilenceTimeoutMs", 300);
    assertThat(events(app.continuous(split, SpeechFixtures.TWO_PHRASES), "recognized"))
        .extracting(e -> e.path("text").asText()).containsExactly("Hello there.", "Good morning.");
  }

  @Test
  @DisplayName("SP-JS-008 wrong credentials: a wrong key and a forged token end as Canceled ConnectionFailure naming 401")
  void wrongCredentials() {
    Map<String, Object> wrongKey = host();
    wrongKey.put("key", "not-the-key");
    JsonNode result = app.recognizeOnce(wrongKey, SpeechFixtures.PENCILS).path("result");
    assertThat(result.path("reason").asText()).isEqualTo("Canceled");
    assertThat(result.path("cancellation").path("errorCode").asText()).isEqualTo("ConnectionFailure");
    assertThat(result.path("cancellation").path("errorDetails").asText()).contains("401");
    Map<String, Object> forged = new HashMap<>(Map.of("host", target.ws(), "token", target.token() + "x"));
    assertThat(app.recognizeOnce(forged, SpeechFixtures.PENCILS).path("result").path("reason").asText())
        .isEqualTo("Canceled");
  }

  @Test
  @DisplayName("SP-JS-009 speech without a registered transcript is NoMatch (NotRecognized)")
  void speechWithoutTranscript() {
    JsonNode result = app.recognizeOnce(host(), SpeechFixtures.PENCILS).path("result");
    assertThat(result.path("reason").asText()).isEqualTo("NoMatch");
    assertThat(result.path("noMatchReason").asText()).isEqualTo("NotRecognized");
  }

  @Test
  @DisplayName("SP-JS-010 a transcript registered with the fixture's pcmSha256 answers that audio, whatever the queue holds; the journal shows the hash")
  void transcriptByHash() {
    long mark = target.journalMark();
    target.control().addSpeechTranscript("This is the pencil file", SpeechFixtures.pcmSha256(SpeechFixtures.PENCILS));
    target.control().addSpeechTranscript("queued and not used", null);
    JsonNode reply = app.continuous(host(), SpeechFixtures.PENCILS);
    assertThat(events(reply, "recognized")).extracting(e -> e.path("text").asText())
        .containsExactly("This is the pencil file.");
    JsonNode turn = target.recognitions(mark).get(0);
    assertThat(turn.path("pcmSha256").asText()).isEqualTo(SpeechFixtures.pcmSha256(SpeechFixtures.PENCILS));
    assertThat(turn.path("results").get(0).path("transcript").asText()).isEqualTo("hash");
  }

  @Test
  @DisplayName("SP-JS-011 an armed speech fault: RecognitionStatus Error reaches the app as Canceled with ServiceError")
  void errorByFault() {
    target.control().addFault(Map.of("action", "speech"));
    JsonNode result = app.recognizeOnce(host(), SpeechFixtures.PENCILS).path("result");
    assertThat(result.path("reason").asText()).isEqualTo("Canceled");
    assertThat(result.path("cancellation").path("errorCode").asText()).isEqualTo("ServiceError");
  }

  @Test
  @DisplayName("SP-JS-013 recognizeOnceAsync of a recording that goes on for 20 s after its speech: the result comes at the utterance's end")
  void recognizeOnceOfALongRecording() {
    target.control().addSpeechTranscript("Remind me to buy five pencils", null);
    assertRecognisedPencils(app.recognizeOnce(host(),
        SpeechFixtures.withTrailingSilence(SpeechFixtures.PENCILS, 20_000).toString()));
  }

  @Test
  @DisplayName("SP-JS-012 fromEndpoint with /stt/speech/universal/v2 recognises as well")
  void universalEndpoint() {
    target.control().addSpeechTranscript("Remind me to buy five pencils", null);
    Map<String, Object> c = new HashMap<>(Map.of("endpoint", target.ws() + "/stt/speech/universal/v2", "key", target.key));
    assertRecognisedPencils(app.recognizeOnce(c, SpeechFixtures.PENCILS));
  }
}
