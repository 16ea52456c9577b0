package io.callemu.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Play (file, text, SSML; playTo, loop, interruptCallMediaOperation), the per-call media queue
 * and cancelAllMediaOperations through the JS SDK 1.6.0, durations on the virtual clock
 * (reference §4 ops 17 and 19, §5 PlayRequest, §7.4, §8.2; issue 5 "Play").
 */
@DisplayName("Play and cancel (JS SDK, virtual clock)")
class PlayAndCancelTest extends MediaConformanceTest {

  static final String MSG_OK = "Action completed successfully.";
  /** Ten words: 4 000 ms at the default 150 words per minute. */
  static final String TEN_WORDS = RecognizeDtmfTest.TEN_WORDS;
  static final long TEN_WORDS_MS = RecognizeDtmfTest.TEN_WORDS_MS;

  PromptFileServer files;

  @BeforeAll
  void promptFiles() {
    files = new PromptFileServer();
  }

  @AfterAll
  void stopPromptFiles() {
    if (files != null) {
      files.close();
    }
  }

  @Test
  @DisplayName("CA-PLAY-001 playToAll of a text: 202, PlayStarted 200/0 at once, PlayCompleted 200/0 after its words at prompt.wordsPerMinute (10 words = 4 s), operationContext echoed")
  void textPlaysForItsWords() {
    String id = connectedCall("play1");

    NodeApp.Reply played = playToAll(id, "greeting", Map.of(), text(TEN_WORDS));

    assertThat(played.lastExchange().path("status").asInt()).isEqualTo(202);
    JsonNode request = json(played.lastExchange().path("requestBody").asText());
    assertThat(request.path("playTo").isArray() && request.path("playTo").isEmpty()).as("playToAll = playTo []").isTrue();
    JsonNode startedCallback = awaitEvent(id, "PlayStarted");
    CloudEventEnvelope.assertValid(startedCallback.path("body").asText(), "PlayStarted", id);
    assertResult(startedCallback.path("event"), 200, 0, MSG_OK);
    advance(TEN_WORDS_MS - 1);
    assertNoEvent(id, "PlayCompleted");
    advance(1);
    JsonNode completed = awaitEvent(id, "PlayCompleted");
    CloudEventEnvelope.assertValid(completed.path("body").asText(), "PlayCompleted", id);
    assertResult(completed.path("event"), 200, 0, MSG_OK);
    assertThat(completed.path("event").path("operationContext").asText()).isEqualTo("greeting");
  }

  @Test
  @DisplayName("CA-PLAY-002 SSML plays for its words plus its <break time> pauses (10 words + 1500ms + 1s = 6.5 s)")
  void ssmlPlaysForWordsAndBreaks() {
    String id = connectedCall("play2");
    String ssml = "<speak version=\"1.0\" xmlns=\"http://www.w3.org/2001/10/synthesis\" xml:lang=\"en-US\">"
        + "<voice name=\"en-US-JennyNeural\">Please enter your four digit PIN <break time=\"1500ms\"/> "
        + "and then press pound. <break time=\"1s\"/></voice></speak>";

    playToAll(id, "ssml", Map.of(), ssml(ssml)).result();

    advance(6_499);
    assertNoEvent(id, "PlayCompleted");
    advance(1);
    assertResult(event(id, "PlayCompleted"), 200, 0, MSG_OK);
  }

  @Test
  @DisplayName("CA-PLAY-003 a WAV file served on loopback plays for its real duration (1.25 s)")
  void wavPlaysForItsDuration() {
    String id = connectedCall("play3");
    String url = files.put("prompt-1250ms.wav", Wav.tone(16_000, 1_250));

    playToAll(id, "wav", Map.of(), file(url)).result();

    awaitEvent(id, "PlayStarted");
    advance(1_249);
    assertNoEvent(id, "PlayCompleted");
    advance(1);
    assertResult(event(id, "PlayCompleted"), 200, 0, MSG_OK);
  }

  @Test
  @DisplayName("CA-PLAY-004 a file whose URI cannot be fetched (nothing listens; 404): PlayFailed 400/8536, failedPlaySourceIndex 0")
  void unreachableFileFails() {
    for (String url : List.of(PromptFileServer.unreachableUrl("gone.wav"), files.url("missing.wav"))) {
      String id = connectedCall("play4");

      playToAll(id, "dl", Map.of(), file(url)).result();
      advance(1);

      JsonNode failed = event(id, "PlayFailed");
      assertResult(failed, 400, 8536, "Action failed, file could not be downloaded.");
      assertThat(failed.path("failedPlaySourceIndex").asInt(-1)).isEqualTo(0);
      assertThat(failed.path("operationContext").asText()).isEqualTo("dl");
      assertNoEvent(id, "PlayCompleted");
    }
  }

