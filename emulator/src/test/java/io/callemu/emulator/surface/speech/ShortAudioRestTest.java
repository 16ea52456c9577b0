package io.callemu.emulator.surface.speech;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The REST API for short audio and the token service against an embedded callemu, by plain HTTP. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShortAudioRestTest {

  private static final String INTERACTIVE = "/speech/recognition/interactive/cognitiveservices/v1";
  private SpeechServer server;

  @BeforeAll
  void start() {
    server = SpeechServer.start(c -> c);
  }

  @AfterAll
  void stop() {
    server.close();
  }

  @BeforeEach
  void clean() {
    assertThat(server.control("POST", "/_emulator/reset", null).statusCode()).isEqualTo(204);
  }

  private void say(String text) {
    assertThat(server.control("POST", "/_emulator/speech/transcripts", new JsonObject().put("text", text).encode())
        .statusCode()).isEqualTo(201);
  }

  private static byte[] utterance() {
    return SpeechAudio.pcm16k().silence(500).voice(1_500).silence(1_000).wav();
  }

  private static JsonObject json(HttpResponse<String> r) {
    return new JsonObject(r.body());
  }

  @Test
  void aWholeWavIsRecognisedAsTheQueuedTranscriptInTheSimpleFormat() {
    say("Remind me to buy five pencils");
    HttpResponse<String> r = server.recognize(INTERACTIVE + "?language=en-US", utterance());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Length")).contains(Integer.toString(r.body().length()));
    assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
    JsonObject body = json(r);
    assertThat(body.fieldNames()).containsExactly("RecognitionStatus", "DisplayText", "Offset", "Duration");
    assertThat(body.getString("RecognitionStatus")).isEqualTo("Success");
    assertThat(body.getString("DisplayText")).isEqualTo("Remind me to buy 5 pencils.");
    assertThat(body.getValue("Offset")).isEqualTo(5_000_000);
    assertThat(body.getValue("Duration")).isInstanceOf(Integer.class);
  }

  @Test
  void theDetailedFormatHasNBestWithEveryTextFormAndProfanityIsMaskedByDefault() {
    say("damn it I want 5 pencils");
    JsonObject detailed = json(server.recognize(INTERACTIVE + "?language=en-US&format=detailed", utterance()));
    JsonObject best = detailed.getJsonArray("NBest").getJsonObject(0);
    assertThat(best.fieldNames()).contains("Confidence", "Lexical", "ITN", "MaskedITN", "Display");
    assertThat(best.getString("Lexical")).isEqualTo("damn it i want five pencils");
    assertThat(best.getString("ITN")).isEqualTo("damn it i want 5 pencils");
    assertThat(best.getString("MaskedITN")).isEqualTo("**** it i want 5 pencils");
    assertThat(detailed.getString("DisplayText")).isEqualTo(best.getString("Display")).startsWith("**** it");

    say("damn it I want 5 pencils");
    assertThat(json(server.recognize(INTERACTIVE + "?language=en-US&profanity=raw", utterance()))
        .getString("DisplayText")).startsWith("Damn it");
    say("damn it I want 5 pencils");
    assertThat(json(server.recognize(INTERACTIVE + "?language=en-US&profanity=removed", utterance()))
        .getString("DisplayText")).startsWith("It I want");
  }

  @Test
  void everyModeAnswersTheFirstUtteranceAndPlainAudioWavIsAccepted() {
    for (String mode : List.of("interactive", "conversation", "dictation")) {
      say("first");
      say("second");
      byte[] two = SpeechAudio.pcm16k().silence(300).voice(600).silence(1_000).voice(600).silence(1_000).wav();
      HttpResponse<String> r = server.send(HttpRequest.newBuilder(URI.create(server.url("/speech/recognition/" + mode
          + "/cognitiveservices/v1?language=en-US"))).header("Ocp-Apim-Subscription-Key", SpeechServer.KEY)
          .header("Content-Type", "audio/wav").POST(HttpRequest.BodyPublishers.ofByteArray(two)));
      assertThat(json(r).getString("DisplayText")).as(mode).isEqualTo("First.");
      server.control("DELETE", "/_emulator/speech/transcripts", null);
    }
  }

  @Test
  void eightKilohertzStereoAndTheRestSamples46ByteHeaderAreRecognised() {
    say("yes");
    assertThat(json(server.recognize(INTERACTIVE + "?language=en-US",
        SpeechAudio.pcm(8_000, 2).silence(300).voice(600).silence(900).wav())).getString("DisplayText"))
        .isEqualTo("Yes.");
    say("no");
    assertThat(json(server.recognize(INTERACTIVE + "?language=en-US",
        SpeechAudio.pcm16k().silence(300).voice(600).silence(900).wav46())).getString("DisplayText")).isEqualTo("No.");
  }

  @Test
  void aChunkedUploadWithExpectContinueGets100ThenTheAnswerWithAContentLength() throws Exception {
    say("hello there");
    byte[] wav = SpeechAudio.pcm16k().silence(300).voice(900).silence(900).wav46();
    try (RawHttp raw = new RawHttp(server.port())) {
      raw.head("POST " + INTERACTIVE + "?language=en-US&X-ConnectionId=ABC HTTP/1.1\nHost: 127.0.0.1\n"
          + "Ocp-Apim-Subscription-Key: " + SpeechServer.KEY + "\nContent-Type: audio/wav; codec=audio/pcm; samplerate=16000\n"
          + "Transfer-Encoding: chunked\nExpect: 100-continue\nAccept: application/json;text/xml\n");
      assertThat(raw.readContinue()).isTrue();
      for (int at = 0; at < wav.length; at += 1024) {
        raw.chunk(wav, at, Math.min(at + 1024, wav.length));
      }
      raw.lastChunk();
      RawHttp.Response r = raw.read();
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.headers()).containsKey("content-length").doesNotContainKey("transfer-encoding");
      assertThat(new JsonObject(r.body()).getString("DisplayText")).isEqualTo("Hello there.");
    }
  }

  @Test
  void javasHttpClientUpgradingToH2cIsServedAsAPostNotAWebSocket() {
    say("yes");
    HttpClient h2 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
    HttpResponse<String> r = server.send(HttpRequest.newBuilder(URI.create(server.url(INTERACTIVE + "?language=en-US")))
        .header("Ocp-Apim-Subscription-Key", SpeechServer.KEY).header("Content-Type", "audio/wav")
        .POST(HttpRequest.BodyPublishers.ofByteArray(SpeechAudio.pcm16k().silence(300).voice(600).silence(900).wav())));
    assertThat(r.statusCode()).isEqualTo(200);
    try {
      HttpResponse<String> viaH2 = h2.send(HttpRequest.newBuilder(URI.create(server.url(INTERACTIVE + "?language=en-US")))
          .header("Ocp-Apim-Subscription-Key", SpeechServer.KEY).header("Content-Type", "audio/wav")
          .POST(HttpRequest.BodyPublishers.ofByteArray(SpeechAudio.pcm16k().silence(2_000).wav())).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(viaH2.statusCode()).isEqualTo(200);
      assertThat(new JsonObject(viaH2.body()).getString("RecognitionStatus")).isEqualTo("InitialSilenceTimeout");
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void silenceNoiseAndUnknownWordsGiveTheirRecognitionStatusWith200() {
    JsonObject silence = json(server.recognize(INTERACTIVE + "?language=en-US", SpeechAudio.pcm16k().silence(6_000).wav()));
    assertThat(silence.getString("RecognitionStatus")).isEqualTo("InitialSilenceTimeout");
    assertThat(silence.getValue("Offset")).isEqualTo(50_000_000);
    assertThat(silence.getValue("Duration")).isEqualTo(0);
    assertThat(silence.containsKey("DisplayText")).isFalse();

    assertThat(json(server.recognize(INTERACTIVE + "?language=en-US", SpeechAudio.pcm16k().noise(6_000).wav()))
        .getString("RecognitionStatus")).isEqualTo("BabbleTimeout");
    assertThat(json(server.recognize(INTERACTIVE + "?language=en-US", utterance())).getString("RecognitionStatus"))
        .isEqualTo("NoMatch");
    say("damn");
    assertThat(json(server.recognize(INTERACTIVE + "?language=en-US&profanity=removed", utterance()))
        .getString("RecognitionStatus")).isEqualTo("NoMatch");
  }

  @Test
  void anArmedSpeechFaultAnswersError() {
    assertThat(server.control("POST", "/_emulator/faults", new JsonObject().put("action", "speech").encode())
        .statusCode()).isEqualTo(201);
    assertThat(json(server.recognize(INTERACTIVE + "?language=en-US", utterance())).getString("RecognitionStatus"))
        .isEqualTo("Error");
    assertThat(json(server.recognize(INTERACTIVE + "?language=en-US", utterance())).getString("RecognitionStatus"))
        .isEqualTo("NoMatch");
  }

  @Test
  void aTranscriptRegisteredByHashAnswersThatAudioAndTheJournalShowsTheHash() {
    SpeechAudio audio = SpeechAudio.pcm16k().silence(400).voice(800).silence(900);
    server.control("POST", "/_emulator/speech/transcripts",
        new JsonObject().put("text", "It is mine").put("pcmSha256", audio.sha256().toUpperCase()).encode());
    say("queued");
    assertThat(json(server.recognize(INTERACTIVE + "?language=en-US", audio.wav())).getString("DisplayText"))
        .isEqualTo("It is mine.");
    assertThat(json(server.recognize(INTERACTIVE + "?language=en-US", utterance())).getString("DisplayText"))
        .isEqualTo("Queued.");
    JsonArray events = new JsonObject(server.control("GET", "/_emulator/events?type=speech", null).body())
        .getJsonArray("events");
    assertThat(events).hasSize(2);
    JsonObject first = events.getJsonObject(0);
    assertThat(first.getString("pcmSha256")).isEqualTo(audio.sha256());
    assertThat(first.getString("surface")).isEqualTo("rest");
    assertThat(first.getJsonArray("results").getJsonObject(0).getString("transcript")).isEqualTo("hash");
    assertThat(first.getLong("audioMs")).isEqualTo(2_100);
  }

  @Test
  void credentialsAreCheckedFirst401WrongAnd403MissingAndATokenWorksAsBearer() {
    HttpRequest.Builder wrong = HttpRequest.newBuilder(URI.create(server.url(INTERACTIVE + "?language=en-US")))
        .header("Ocp-Apim-Subscription-Key", "nope").header("Content-Type", "audio/wav")
        .POST(HttpRequest.BodyPublishers.ofByteArray(utterance()));
    HttpResponse<String> r401 = server.send(wrong);
    assertThat(r401.statusCode()).isEqualTo(401);
    assertThat(new JsonObject(r401.body()).getJsonObject("error").getString("code")).isEqualTo("401");
    HttpResponse<String> r403 = server.send(HttpRequest.newBuilder(URI.create(server.url(INTERACTIVE + "?language=en-US")))
        .header("Content-Type", "audio/wav").POST(HttpRequest.BodyPublishers.ofByteArray(utterance())));
    assertThat(r403.statusCode()).isEqualTo(403);

    HttpResponse<String> token = server.send(HttpRequest.newBuilder(URI.create(server.url("/sts/v1.0/issueToken")))
        .header("Ocp-Apim-Subscription-Key", SpeechServer.KEY).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(token.statusCode()).isEqualTo(200);
    assertThat(token.body()).matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");
    assertThat(token.headers().firstValue("Content-Length")).isPresent();
    HttpResponse<String> withToken = server.send(HttpRequest.newBuilder(URI.create(server.url(INTERACTIVE + "?language=en-US")))
        .header("Authorization", "Bearer " + token.body()).header("Content-Type", "audio/wav")
        .POST(HttpRequest.BodyPublishers.ofByteArray(utterance())));
    assertThat(withToken.statusCode()).isEqualTo(200);
    HttpResponse<String> forged = server.send(HttpRequest.newBuilder(URI.create(server.url(INTERACTIVE + "?language=en-US")))
        .header("Authorization", "Bearer " + token.body() + "x").header("Content-Type", "audio/wav")
        .POST(HttpRequest.BodyPublishers.ofByteArray(utterance())));
    assertThat(forged.statusCode()).isEqualTo(401);
  }

  @Test
  void issueTokenRefusesAWrongOrMissingKeyAndOtherMethods() {
    assertThat(server.send(HttpRequest.newBuilder(URI.create(server.url("/sts/v1.0/issueToken")))
        .header("Ocp-Apim-Subscription-Key", "nope").POST(HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(401);
    assertThat(server.send(HttpRequest.newBuilder(URI.create(server.url("/sts/v1.0/issuetoken")))
        .POST(HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(403);
    assertThat(server.send(HttpRequest.newBuilder(URI.create(server.url("/sts/v1.0/issueToken")))
        .header("Ocp-Apim-Subscription-Key", SpeechServer.KEY).GET()).statusCode()).isEqualTo(405);
  }

  @Test
  void badParametersAre400AndOtherContentTypes415WithTheServicesMessageEnvelope() {
    HttpResponse<String> noLanguage = server.recognize(INTERACTIVE, utterance());
    assertThat(noLanguage.statusCode()).isEqualTo(400);
    assertThat(new JsonObject(noLanguage.body()).getString("Message")).contains("language");
    assertThat(server.recognize(INTERACTIVE + "?language=xx-YY", utterance()).statusCode()).isEqualTo(400);
    assertThat(server.recognize(INTERACTIVE + "?language=en", utterance()).statusCode()).isEqualTo(400);
    assertThat(server.recognize(INTERACTIVE + "?language=en-US&format=fancy", utterance()).statusCode()).isEqualTo(400);
    assertThat(server.recognize(INTERACTIVE + "?language=en-US&profanity=hidden", utterance()).statusCode()).isEqualTo(400);
    for (String type : List.of("audio/ogg; codecs=opus", "text/plain", "audio/wav; codecs=audio/mp3")) {
      HttpResponse<String> r = server.send(HttpRequest.newBuilder(URI.create(server.url(INTERACTIVE + "?language=en-US")))
          .header("Ocp-Apim-Subscription-Key", SpeechServer.KEY).header("Content-Type", type)
          .POST(HttpRequest.BodyPublishers.ofByteArray(utterance())));
      assertThat(r.statusCode()).as(type).isEqualTo(415);
    }
    HttpResponse<String> get = server.send(HttpRequest.newBuilder(URI.create(server.url(INTERACTIVE + "?language=en-US")))
        .header("Ocp-Apim-Subscription-Key", SpeechServer.KEY).GET());
    assertThat(get.statusCode()).isEqualTo(405);
    assertThat(get.headers().firstValue("Allow")).contains("POST, GET");
    assertThat(server.control("GET", "/_emulator/events?kind=request", null).body()).contains("\"status\":415");
  }

  @Test
  void audioThatIsNoWavTruncatedOrLongerThan60SecondsIs400AndTheConnectionServesOn() throws Exception {
    HttpResponse<String> text = server.recognize(INTERACTIVE + "?language=en-US", "not audio".getBytes());
    assertThat(text.statusCode()).isEqualTo(400);
    assertThat(new JsonObject(text.body()).getString("Message")).contains("not a WAV");
    byte[] wav = utterance();
    assertThat(server.recognize(INTERACTIVE + "?language=en-US", java.util.Arrays.copyOf(wav, wav.length - 10))
        .statusCode()).isEqualTo(400);
    assertThat(server.recognize(INTERACTIVE + "?language=en-US", SpeechAudio.pcm(44_100, 1).silence(100).wav())
        .statusCode()).isEqualTo(400);
    HttpResponse<String> tooLong = server.recognize(INTERACTIVE + "?language=en-US",
        SpeechAudio.pcm(8_000, 1).silence(61_000).wav());
    assertThat(tooLong.statusCode()).isEqualTo(400);
    assertThat(tooLong.body()).contains("longer than 60 seconds");
    say("still here");
    assertThat(json(server.recognize(INTERACTIVE + "?language=en-US", utterance())).getString("DisplayText"))
        .isEqualTo("Still here.");
  }

  @Test
  void anUploadThatStallsIsAnsweredWith408AfterTheIdleTimeout() throws Exception {
    server.control("POST", "/_emulator/settings", new JsonObject().put("speech.idleTimeoutMs", 200).encode());
    try (RawHttp raw = new RawHttp(server.port())) {
      raw.head("POST " + INTERACTIVE + "?language=en-US HTTP/1.1\nHost: x\nOcp-Apim-Subscription-Key: "
          + SpeechServer.KEY + "\nContent-Type: audio/wav\nTransfer-Encoding: chunked\n");
      byte[] wav = utterance();
      raw.chunk(wav, 0, 1000);
      RawHttp.Response r = raw.read();
      assertThat(r.status()).isEqualTo(408);
      assertThat(r.headers().get("connection")).isEqualTo("close");
    } finally {
      server.control("POST", "/_emulator/settings", new JsonObject().put("speech.idleTimeoutMs", 180_000).encode());
    }
  }
}
