package io.callemu.conformance.speech;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The Speech REST API for short audio and the token service with plain HTTP, in the request forms the
 * documentation and Microsoft's samples send (reference official-clients.md 5): no official client
 * exists, so the documented shapes are the judge.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpeechRestTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String INTERACTIVE = "/speech/recognition/interactive/cognitiveservices/v1";
  private static final String CONVERSATION = "/speech/recognition/conversation/cognitiveservices/v1";
  private SpeechTarget target;

  @BeforeAll
  void start() {
    target = SpeechTarget.start();
  }

  @AfterAll
  void stop() {
    target.close();
  }

  @BeforeEach
  void clear() {
    target.control().clearSpeechTranscripts();
  }

  private HttpRequest.Builder post(String pathAndQuery, String contentType, byte[] body) {
    return HttpRequest.newBuilder(URI.create(target.http() + pathAndQuery))
        .header("Ocp-Apim-Subscription-Key", target.key).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
  }

  private static JsonNode json(HttpResponse<String> r) {
    try {
      return JSON.readTree(r.body());
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + r.body(), e);
    }
  }

  private static void assertContentLength(HttpResponse<String> r) {
    assertThat(r.headers().firstValue("Content-Length")).as("Content-Length of a %d", r.statusCode())
        .contains(Integer.toString(r.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length));
  }

  @Test
  @DisplayName("SP-REST-001 the quickstart's form (Content-Type: audio/wav, ?language=en-US, the whole file): 200 {RecognitionStatus, DisplayText, Offset, Duration} with numeric ticks and a Content-Length")
  void quickstartForm() {
    target.control().addSpeechTranscript("Remind me to buy five pencils", null);
    HttpResponse<String> r = target.send(post(CONVERSATION + "?language=en-US", "audio/wav",
        SpeechFixtures.bytes(SpeechFixtures.PENCILS)));
    assertThat(r.statusCode()).isEqualTo(200);
    assertContentLength(r);
    JsonNode body = json(r);
    assertThat(body.path("RecognitionStatus").asText()).isEqualTo("Success");
    assertThat(body.path("DisplayText").asText()).isEqualTo("Remind me to buy 5 pencils.");
    assertThat(body.path("Offset").isIntegralNumber()).isTrue();
    assertThat(body.path("Duration").isIntegralNumber()).isTrue();
    assertThat(body.path("Offset").asLong()).isBetween(4_800_000L, 5_200_000L);
  }

  @Test
  @DisplayName("SP-REST-002 the documented headers (codecs=audio/pcm; samplerate=16000, Accept: application/json;text/xml) with format=detailed: NBest with Confidence, Lexical, ITN, MaskedITN, Display")
  void documentedHeadersDetailed() {
    target.control().addSpeechTranscript("Remind me to buy five pencils", null);
    HttpResponse<String> r = target.send(post(INTERACTIVE + "?language=en-US&format=detailed",
        "audio/wav; codecs=audio/pcm; samplerate=16000", SpeechFixtures.bytes(SpeechFixtures.PENCILS))
        .header("Accept", "application/json;text/xml"));
    JsonNode body = json(r);
    assertThat(body.path("DisplayText").asText()).isEqualTo("Remind me to buy 5 pencils.");
    JsonNode best = body.path("NBest").get(0);
    assertThat(best.path("Confidence").asDouble()).isBetween(0.0, 1.0);
    assertThat(best.path("Lexical").asText()).isEqualTo("remind me to buy five pencils");
    assertThat(best.path("ITN").asText()).isEqualTo("remind me to buy 5 pencils");
    assertThat(best.path("MaskedITN").asText()).isEqualTo("remind me to buy 5 pencils");
    assertThat(best.path("Display").asText()).isEqualTo("Remind me to buy 5 pencils.");
  }

  @Test
  @DisplayName("SP-REST-003 the Java pronunciation sample's form: HttpURLConnection, chunked streaming without Expect, X-ConnectionId in the query, a 46-byte header (fmt 18, RIFF size 0x804E, data size 0), 1024-byte chunks; the answer's Content-Length sizes its read")
  void javaSampleForm() throws Exception {
    target.control().addSpeechTranscript("Remind me to buy five pencils", null);
    byte[] wav = SpeechFixtures.bytes(SpeechFixtures.PENCILS);
    byte[] pcm = Arrays.copyOfRange(wav, 44, wav.length);
    HttpURLConnection c = (HttpURLConnection) URI.create(target.http() + CONVERSATION + "?language=en-US&X-ConnectionId="
        + UUID.randomUUID()).toURL().openConnection();
    c.setRequestMethod("POST");
    c.setDoOutput(true);
    c.setChunkedStreamingMode(0);
    c.setRequestProperty("Accept", "application/json;text/xml");
    c.setRequestProperty("Content-Type", "audio/wav; codecs=audio/pcm; samplerate=16000");
    c.setRequestProperty("Ocp-Apim-Subscription-Key", target.key);
    try (OutputStream out = c.getOutputStream()) {
      out.write(header46());
      for (int at = 0; at < pcm.length; at += 1024) {
        out.write(pcm, at, Math.min(1024, pcm.length - at));
      }
    }
    assertThat(c.getResponseCode()).isEqualTo(200);
    int length = c.getContentLength();
    assertThat(length).isPositive();
    byte[] body = new byte[length];
    try (InputStream in = c.getInputStream()) {
      assertThat(in.readNBytes(body, 0, length)).isEqualTo(length);
    }
    assertThat(JSON.readTree(body).path("DisplayText").asText()).isEqualTo("Remind me to buy 5 pencils.");
  }

  /** The sample's hand-made streaming header, 16 kHz mono 16-bit. */
  private static byte[] header46() {
    ByteBuffer b = ByteBuffer.allocate(46).order(ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes()).putInt(0x804E).put("WAVE".getBytes()).put("fmt ".getBytes()).putInt(18)
        .putShort((short) 1).putShort((short) 1).putInt(16_000).putInt(32_000).putShort((short) 2)
        .putShort((short) 16).putShort((short) 0).put("data".getBytes()).putInt(0);
    return b.array();
  }

  @Test
  @DisplayName("SP-REST-004 the C# docs' form: chunked with Expect: 100-continue (the client sends the body only after 100 Continue), a streamed body of unknown length")
  void chunkedWithExpectContinue() throws Exception {
    target.control().addSpeechTranscript("Remind me to buy five pencils", null);
    HttpClient http11 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    byte[] wav = SpeechFixtures.bytes(SpeechFixtures.PENCILS);
    HttpResponse<String> r = http11.send(HttpRequest.newBuilder(URI.create(target.http() + INTERACTIVE + "?language=en-US"))
        .header("Ocp-Apim-Subscription-Key", target.key)
        .header("Content-Type", "audio/wav; codecs=audio/pcm; samplerate=16000").expectContinue(true)
        .timeout(java.time.Duration.ofSeconds(20))
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(wav))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    assertContentLength(r);
    assertThat(json(r).path("DisplayText").asText()).isEqualTo("Remind me to buy 5 pencils.");
  }

  @Test
  @DisplayName("SP-REST-005 8 kHz PCM is recognised like 16 kHz, with the same timing")
  void eightKilohertz() {
    target.control().addSpeechTranscript("Remind me to buy five pencils", null);
    JsonNode body = json(target.send(post(INTERACTIVE + "?language=en-US", "audio/wav; codecs=audio/pcm; samplerate=8000",
        SpeechFixtures.bytes(SpeechFixtures.PENCILS_8K))));
    assertThat(body.path("DisplayText").asText()).isEqualTo("Remind me to buy 5 pencils.");
    assertThat(body.path("Offset").asLong()).isBetween(4_800_000L, 5_200_000L);
  }

  @Test
  @DisplayName("SP-REST-006 interactive, conversation and dictation each answer the first utterance only")
  void everyModeAnswersTheFirstUtterance() {
    for (String mode : List.of("interactive", "conversation", "dictation")) {
      target.control().addSpeechTranscript("hello there", null);
      target.control().addSpeechTranscript("good morning", null);
      JsonNode body = json(target.send(post("/speech/recognition/" + mode + "/cognitiveservices/v1?language=en-US",
          "audio/wav", SpeechFixtures.bytes(SpeechFixtures.TWO_PHRASES))));
      assertThat(body.path("DisplayText").asText()).as(mode).isEqualTo("Hello there.");
      target.control().clearSpeechTranscripts();
    }
  }

  @Test
  @DisplayName("SP-REST-007 every RecognitionStatus is a 200: InitialSilenceTimeout (silence), NoMatch (speech without a transcript), Error (an armed speech fault); none has DisplayText")
  void recognitionStatuses() {
    JsonNode silence = json(target.send(post(INTERACTIVE + "?language=en-US", "audio/wav", SpeechFixtures.silence(6_000))));
    assertThat(silence.path("RecognitionStatus").asText()).isEqualTo("InitialSilenceTimeout");
    assertThat(silence.has("DisplayText")).isFalse();
    JsonNode noMatch = json(target.send(post(INTERACTIVE + "?language=en-US", "audio/wav",
        SpeechFixtures.bytes(SpeechFixtures.PENCILS))));
    assertThat(noMatch.path("RecognitionStatus").asText()).isEqualTo("NoMatch");
    target.control().addFault(Map.of("action", "speech"));
    HttpResponse<String> error = target.send(post(INTERACTIVE + "?language=en-US", "audio/wav",
        SpeechFixtures.bytes(SpeechFixtures.PENCILS)));
    assertThat(error.statusCode()).isEqualTo(200);
    assertThat(json(error).path("RecognitionStatus").asText()).isEqualTo("Error");
  }

  @Test
  @DisplayName("SP-REST-008 profanity: masked (default) stars each letter in MaskedITN and Display, removed drops the word, raw keeps it; Lexical and ITN never change; profanity alone, removed, is NoMatch")
  void profanity() {
    for (String[] c : new String[][] {{"", "**** it remind me."}, {"&profanity=masked", "**** it remind me."},
        {"&profanity=removed", "It remind me."}, {"&profanity=raw", "Damn it remind me."}}) {
      target.control().addSpeechTranscript("damn it remind me", null);
      JsonNode body = json(target.send(post(INTERACTIVE + "?language=en-US&format=detailed" + c[0], "audio/wav",
          SpeechFixtures.bytes(SpeechFixtures.PENCILS))));
      JsonNode best = body.path("NBest").get(0);
      assertThat(best.path("Lexical").asText()).isEqualTo("damn it remind me");
      assertThat(best.path("ITN").asText()).isEqualTo("damn it remind me");
      assertThat(best.path("Display").asText()).as(c[0]).isEqualTo(c[1]);
    }
    target.control().addSpeechTranscript("damn", null);
    assertThat(json(target.send(post(INTERACTIVE + "?language=en-US&profanity=removed", "audio/wav",
        SpeechFixtures.bytes(SpeechFixtures.PENCILS)))).path("RecognitionStatus").asText()).isEqualTo("NoMatch");
  }

  @Test
  @DisplayName("SP-REST-009 refusals as documented, each with a Content-Length: 401 wrong key, 403 no key, 400 no/unsupported language or unreadable audio or over 60 s, 415 another content type")
  void refusals() {
    byte[] wav = SpeechFixtures.bytes(SpeechFixtures.PENCILS);
    HttpResponse<String> wrongKey = target.send(HttpRequest.newBuilder(URI.create(target.http() + INTERACTIVE
        + "?language=en-US")).header("Ocp-Apim-Subscription-Key", "wrong").header("Content-Type", "audio/wav")
        .POST(HttpRequest.BodyPublishers.ofByteArray(wav)));
    HttpResponse<String> noKey = target.send(HttpRequest.newBuilder(URI.create(target.http() + INTERACTIVE
        + "?language=en-US")).header("Content-Type", "audio/wav").POST(HttpRequest.BodyPublishers.ofByteArray(wav)));
    HttpResponse<String> noLanguage = target.send(post(INTERACTIVE, "audio/wav", wav));
    HttpResponse<String> badLanguage = target.send(post(INTERACTIVE + "?language=xx-YY", "audio/wav", wav));
    HttpResponse<String> notWav = target.send(post(INTERACTIVE + "?language=en-US", "audio/wav", "hello".getBytes()));
    HttpResponse<String> truncated = target.send(post(INTERACTIVE + "?language=en-US", "audio/wav",
        Arrays.copyOf(wav, wav.length / 2)));
    HttpResponse<String> ogg = target.send(post(INTERACTIVE + "?language=en-US", "audio/ogg; codecs=opus", wav));
    HttpResponse<String> tooLong = target.send(post(INTERACTIVE + "?language=en-US", "audio/wav",
        SpeechFixtures.silence(61_000)));
    assertThat(List.of(wrongKey, noKey, noLanguage, badLanguage, notWav, truncated, ogg, tooLong))
        .extracting(HttpResponse::statusCode).containsExactly(401, 403, 400, 400, 400, 400, 415, 400);
    for (HttpResponse<String> r : List.of(wrongKey, noKey, noLanguage, ogg, tooLong)) {
      assertContentLength(r);
    }
    assertThat(json(noLanguage).path("Message").asText()).contains("language");
    assertThat(json(wrongKey).path("error").path("code").asText()).isEqualTo("401");
  }

  @Test
  @DisplayName("SP-REST-010 the token service: POST /sts/v1.0/issueToken with the key and an empty form body answers 200 and a JWT as text; the token is a bearer for recognition; a wrong key is 401, none 403")
  void tokens() {
    HttpResponse<String> token = target.send(HttpRequest.newBuilder(URI.create(target.http() + "/sts/v1.0/issueToken"))
        .header("Ocp-Apim-Subscription-Key", target.key).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(token.statusCode()).isEqualTo(200);
    assertContentLength(token);
    assertThat(token.body().split("\\.")).hasSize(3);
    target.control().addSpeechTranscript("Remind me to buy five pencils", null);
    HttpResponse<String> recognised = target.send(HttpRequest.newBuilder(URI.create(target.http() + INTERACTIVE
        + "?language=en-US")).header("Authorization", "Bearer " + token.body()).header("Content-Type", "audio/wav")
        .POST(HttpRequest.BodyPublishers.ofByteArray(SpeechFixtures.bytes(SpeechFixtures.PENCILS))));
    assertThat(json(recognised).path("DisplayText").asText()).isEqualTo("Remind me to buy 5 pencils.");
    assertThat(target.send(HttpRequest.newBuilder(URI.create(target.http() + "/sts/v1.0/issueToken"))
        .header("Ocp-Apim-Subscription-Key", "wrong").POST(HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(401);
    assertThat(target.send(HttpRequest.newBuilder(URI.create(target.http() + "/sts/v1.0/issueToken"))
        .POST(HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(403);
  }
}