  @Test
  @DisplayName("CA-PLAY-005 a file that is no WAV/MP3: PlayFailed 400/8535")
  void unreadableFileFails() {
    String id = connectedCall("play5");
    String url = files.put("not-audio.wav", "this is not audio at all".getBytes(StandardCharsets.US_ASCII));

    playToAll(id, "fmt", Map.of(), file(url)).result();
    advance(1);

    JsonNode failed = event(id, "PlayFailed");
    assertResult(failed, 400, 8535, "Action failed, file format is invalid.");
    assertThat(failed.path("failedPlaySourceIndex").asInt(-1)).isEqualTo(0);
  }

  @Test
  @DisplayName("CA-PLAY-006 several sources where the second cannot be fetched: PlayFailed with failedPlaySourceIndex 1")
  void failedSourceIndex() {
    String id = connectedCall("play6");

    playToAll(id, "multi", Map.of(), text("Hello there."), file(PromptFileServer.unreachableUrl("second.wav"))).result();
    advance(10_000);

    JsonNode failed = event(id, "PlayFailed");
    assertResult(failed, 400, 8536, null);
    assertThat(failed.path("failedPlaySourceIndex").asInt(-1)).isEqualTo(1);
  }

  @Test
  @DisplayName("CA-PLAY-007 play to one participant (playTo [callee]) without operationContext: events carry no operationContext (JS play invents none)")
  void playToParticipant() {
    String id = connectedCall("play7");

    NodeApp.Reply played = media("play", id, Map.of("sources", List.of(text("Hello.")), "playTo", List.of(CALLEE)));

    assertThat(played.lastExchange().path("status").asInt()).isEqualTo(202);
    JsonNode request = json(played.lastExchange().path("requestBody").asText());
    assertThat(request.path("playTo").path(0).path("rawId").asText("4:" + TARGET_PHONE)).isEqualTo("4:" + TARGET_PHONE);
    assertThat(request.has("operationContext")).isFalse();
    advance(10_000);
    JsonNode completed = event(id, "PlayCompleted");
    assertResult(completed, 200, 0, MSG_OK);
    assertThat(completed.has("operationContext")).as("no operationContext in %s", completed).isFalse();
  }

  @Test
  @DisplayName("CA-PLAY-008 loop: a looping play never completes; cancelAllMediaOperations ends it with PlayCanceled 400/8508")
  void loopPlaysUntilCanceled() {
    String id = connectedCall("play8");
    NodeApp.Reply played = playToAll(id, "loop", Map.of("loop", true), text(TEN_WORDS));
    assertThat(json(played.lastExchange().path("requestBody").asText()).path("playOptions").path("loop").asBoolean()).isTrue();

    advance(TEN_WORDS_MS * 10);
    assertNoEvent(id, "PlayCompleted");
    NodeApp.Reply canceled = media("cancelAllOperations", id, Map.of());

    assertThat(canceled.lastExchange().path("status").asInt()).isEqualTo(202);
    JsonNode event = event(id, "PlayCanceled");
    assertResult(event, 400, 8508, MSG_CANCELED);
    assertThat(event.path("operationContext").asText()).isEqualTo("loop");
  }

  @Test
  @DisplayName("CA-PLAY-009 media operations queue per call: a second play starts when the first completes")
  void playsQueue() {
    String id = connectedCall("play9");
    playToAll(id, "first", Map.of(), text(TEN_WORDS)).result();
    playToAll(id, "second", Map.of(), text(TEN_WORDS)).result();

    awaitEvent(id, "PlayStarted");
    advance(TEN_WORDS_MS - 1);
    assertThat(events(id, "PlayStarted")).hasSize(1);
    advance(1);
    assertThat(events(id, "PlayCompleted")).extracting(e -> e.path("operationContext").asText()).containsExactly("first");
    assertThat(events(id, "PlayStarted")).extracting(e -> e.path("operationContext").asText()).containsExactly("first", "second");
    advance(TEN_WORDS_MS);
    assertThat(events(id, "PlayCompleted")).extracting(e -> e.path("operationContext").asText()).containsExactly("first", "second");
  }

