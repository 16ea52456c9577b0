package io.callemu.emulator.surface.speech.usp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callemu.emulator.surface.speech.SpeechAudio;
import io.callemu.emulator.surface.speech.recognition.PhraseStatus;
import io.callemu.emulator.surface.speech.recognition.SpeechMode;
import io.callemu.emulator.surface.speech.recognition.SpeechTranscripts;
import io.callemu.emulator.surface.speech.recognition.Transcript;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The WebSocket protocol without a network: client messages as the SDKs write them in, the service's
 * messages checked against the rules of reference official-clients.md 6.5 (each a hang in a real SDK).
 */
class SpeechSessionTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final SpeechTranscripts transcripts = new SpeechTranscripts();
  private final RecordingOutput out = new RecordingOutput();
  private String armedError;

  private SpeechSession session(SpeechMode pathMode, Map<String, String> query) {
    ConnectionParameters p = ConnectionParameters.parse(pathMode, query::get, "CONN");
    return new SpeechSession(p, transcripts, 600_000, HypothesesPolicy.SDK, () -> {
      String e = armedError;
      armedError = null;
      return e;
    }, () -> 1_764_292_062_230L, out);
  }

  private static byte[] utterance() {
    return SpeechAudio.pcm16k().silence(500).voice(1_500).silence(1_000).streamingWav();
  }

  private static void send(SpeechSession s, List<byte[]> audio) {
    audio.forEach(s::onBinary);
  }

  /** The rules every service message must keep. */
  private void assertWellFormed() throws Exception {
    for (UspClient.Received r : out.sent) {
      assertThat(r.requestId()).as("X-RequestId of %s", r.path()).isNotBlank();
      assertThat(r.headers().get("X-Timestamp")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
      assertThat(r.body()).as("body of %s", r.path()).doesNotContain("\r\n\r\n");
      if (!r.path().equals("turn.end")) {
        assertThat(r.headers().get("Content-Type")).isEqualTo("application/json; charset=utf-8");
        JsonNode body = JSON.readTree(r.body());
        for (String field : List.of("Offset", "Duration")) {
          if (body.has(field)) {
            assertThat(body.get(field).isIntegralNumber()).as("%s of %s is a number", field, r.path()).isTrue();
          }
        }
      }
    }
  }

  @Test
  void aSingleShotGivesTheFullSequenceEveryMessageWithTheTurnsRequestId() throws Exception {
    transcripts.add(new Transcript("Remind me to buy five pencils", null));
    SpeechSession s = session(SpeechMode.INTERACTIVE, Map.of("language", "en-US"));
    s.onText(UspClient.speechConfig());
    String id = UspClient.requestId();
    s.onText(UspClient.text("speech.context", id, "{\"phraseDetection\":{\"mode\":\"Interactive\",\"language\":\"en-US\"},"
        + "\"phraseOutput\":{}}"));
    send(s, UspClient.audioMessages(id, utterance(), true));

    assertWellFormed();
    List<String> paths = out.paths();
    assertThat(paths.get(0)).isEqualTo("turn.start");
    assertThat(paths.get(1)).isEqualTo("speech.startDetected");
    assertThat(paths.subList(2, paths.size() - 3)).isNotEmpty().containsOnly("speech.hypothesis");
    assertThat(paths.subList(paths.size() - 3, paths.size()))
        .containsExactly("speech.endDetected", "speech.phrase", "turn.end");
    assertThat(out.sent).allSatisfy(r -> assertThat(r.requestId()).isEqualTo(id));
    assertThat(JSON.readTree(out.sent.get(0).body()).path("context").path("serviceTag").asText()).matches("[0-9a-f]{32}");
    assertThat(JSON.readTree(out.sent.get(1).body()).path("Offset").asLong()).isEqualTo(5_000_000L);
    // the speech ends at 2 000 ms, give or take the detector's 20 ms frame
    assertThat(JSON.readTree(out.sent.get(paths.size() - 3).body()).path("Offset").asLong())
        .isBetween(19_800_000L, 20_200_000L);
    JsonNode phrase = JSON.readTree(out.sent.get(paths.size() - 2).body());
    assertThat(phrase.path("RecognitionStatus").asText()).isEqualTo("Success");
    assertThat(phrase.path("DisplayText").asText()).isEqualTo("Remind me to buy 5 pencils.");
    assertThat(out.turns).singleElement().satisfies(t -> {
      assertThat(t.completed()).isTrue();
      assertThat(t.requestId()).isEqualTo(id);
    });
    assertThat(s.isClosed()).isFalse();
  }

  @Test
  void aSingleShotEndsAtItsResultAndAudioStillInFlightIsDropped() throws Exception {
    transcripts.add(new Transcript("yes", null));
    SpeechSession s = session(SpeechMode.INTERACTIVE, Map.of("language", "en-US"));
    String id = UspClient.requestId();
    byte[] wav = SpeechAudio.pcm16k().silence(300).voice(600).silence(5_000).streamingWav();
    send(s, UspClient.audioMessages(id, wav, true));
    assertThat(out.paths()).endsWith("speech.phrase", "turn.end").containsOnlyOnce("turn.end");
    assertThat(out.closeCode).isZero();
    assertThat(out.turns.get(0).pcmSha256()).as("the turn ended before its audio").isNull();
  }

  @Test
  void initialSilenceGivesANoMatchPhraseWithoutSpeechEvents() throws Exception {
    SpeechSession s = session(SpeechMode.INTERACTIVE, Map.of("language", "en-US", "initialSilenceTimeoutMs", "1000"));
    String id = UspClient.requestId();
    send(s, UspClient.audioMessages(id, SpeechAudio.pcm16k().silence(3_000).streamingWav(), true));
    assertWellFormed();
    assertThat(out.paths()).containsExactly("turn.start", "speech.phrase", "turn.end");
    JsonNode phrase = JSON.readTree(out.sent.get(1).body());
    assertThat(phrase.path("RecognitionStatus").asText()).isEqualTo("InitialSilenceTimeout");
    assertThat(phrase.path("Offset").asLong()).isEqualTo(10_000_000L);
  }

  @Test
  void continuousTurnsGiveAPhrasePerUtteranceAndEndDetectedOnceAtTheEnd() throws Exception {
    transcripts.add(new Transcript("hello there", null));
    transcripts.add(new Transcript("good morning", null));
    SpeechSession s = session(SpeechMode.CONVERSATION, Map.of("language", "en-US"));
    s.onText(UspClient.speechConfig());
    String id = UspClient.requestId();
    byte[] wav = SpeechAudio.pcm16k().silence(300).voice(900).silence(900).voice(900).silence(900).streamingWav();
    send(s, UspClient.audioMessages(id, wav, false));
    assertThat(out.paths()).doesNotContain("turn.end", "speech.endDetected").contains("speech.hypothesis");
    s.onBinary(UspClient.audio(id, new byte[0]));
    s.onBinary(UspClient.audio(id, new byte[0])); // the JS SDK ends its audio twice

    assertWellFormed();
    List<String> paths = out.paths();
    assertThat(paths).filteredOn("speech.phrase"::equals).hasSize(2);
    assertThat(paths).containsOnlyOnce("speech.startDetected", "speech.endDetected", "turn.end");
    assertThat(paths.subList(paths.size() - 2, paths.size())).containsExactly("speech.endDetected", "turn.end");
    assertThat(out.sent).filteredOn(r -> r.path().equals("speech.phrase"))
        .extracting(r -> JSON.readTree(r.body()).path("DisplayText").asText())
        .containsExactly("Hello there.", "Good morning.");
    assertThat(out.turns).singleElement().satisfies(t -> assertThat(t.pcmSha256()).matches("[0-9a-f]{64}"));
    assertThat(out.closeCode).isZero();
  }

  @Test
  void continuousHypothesesGoOnlyToSdkClientsUnlessTheContextAsks() throws Exception {
    transcripts.add(new Transcript("remind me to buy five pencils", null));
    SpeechSession raw = session(SpeechMode.DICTATION, Map.of("language", "en-US"));
    String id = UspClient.requestId();
    send(raw, UspClient.audioMessages(id, utterance(), true));
    assertThat(out.paths()).doesNotContain("speech.hypothesis").contains("speech.phrase");

    out.sent.clear();
    transcripts.add(new Transcript("remind me to buy five pencils", null));
    SpeechSession asking = session(SpeechMode.DICTATION, Map.of("language", "en-US"));
    String id2 = UspClient.requestId();
    asking.onText(UspClient.text("speech.context", id2, "{\"phraseOutput\":{\"interimResults\":{\"resultType\":\"Auto\"}}}"));
    send(asking, UspClient.audioMessages(id2, utterance(), true));
    assertThat(out.paths()).contains("speech.hypothesis");
  }

  @Test
  void aContinuationTurnHasItsOwnRequestIdAndOffsetsFromItsFirstByte() throws Exception {
    transcripts.add(new Transcript("hello there", null));
    transcripts.add(new Transcript("good morning", null));
    SpeechSession s = session(SpeechMode.CONVERSATION, Map.of("language", "en-US"));
    String first = UspClient.requestId();
    send(s, UspClient.audioMessages(first, SpeechAudio.pcm16k().silence(300).voice(900).silence(900).streamingWav(), true));
    String second = UspClient.requestId();
    s.onText(UspClient.text("speech.context", second, "{\"phraseDetection\":{\"language\":\"en-US\"},"
        + "\"continuation\":{\"previousServiceTag\":\"abc\",\"audio\":{\"streams\":{\"1\":{\"offset\":\"20000000\"}}}}}"));
    send(s, UspClient.audioMessages(second, SpeechAudio.pcm16k().silence(200).voice(900).silence(900).streamingWav(), true));

    assertWellFormed();
    List<UspClient.Received> phrases = out.sent.stream().filter(r -> r.path().equals("speech.phrase")).toList();
    assertThat(phrases).hasSize(2);
    assertThat(phrases.get(1).requestId()).isEqualTo(second);
    assertThat(JSON.readTree(phrases.get(1).body()).path("Offset").asLong()).isEqualTo(2_000_000L);
    assertThat(out.turns).extracting(TurnRecord::continuationTicks).containsExactly(null, 20_000_000L);
  }

  @Test
  void theFinalEmptyTurnOfTheJavaSdkGetsTurnStartAndTurnEndAndNoPhrase() throws Exception {
    SpeechSession s = session(SpeechMode.CONVERSATION, Map.of("language", "en-US"));
    String id = UspClient.requestId();
    s.onText(UspClient.text("speech.context", id, "{\"phraseDetection\":{\"language\":\"en-US\"},"
        + "\"continuation\":{\"audio\":{\"streams\":{\"1\":{\"offset\":\"31000000\"}}}}}"));
    s.onBinary(UspClient.audio(id, SpeechAudio.pcm16k().streamingHeader()));
    s.onBinary(UspClient.audio(id, new byte[0]));
    assertWellFormed();
    assertThat(out.paths()).containsExactly("turn.start", "turn.end");
  }

  @Test
  void detailedOutputWithWordTimingsFromAJavaStyleContext() throws Exception {
    transcripts.add(new Transcript("good morning", null));
    SpeechSession s = session(SpeechMode.CONVERSATION, Map.of("language", "en-US"));
    String id = UspClient.requestId().toLowerCase();
    s.onText(UspClient.text("speech.context", id, "{\"phraseDetection\":{\"language\":\"en-US\",\"enrichment\":"
        + "{\"profanity\":\"raw\"},\"initialSilenceTimeout\":7000,\"mode\":\"INTERACTIVE\",\"INTERACTIVE\":"
        + "{\"segmentation\":{\"segmentationSilenceTimeoutMs\":1200,\"mode\":\"Custom\"}}},\"phraseOutput\":"
        + "{\"format\":\"Detailed\",\"detailed\":{\"options\":[\"WordTimings\",\"WordConfidence\"]}}}"));
    send(s, UspClient.audioMessages(id, utterance(), true));
    assertWellFormed();
    UspClient.Received phrase = out.sent.stream().filter(r -> r.path().equals("speech.phrase")).findFirst().orElseThrow();
    assertThat(phrase.requestId()).isEqualTo(id);
    JsonNode best = JSON.readTree(phrase.body()).path("NBest").get(0);
    assertThat(best.path("Display").asText()).isEqualTo("Good morning.");
    assertThat(best.path("Words")).hasSize(2);
    assertThat(best.path("Words").get(0).path("Offset").isIntegralNumber()).isTrue();
    TurnRecord turn = out.turns.get(0);
    assertThat(turn.settings().mode()).isEqualTo(SpeechMode.INTERACTIVE);
    assertThat(turn.settings().segmentationSilenceMs()).isEqualTo(1200);
    assertThat(turn.settings().initialSilenceTimeoutMs()).isEqualTo(7000);
  }

  @Test
  void anArmedFaultEndsTheTurnWithAnErrorPhrase() throws Exception {
    armedError = "fault";
    SpeechSession s = session(SpeechMode.CONVERSATION, Map.of("language", "en-US"));
    String id = UspClient.requestId();
    s.onBinary(UspClient.audio(id, SpeechAudio.pcm16k().streamingHeader()));
    assertThat(out.paths()).containsExactly("turn.start", "speech.phrase", "turn.end");
    assertThat(JSON.readTree(out.sent.get(1).body()).path("RecognitionStatus").asText())
        .isEqualTo(PhraseStatus.ERROR.wireName());
  }

  // ---- bad input: a close with the documented code and a reason, nothing else ----------------------

  private void assertClosed(SpeechSession s, int code, String reasonPart) {
    assertThat(s.isClosed()).isTrue();
    assertThat(out.closeCode).isEqualTo(code);
    assertThat(out.closeReason).contains(reasonPart);
    assertThat(out.closeReason.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(123);
  }

  @Test
  void missingPathOrRequestIdOrADashedRequestIdIsAProtocolError() {
    SpeechSession a = session(SpeechMode.INTERACTIVE, Map.of("language", "en-US"));
    a.onText("X-RequestId: " + UspClient.requestId() + "\r\n\r\n{}");
    assertClosed(a, 1002, "Missing/Empty header. Path.");

    SpeechSession b = session(SpeechMode.INTERACTIVE, Map.of("language", "en-US"));
    b.onBinary(UspClient.binary("Path: audio\r\n", SpeechAudio.pcm16k().streamingHeader()));
    assertClosed(b, 1002, "Missing/Empty header. X-RequestId.");

    SpeechSession c = session(SpeechMode.INTERACTIVE, Map.of("language", "en-US"));
    c.onText(UspClient.text("speech.context", java.util.UUID.randomUUID().toString(), "{}"));
    assertClosed(c, 1002, "no-dash");
  }

  @Test
  void malformedMessagesAreInvalidPayload() {
    SpeechSession a = session(SpeechMode.INTERACTIVE, Map.of("language", "en-US"));
    a.onText("Path: speech.context\r\nX-RequestId: " + UspClient.requestId());
    assertClosed(a, 1007, "blank line");

    SpeechSession b = session(SpeechMode.INTERACTIVE, Map.of("language", "en-US"));
    b.onBinary(new byte[] {0x7f, 0x7f, 'P'});
    assertClosed(b, 1007, "binary header length");

    SpeechSession c = session(SpeechMode.INTERACTIVE, Map.of("language", "en-US"));
    c.onText(UspClient.text("audio", UspClient.requestId(), "RIFF"));
    assertClosed(c, 1007, "binary");

    SpeechSession d = session(SpeechMode.INTERACTIVE, Map.of("language", "en-US"));
    d.onText(UspClient.text("speech.context", UspClient.requestId(), "{not json"));
    assertClosed(d, 1007, "not valid JSON");

    SpeechSession e = session(SpeechMode.INTERACTIVE, Map.of("language", "en-US"));
    e.onBinary(new byte[UspParser.MAX_MESSAGE_BYTES + 1]);
    assertClosed(e, 1009, "at most");
  }

  @Test
  void audioThatIsNoWavOrAnUnsupportedFormatClosesWith1007AndTheTurnIsJournalledAsCutShort() {
    SpeechSession a = session(SpeechMode.INTERACTIVE, Map.of("language", "en-US"));
    a.onBinary(UspClient.audio(UspClient.requestId(), "not audio at all".getBytes()));
    assertClosed(a, 1007, "RIFF/WAVE");
    assertThat(out.turns).singleElement().satisfies(t -> assertThat(t.completed()).isFalse());

    SpeechSession b = session(SpeechMode.INTERACTIVE, Map.of("language", "en-US"));
    b.onBinary(UspClient.audio(UspClient.requestId(), SpeechAudio.pcm(44_100, 1).streamingHeader()));
    assertClosed(b, 1007, "unsupported audio format");
  }

  @Test
  void settingsOutOfRangeOrAnUnsupportedLanguageInTheContextCloseWith1007() {
    SpeechSession a = session(SpeechMode.CONVERSATION, Map.of("language", "en-US"));
    String id = UspClient.requestId();
    a.onText(UspClient.text("speech.context", id, "{\"phraseDetection\":{\"conversation\":{\"segmentation\":"
        + "{\"segmentationSilenceTimeoutMs\":50}}}}"));
    a.onBinary(UspClient.audio(id, SpeechAudio.pcm16k().streamingHeader()));
    assertClosed(a, 1007, "segmentationSilenceTimeoutMs must be within 100..5000");

    SpeechSession b = session(SpeechMode.CONVERSATION, Map.of("language", "en-US"));
    String id2 = UspClient.requestId();
    b.onText(UspClient.text("speech.context", id2, "{\"phraseDetection\":{\"language\":\"xx-YY\"}}"));
    b.onBinary(UspClient.audio(id2, SpeechAudio.pcm16k().streamingHeader()));
    assertClosed(b, 1007, "xx-YY");
  }

  @Test
  void reusingAnEndedRequestIdIsRefused() {
    SpeechSession s = session(SpeechMode.INTERACTIVE, Map.of("language", "en-US", "initialSilenceTimeoutMs", "500"));
    String id = UspClient.requestId();
    send(s, UspClient.audioMessages(id, SpeechAudio.pcm16k().silence(1_000).streamingWav(), true));
    assertThat(out.paths()).endsWith("turn.end");
    s.onBinary(UspClient.audio(id, SpeechAudio.pcm16k().streamingHeader()));
    assertClosed(s, 1002, "Reuse of request identifiers is not allowed");
  }

  @Test
  void audioLongAfterTheTurnEndedIsAPolicyViolation() {
    SpeechSession s = session(SpeechMode.INTERACTIVE, Map.of("language", "en-US", "initialSilenceTimeoutMs", "500"));
    String id = UspClient.requestId();
    send(s, UspClient.audioMessages(id, SpeechAudio.pcm16k().silence(1_000).streamingWav(), false));
    byte[] chunk = new byte[3200];
    for (int i = 0; i * chunk.length <= SpeechSession.AFTER_TURN_BUDGET_BYTES && !s.isClosed(); i++) {
      s.onBinary(UspClient.audio(id, chunk));
    }
    assertClosed(s, 1008, "after its turn.end");
  }

  @Test
  void audioForAnotherRequestWhileATurnIsUnderWayIsAProtocolError() {
    SpeechSession s = session(SpeechMode.CONVERSATION, Map.of("language", "en-US"));
    s.onBinary(UspClient.audio(UspClient.requestId(), SpeechAudio.pcm16k().streamingHeader()));
    s.onBinary(UspClient.audio(UspClient.requestId(), new byte[3200]));
    assertClosed(s, 1002, "is under way");
  }

  @Test
  void aTurnLongerThanTheLimitIsAPolicyViolation() {
    ConnectionParameters p = ConnectionParameters.parse(SpeechMode.CONVERSATION, Map.of("language", "en-US")::get, null);
    SpeechSession s = new SpeechSession(p, transcripts, 1_000, HypothesesPolicy.SDK, () -> null, () -> 0L, out);
    send(s, UspClient.audioMessages(UspClient.requestId(), SpeechAudio.pcm16k().silence(2_000).streamingWav(), false));
    assertClosed(s, 1008, "longer than 1 seconds");
  }

  @Test
  void theHandshakeQueryIsCheckedAndNeedsALanguageOnAModePath() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ConnectionParameters.parse(SpeechMode.INTERACTIVE,
        Map.<String, String>of()::get, null)).hasMessageContaining("language query parameter is required");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ConnectionParameters.parse(SpeechMode.INTERACTIVE,
        Map.of("language", "en-US", "format", "verbose")::get, null)).hasMessageContaining("simple or detailed");
    assertThat(ConnectionParameters.parse(null, Map.<String, String>of()::get, null).query().language()).isNull();
    assertThat(ConnectionParameters.parse(SpeechMode.DICTATION, Map.of("language", "en-us")::get, null).query().language())
        .isEqualTo("en-US");
  }
}
