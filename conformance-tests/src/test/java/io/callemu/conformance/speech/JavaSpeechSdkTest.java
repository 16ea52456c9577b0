package io.callemu.conformance.speech;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.cognitiveservices.speech.CancellationDetails;
import com.microsoft.cognitiveservices.speech.CancellationErrorCode;
import com.microsoft.cognitiveservices.speech.CancellationReason;
import com.microsoft.cognitiveservices.speech.NoMatchDetails;
import com.microsoft.cognitiveservices.speech.NoMatchReason;
import com.microsoft.cognitiveservices.speech.OutputFormat;
import com.microsoft.cognitiveservices.speech.PropertyId;
import com.microsoft.cognitiveservices.speech.ResultReason;
import com.microsoft.cognitiveservices.speech.SpeechConfig;
import com.microsoft.cognitiveservices.speech.SpeechRecognitionResult;
import com.microsoft.cognitiveservices.speech.SpeechRecognizer;
import com.microsoft.cognitiveservices.speech.audio.AudioConfig;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The Java Speech SDK 1.50.0 ({@code com.microsoft.cognitiveservices.speech:client-sdk}, its native core
 * for linux-x64) in the test JVM as the judge of callemu's Speech WebSocket protocol. It is stricter than
 * the JS SDK in places (it keeps turn.start's serviceTag, opens continuation turns and a last empty turn
 * in continuous recognition) and gives up after 10 s without turn.end.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JavaSpeechSdkTest {

  private static final ObjectMapper JSON = new ObjectMapper();
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

  /** A recognizer of a file; closing it closes its configs too. */
  private record Recognizer(SpeechRecognizer recognizer, SpeechConfig config, AudioConfig audio) implements AutoCloseable {
    @Override
    public void close() {
      recognizer.close();
      audio.close();
      config.close();
    }
  }

  private static Recognizer recognizer(SpeechConfig config, Path wav, Consumer<SpeechConfig> settings) {
    config.setSpeechRecognitionLanguage("en-US");
    settings.accept(config);
    AudioConfig audio = AudioConfig.fromWavFileInput(wav.toString());
    return new Recognizer(new SpeechRecognizer(config, audio), config, audio);
  }

  private static SpeechRecognitionResult once(Recognizer r) throws Exception {
    return r.recognizer().recognizeOnceAsync().get(20, TimeUnit.SECONDS);
  }

  /** What continuous recognition raised, in order, until the session stopped. */
  private static List<String> continuous(Recognizer r) throws Exception {
    List<String> events = new ArrayList<>();
    CompletableFuture<Void> stopped = new CompletableFuture<>();
    SpeechRecognizer s = r.recognizer();
    s.recognizing.addEventListener((o, e) -> add(events, "recognizing " + e.getResult().getText()));
    s.recognized.addEventListener((o, e) -> add(events, "recognized " + e.getResult().getReason() + " "
        + e.getResult().getText()));
    s.canceled.addEventListener((o, e) -> add(events, "canceled " + e.getReason() + " " + e.getErrorCode()));
    s.sessionStopped.addEventListener((o, e) -> {
      add(events, "sessionStopped");
      stopped.complete(null);
    });
    s.startContinuousRecognitionAsync().get(20, TimeUnit.SECONDS);
    stopped.get(20, TimeUnit.SECONDS);
    s.stopContinuousRecognitionAsync().get(20, TimeUnit.SECONDS);
    synchronized (events) {
      return List.copyOf(events);
    }
  }

  private static void add(List<String> events, String event) {
    synchronized (events) {
      events.add(event);
    }
  }

  private void assertPencils(SpeechRecognitionResult result) {
    assertThat(result.getReason()).as("%s %s", result, result.getProperties()
        .getProperty(PropertyId.SpeechServiceResponse_JsonResult)).isEqualTo(ResultReason.RecognizedSpeech);
    assertThat(result.getText()).isEqualTo("Remind me to buy 5 pencils.");
    assertThat(result.getOffset().longValue()).isBetween(4_800_000L, 5_200_000L);
  }

  @Test
  @DisplayName("SP-JAVA-001 recognizeOnceAsync through fromEndpoint (conversation path, key): RecognizedSpeech with the transcript's display form")
  void recognizeOnceFromEndpoint() throws Exception {
    target.control().addSpeechTranscript("Remind me to buy five pencils", null);
    try (Recognizer r = recognizer(SpeechConfig.fromEndpoint(URI.create(target.endpoint("conversation")), target.key),
        SpeechFixtures.path(SpeechFixtures.PENCILS), c -> { })) {
      assertPencils(once(r));
    }
  }

  @Test
  @DisplayName("SP-JAVA-002 recognizeOnceAsync through fromHost (key): the interactive path, RecognizedSpeech")
  void recognizeOnceFromHost() throws Exception {
    long mark = target.journalMark();
    target.control().addSpeechTranscript("Remind me to buy five pencils", null);
    try (Recognizer r = recognizer(SpeechConfig.fromHost(URI.create(target.ws()), target.key),
        SpeechFixtures.path(SpeechFixtures.PENCILS), c -> { })) {
      assertPencils(once(r));
    }
    assertThat(target.recognitions(mark).get(0).path("path").asText())
        .isEqualTo("/speech/recognition/interactive/cognitiveservices/v1");
  }

  @Test
  @DisplayName("SP-JAVA-003 the token form: fromHost(URI) with setAuthorizationToken(<issueToken JWT>)")
  void recognizeOnceWithAToken() throws Exception {
    target.control().addSpeechTranscript("Remind me to buy five pencils", null);
    String token = target.token();
    try (Recognizer r = recognizer(SpeechConfig.fromHost(URI.create(target.ws())),
        SpeechFixtures.path(SpeechFixtures.PENCILS), c -> c.setAuthorizationToken(token))) {
      assertPencils(once(r));
    }
  }

  @Test
  @DisplayName("SP-JAVA-004 continuous recognition: recognizing then recognized per utterance, in order, no duplicate recognized; the SDK's last turn (a new X-RequestId replaying from the last phrase's end) gives none; canceled EndOfStream and sessionStopped")
  void continuousRecognition() throws Exception {
    target.control().addSpeechTranscript("hello there", null);
    target.control().addSpeechTranscript("good morning", null);
    long mark = target.journalMark();
    List<String> events;
    try (Recognizer r = recognizer(SpeechConfig.fromHost(URI.create(target.ws()), target.key),
        SpeechFixtures.path(SpeechFixtures.TWO_PHRASES), c -> { })) {
      events = continuous(r);
    }
    List<String> recognized = events.stream().filter(e -> e.startsWith("recognized")).toList();
    assertThat(recognized).as("events %s", events)
        .containsExactly("recognized RecognizedSpeech Hello there.", "recognized RecognizedSpeech Good morning.");
    int first = events.indexOf(recognized.get(0));
    assertThat(events.subList(0, first)).isNotEmpty().allSatisfy(e -> assertThat(e).startsWith("recognizing h"));
    assertThat(events.subList(first + 1, events.indexOf(recognized.get(1))))
        .isNotEmpty().allSatisfy(e -> assertThat(e).startsWith("recognizing g"));
    assertThat(events).contains("canceled EndOfStream NoError").endsWith("sessionStopped");
    // the SDK's last turn replays audio from the end of the last phrase and must give no result
    JsonNode turns = target.recognitions(mark);
    assertThat(turns).hasSize(2);
    JsonNode last = turns.get(1);
    JsonNode phrase = turns.get(0).path("results").get(1);
    assertThat(last.path("continuationOffset").asLong())
        .isEqualTo(phrase.path("offset").asLong() + phrase.path("duration").asLong());
    assertThat(last.path("results")).isEmpty();
    assertThat(last.path("requestId").asText()).isNotEqualTo(turns.get(0).path("requestId").asText());
  }

  @Test
  @DisplayName("SP-JAVA-005 detailed output with word timings: the JSON result has NBest with every text form and Words")
  void detailedOutput() throws Exception {
    target.control().addSpeechTranscript("Remind me to buy five pencils", null);
    SpeechRecognitionResult result;
    try (Recognizer r = recognizer(SpeechConfig.fromHost(URI.create(target.ws()), target.key),
        SpeechFixtures.path(SpeechFixtures.PENCILS), c -> {
          c.setOutputFormat(OutputFormat.Detailed);
          c.requestWordLevelTimestamps();
        })) {
      result = once(r);
    }
    assertPencils(result);
    JsonNode body = JSON.readTree(result.getProperties().getProperty(PropertyId.SpeechServiceResponse_JsonResult));
    JsonNode best = body.path("NBest").get(0);
    assertThat(best.path("Lexical").asText()).isEqualTo("remind me to buy five pencils");
    assertThat(best.path("ITN").asText()).isEqualTo("remind me to buy 5 pencils");
    assertThat(best.path("Display").asText()).isEqualTo("Remind me to buy 5 pencils.");
    assertThat(best.path("Words")).hasSize(6);
  }

  @Test
  @DisplayName("SP-JAVA-006 initial silence: NoMatch with NoMatchReason InitialSilenceTimeout")
  void initialSilence() throws Exception {
    try (Recognizer r = recognizer(SpeechConfig.fromHost(URI.create(target.ws()), target.key),
        SpeechFixtures.silenceFile(3_000),
        c -> c.setProperty(PropertyId.SpeechServiceConnection_InitialSilenceTimeoutMs, "1000"))) {
      SpeechRecognitionResult result = once(r);
      assertThat(result.getReason()).isEqualTo(ResultReason.NoMatch);
      assertThat(NoMatchDetails.fromResult(result).getReason()).isEqualTo(NoMatchReason.InitialSilenceTimeout);
    }
  }

  @Test
  @DisplayName("SP-JAVA-007 segmentation silence (sent only in speech.context): 1500 ms merges two-phrases.wav into one recognized, 300 ms splits it in two")
  void segmentation() throws Exception {
    target.control().addSpeechTranscript("hello there good morning", null);
    try (Recognizer r = recognizer(SpeechConfig.fromHost(URI.create(target.ws()), target.key),
        SpeechFixtures.path(SpeechFixtures.TWO_PHRASES),
        c -> c.setProperty(PropertyId.Speech_SegmentationSilenceTimeoutMs, "1500"))) {
      assertThat(continuous(r)).filteredOn(e -> e.startsWith("recognized"))
          .containsExactly("recognized RecognizedSpeech Hello there good morning.");
    }
    target.control().addSpeechTranscript("hello there", null);
    target.control().addSpeechTranscript("good morning", null);
    try (Recognizer r = recognizer(SpeechConfig.fromHost(URI.create(target.ws()), target.key),
        SpeechFixtures.path(SpeechFixtures.TWO_PHRASES),
        c -> c.setProperty(PropertyId.Speech_SegmentationSilenceTimeoutMs, "300"))) {
      assertThat(continuous(r)).filteredOn(e -> e.startsWith("recognized")).hasSize(2);
    }
  }

  @Test
  @DisplayName("SP-JAVA-009 recognizeOnceAsync of a recording that goes on for 20 s after its speech: the result comes at the utterance's end, and a second recognizeOnceAsync on the same recognizer recognises again")
  void recognizeOnceOfALongRecording() throws Exception {
    target.control().addSpeechTranscript("Remind me to buy five pencils", null);
    long mark = target.journalMark();
    try (Recognizer r = recognizer(SpeechConfig.fromHost(URI.create(target.ws()), target.key),
        SpeechFixtures.withTrailingSilence(SpeechFixtures.PENCILS, 20_000), c -> { })) {
      assertPencils(once(r));
      SpeechRecognitionResult second = once(r);
      assertThat(second.getReason()).as("%s", second).isIn(ResultReason.NoMatch, ResultReason.RecognizedSpeech);
    }
    assertThat(target.recognitions(mark)).allSatisfy(t -> assertThat(t.path("completed").asBoolean()).isTrue());
  }

  @Test
  @DisplayName("SP-JAVA-010 a transcript registered with the recording's pcmSha256: recognizeOnceAsync gets its text (the result waits for the end of the audio, whose hash decides)")
  void transcriptByHash() throws Exception {
    target.control().addSpeechTranscript("This is the pencil file", SpeechFixtures.pcmSha256(SpeechFixtures.PENCILS));
    try (Recognizer r = recognizer(SpeechConfig.fromHost(URI.create(target.ws()), target.key),
        SpeechFixtures.path(SpeechFixtures.PENCILS), c -> { })) {
      SpeechRecognitionResult result = once(r);
      assertThat(result.getReason()).isEqualTo(ResultReason.RecognizedSpeech);
      assertThat(result.getText()).isEqualTo("This is the pencil file.");
    }
  }

  @Test
  @DisplayName("SP-JAVA-008 wrong credentials: a wrong key ends as Canceled with an error (the handshake is refused with 401)")
  void wrongCredentials() throws Exception {
    try (Recognizer r = recognizer(SpeechConfig.fromHost(URI.create(target.ws()), "not-the-key"),
        SpeechFixtures.path(SpeechFixtures.PENCILS), c -> { })) {
      SpeechRecognitionResult result = once(r);
      assertThat(result.getReason()).isEqualTo(ResultReason.Canceled);
      CancellationDetails details = CancellationDetails.fromResult(result);
      assertThat(details.getReason()).isEqualTo(CancellationReason.Error);
      assertThat(details.getErrorCode()).isIn(CancellationErrorCode.AuthenticationFailure,
          CancellationErrorCode.ConnectionFailure);
      assertThat(details.getErrorDetails()).contains("401");
    }
  }
}