  @Test
  @DisplayName("CA-PLAY-010 interruptCallMediaOperation: a playToAll barges in, the running play ends with PlayCanceled 400/8508 and the new one starts at once")
  void interruptCallMediaOperation() {
    String id = connectedCall("play10");
    playToAll(id, "running", Map.of(), text(TEN_WORDS + " " + TEN_WORDS)).result();
    advance(1_000);

    NodeApp.Reply barge = playToAll(id, "urgent", Map.of("interruptCallMediaOperation", true), text(TEN_WORDS));
    assertThat(json(barge.lastExchange().path("requestBody").asText()).path("interruptCallMediaOperation").asBoolean()).isTrue();
    advance(1);

    JsonNode canceled = event(id, "PlayCanceled");
    assertResult(canceled, 400, 8508, MSG_CANCELED);
    assertThat(canceled.path("operationContext").asText()).isEqualTo("running");
    assertThat(awaitEvents(id, "PlayStarted", 2)).extracting(e -> e.path("operationContext").asText())
        .containsExactly("running", "urgent");
    advance(TEN_WORDS_MS);
    assertThat(events(id, "PlayCompleted")).extracting(e -> e.path("operationContext").asText()).containsExactly("urgent");
  }

  @Test
  @DisplayName("CA-CANCEL-001 cancelAllMediaOperations cancels the running and every queued operation, each with its Canceled event 400/8508 and operationContext")
  void cancelRunningAndQueued() {
    String id = connectedCall("cancel1");
    playToAll(id, "a", Map.of(), text(TEN_WORDS)).result();
    playToAll(id, "b", Map.of(), text(TEN_WORDS)).result();
    recognize(id, "dtmf", Map.of("maxTonesToCollect", 1, "operationContext", "c")).result();
    advance(500);

    NodeApp.Reply canceled = media("cancelAllOperations", id, Map.of());
    assertThat(canceled.lastExchange().path("status").asInt()).isEqualTo(202);
    assertThat(canceled.lastExchange().path("url").asText()).contains(":cancelAllMediaOperations");
    advance(1);

    awaitEvent(id, "RecognizeCanceled");
    List<JsonNode> playCanceled = awaitEvents(id, "PlayCanceled", 2);
    assertThat(playCanceled).extracting(e -> e.path("operationContext").asText()).containsExactlyInAnyOrder("a", "b");
    playCanceled.forEach(e -> assertResult(e, 400, 8508, MSG_CANCELED));
    JsonNode recognizeCanceled = event(id, "RecognizeCanceled");
    assertResult(recognizeCanceled, 400, 8508, MSG_CANCELED);
    assertThat(recognizeCanceled.path("operationContext").asText()).isEqualTo("c");
    press(id, "1");
    advance(60_000);
    assertNoEvent(id, "PlayCompleted", "RecognizeCompleted", "RecognizeFailed");
  }

  @Test
  @DisplayName("CA-CANCEL-002 cancelAllMediaOperations with nothing running: 202 and no event")
  void cancelNothing() {
    String id = connectedCall("cancel2");

    NodeApp.Reply canceled = media("cancelAllOperations", id, Map.of());

    assertThat(canceled.lastExchange().path("status").asInt()).isEqualTo(202);
    advance(1_000);
    assertNoEvent(id, "PlayCanceled", "RecognizeCanceled");
  }

  @Test
  @DisplayName("CA-PLAY-011 a text source with empty text is refused with 400 (8523 Invalid Argument or 8582 Play Source Text Or Ssml Empty), nothing plays")
  void emptyTextRefused() {
    String id = connectedCall("play11");

    JsonNode error = playToAll(id, "empty", Map.of(), text("")).error();

    assertThat(error.path("statusCode").asInt()).isEqualTo(400);
    assertThat(ErrorEnvelope.assertValid(error.path("body").asText())).isIn("8523", "8582");
    advance(10_000);
    assertNoEvent(id, "PlayStarted", "PlayCompleted", "PlayFailed");
  }

  @Test
  @DisplayName("CA-PLAY-012 a play's operationCallbackUri receives its events; the call's callbackUri does not")
  void playOperationCallbackUri() {
    String id = connectedCall("play12");
    String tag = newTag("play12-action");

    playToAll(id, "routed", Map.of("operationCallbackTag", tag), text("Hello.")).result();
    advance(10_000);

    assertThat(awaitEvent(id, "PlayCompleted").path("path").asText()).isEqualTo("/callbacks/" + tag);
    assertThat(awaitEvent(id, "PlayStarted").path("path").asText()).isEqualTo("/callbacks/" + tag);
  }

  @Test
  @DisplayName("CA-PLAY-013 an MP3 (ID3v2 tag + 38 MPEG-1 Layer III frames = 992.65 ms) served on loopback plays for its real duration")
  void mp3PlaysForItsDuration() {
    String id = connectedCall("play13");
    String url = files.put("prompt.mp3", Wav.mp3(38));

    playToAll(id, "mp3", Map.of(), file(url)).result();

    awaitEvent(id, "PlayStarted");
    advance((long) Math.floor(Wav.mp3Ms(38)) - 1); // whichever way callemu rounds the 0.65 ms
    assertNoEvent(id, "PlayCompleted", "PlayFailed");
    advance(2);
    assertResult(event(id, "PlayCompleted"), 200, 0, MSG_OK);
  }

  @Test
  @DisplayName("CA-PLAY-014 a file: URI of a WAV under the data dir plays for its real duration (750 ms); one outside it is not read (PlayFailed 8536)")
  void fileUnderDataDir() throws IOException {
    Path prompts = Files.createDirectories(dataDir.resolve("prompts"));
    Path wav = Files.write(prompts.resolve("short.wav"), Wav.tone(16_000, 750));
    String id = connectedCall("play14");

    playToAll(id, "local", Map.of(), file(wav.toUri().toString())).result();

    awaitEvent(id, "PlayStarted");
    advance(749);
    assertNoEvent(id, "PlayCompleted");
    advance(1);
    assertResult(event(id, "PlayCompleted"), 200, 0, MSG_OK);

    Path outside = Files.createTempFile("callemu-outside-", ".wav");
    try {
      Files.write(outside, Wav.tone(16_000, 750));
      String other = connectedCall("play14b");
      playToAll(other, "outside", Map.of(), file(outside.toUri().toString())).result();
      advance(1);
      assertResult(event(other, "PlayFailed"), 400, 8536, "Action failed, file could not be downloaded.");
    } finally {
      Files.deleteIfExists(outside);
    }
  }

  @Test
  @DisplayName("CA-PLAY-015 a file on a host callemu cannot reach offline plays for prompt.defaultFileMs (set to 1 500 ms)")
  void remoteFilePlaysForTheDefault() {
    set("prompt.defaultFileMs", 1_500);
    try {
      String id = connectedCall("play15");

      playToAll(id, "remote", Map.of(), file("https://contoso.example/prompts/welcome.wav")).result();

      awaitEvent(id, "PlayStarted");
      advance(1_499);
      assertNoEvent(id, "PlayCompleted", "PlayFailed");
      advance(1);
      assertResult(event(id, "PlayCompleted"), 200, 0, MSG_OK);
    } finally {
      reset("prompt.defaultFileMs");
    }
  }

  static Stream<Arguments> malformedPlays() {
    return Stream.of(
        Arguments.of("CA-PLAY-VAL-001 no playSources", "{\"playTo\":[]}", "playSources"),
        Arguments.of("CA-PLAY-VAL-002 empty playSources", "{\"playSources\":[],\"playTo\":[]}", "playSources"),
        Arguments.of("CA-PLAY-VAL-003 unknown source kind", "{\"playSources\":[{\"kind\":\"video\"}]}", "kind"),
        Arguments.of("CA-PLAY-VAL-004 file without uri", "{\"playSources\":[{\"kind\":\"file\",\"file\":{}}]}", "uri"),
        Arguments.of("CA-PLAY-VAL-005 text without text", "{\"playSources\":[{\"kind\":\"text\",\"text\":{}}]}", "text"),
        Arguments.of("CA-PLAY-VAL-006 ssml without ssmlText", "{\"playSources\":[{\"kind\":\"ssml\",\"ssml\":{}}]}",
            "ssmlText"));
  }

  @ParameterizedTest(name = "{0}: 400/8523 naming {2}, nothing plays")
  @MethodSource("malformedPlays")
  @DisplayName("CA-PLAY-VAL malformed play requests, signed by hand")
  void malformedPlayRefused(String name, String body, String field) {
    String id = connectedCall("playval");

    SignedHttp.Response response = rawAction(id, "play", body);

    assertThat(response.status()).as("%s: %s", name, response.body()).isEqualTo(400);
    RecognizeValidationTest.assertRefused(response.body(), field);
    playToAll(id, "probe", Map.of(), text("Hello.")).result();
    assertThat(awaitEvent(id, "PlayStarted").path("event").path("operationContext").asText()).isEqualTo("probe");
    assertThat(events(id, "PlayStarted")).as("the next play starts at once: nothing queued before it")
        .extracting(e -> e.path("operationContext").asText()).containsExactly("probe");
  }
}
