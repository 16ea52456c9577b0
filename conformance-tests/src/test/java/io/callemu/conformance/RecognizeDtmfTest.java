package io.callemu.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.callemu.emulator.client.ControlException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Recognize with {@code recognizeInputType: dtmf} through the JS SDK 1.6.0, keys pressed through
 * the control API, every timer of anchors §4.7 checked on the virtual clock (reference §6, §8.1).
 */
@DisplayName("Recognize DTMF (JS SDK, virtual clock)")
class RecognizeDtmfTest extends MediaConformanceTest {

  static final String MSG_STOP_TONE = "Action completed as stop tone was detected.";
  static final String MSG_MAX_DIGITS = "Action completed, max digits received.";
  static final String MSG_INITIAL_SILENCE = "Action failed, initial silence timeout reached.";
  static final String MSG_INTER_DIGIT = "Action failed, inter-digit silence timeout reached.";
  /** Ten words: 4 000 ms at the default 150 words per minute. */
  static final String TEN_WORDS = "Please enter your four digit PIN and then press pound.";
  static final long TEN_WORDS_MS = 4_000;

  @Test
  @DisplayName("CA-REC-DTMF-001 PIN entry: 1234# with stop tone pound ends at once with RecognizeCompleted 200/8514, tones as names incl. the stop tone, operationContext echoed")
  void pinEntryWithStopTone() {
    String id = connectedCall("pin");
    NodeApp.Reply started = recognize(id, "dtmf", Map.of("maxTonesToCollect", 8, "stopDtmfTones", List.of("pound"),
        "interToneTimeoutInSeconds", 5, "initialSilenceTimeoutInSeconds", 10, "operationContext", "pin"));
    assertThat(started.lastExchange().path("status").asInt()).isEqualTo(202);
    JsonNode request = json(started.lastExchange().path("requestBody").asText());
    assertThat(request.path("recognizeInputType").asText()).isEqualTo("dtmf");
    JsonNode dtmfOptions = request.path("recognizeOptions").path("dtmfOptions");
    assertThat(dtmfOptions.path("maxTonesToCollect").asInt()).isEqualTo(8);
    assertThat(dtmfOptions.path("interToneTimeoutInSeconds").asInt()).isEqualTo(5);
    assertThat(dtmfOptions.path("stopTones")).extracting(JsonNode::asText).containsExactly("pound");

    press(id, "1234#");
    advance(pressMs(5));

    JsonNode completed = awaitEvent(id, "RecognizeCompleted");
    CloudEventEnvelope.assertValid(completed.path("body").asText(), "RecognizeCompleted", id);
    JsonNode event = completed.path("event");
    assertResult(event, 200, 8514, MSG_STOP_TONE);
    assertThat(event.path("recognitionType").asText()).isEqualTo("dtmf");
    assertThat(tones(event)).containsExactly("one", "two", "three", "four", "pound");
    assertThat(event.path("operationContext").asText()).isEqualTo("pin");
    advance(30_000);
    assertThat(kinds(id).stream().filter(k -> k.startsWith("Recognize"))).containsExactly("RecognizeCompleted");
  }

  @Test
  @DisplayName("CA-REC-DTMF-002 maxTonesToCollect reached: RecognizeCompleted 200/8531 with exactly that many tones; a further key changes nothing")
  void maxTonesReached() {
    String id = connectedCall("max");
    recognize(id, "dtmf", Map.of("maxTonesToCollect", 3, "operationContext", "max")).result();

    press(id, "9*04");
    advance(pressMs(4));

    JsonNode event = event(id, "RecognizeCompleted");
    assertResult(event, 200, 8531, MSG_MAX_DIGITS);
    assertThat(tones(event)).containsExactly("nine", "asterisk", "zero");
    advance(30_000);
    assertThat(kinds(id).stream().filter(k -> k.startsWith("Recognize"))).containsExactly("RecognizeCompleted");
  }

  @Test
  @DisplayName("CA-REC-DTMF-003 every key A-D, 0-9, *, # is reported by its ACS tone name")
  void everyToneName() {
    String id = connectedCall("names");
    recognize(id, "dtmf", Map.of("maxTonesToCollect", 16)).result();

    press(id, "0123456789*#ABCD");
    advance(pressMs(16));

    assertThat(tones(event(id, "RecognizeCompleted"))).containsExactly("zero", "one", "two", "three", "four", "five",
        "six", "seven", "eight", "nine", "asterisk", "pound", "a", "b", "c", "d");
  }

  @Test
  @DisplayName("CA-REC-TIMER-001 no prompt: the initial silence timer starts at once and fires RecognizeFailed 400/8510 exactly at initialSilenceTimeout")
  void initialSilenceWithoutPrompt() {
    String id = connectedCall("t1");
    recognize(id, "dtmf", Map.of("maxTonesToCollect", 4, "initialSilenceTimeoutInSeconds", 3, "operationContext", "t1"))
        .result();

    advance(2_999);
    assertNoEvent(id, "RecognizeFailed", "RecognizeCompleted");
    advance(1);

    JsonNode event = event(id, "RecognizeFailed");
    assertResult(event, 400, 8510, MSG_INITIAL_SILENCE);
    assertThat(event.path("operationContext").asText()).isEqualTo("t1");
  }

  @Test
  @DisplayName("CA-REC-TIMER-002 with a prompt: the initial silence timer starts when the prompt ends (text prompt of 4 s + 3 s)")
  void initialSilenceFromPromptEnd() {
    String id = connectedCall("t2");
    recognize(id, "dtmf", Map.of("maxTonesToCollect", 4, "initialSilenceTimeoutInSeconds", 3,
        "playPrompt", text(TEN_WORDS))).result();

    advance(TEN_WORDS_MS + 2_999);
    assertNoEvent(id, "RecognizeFailed", "RecognizeCompleted");
    advance(1);

    assertResult(event(id, "RecognizeFailed"), 400, 8510, MSG_INITIAL_SILENCE);
  }

  @Test
  @DisplayName("CA-REC-TIMER-003 initialSilenceTimeoutInSeconds 0 means no limit: nothing after 300 s of silence, keys still complete it")
  void zeroInitialSilenceIsNoLimit() {
    String id = connectedCall("t3");
    // The JS SDK replaces a 0 by its default 5 (falsy check, reference §6.2), so this request is sent signed by hand.
    SignedHttp.Response response = rawAction(id, "recognize",
        "{\"recognizeInputType\":\"dtmf\",\"recognizeOptions\":{\"initialSilenceTimeoutInSeconds\":0,"
            + "\"targetParticipant\":" + CALLEE_JSON + ","
            + "\"dtmfOptions\":{\"interToneTimeoutInSeconds\":2,\"maxTonesToCollect\":2}},\"operationContext\":\"t3\"}");
    assertThat(response.status()).as(response.body()).isEqualTo(202);

    advance(301_000);
    assertNoEvent(id, "RecognizeFailed", "RecognizeCompleted");

    press(id, "42");
    advance(pressMs(2));
    JsonNode event = event(id, "RecognizeCompleted");
    assertResult(event, 200, 8531, MSG_MAX_DIGITS);
    assertThat(tones(event)).containsExactly("four", "two");
  }

  @Test
  @DisplayName("CA-REC-TIMER-004 the inter-tone timer restarts on every key; when it fires after keys: RecognizeCompleted 400/8532 with the tones so far (default interDigitTimeoutEvent=completed)")
  void interToneRestartsOnEveryKey() {
    String id = connectedCall("t4");
    recognize(id, "dtmf", Map.of("maxTonesToCollect", 10, "interToneTimeoutInSeconds", 2,
        "initialSilenceTimeoutInSeconds", 5, "operationContext", "t4")).result();

    for (String key : List.of("1", "2", "3")) {
      press(id, key);
      advance(1_900); // a key every 1.9 s: 5.7 s in all, longer than 2 s and than the initial silence
    }
    assertNoEvent(id, "RecognizeFailed", "RecognizeCompleted");
    advance(99); // 2 s after the last key has not passed yet, whether a key counts from its start or its end
    assertNoEvent(id, "RecognizeFailed", "RecognizeCompleted");
    advance(200);

    JsonNode event = event(id, "RecognizeCompleted");
    assertResult(event, 400, 8532, MSG_INTER_DIGIT);
    assertThat(tones(event)).containsExactly("one", "two", "three");
    assertThat(event.path("operationContext").asText()).isEqualTo("t4");
  }

  @Test
  @DisplayName("CA-REC-TIMER-005 interruptPrompt: a key during the prompt stops it and collection goes on from that key (barge-in)")
  void bargeInOverPrompt() {
    String id = connectedCall("barge");
    recognize(id, "dtmf", Map.of("maxTonesToCollect", 2, "interruptPrompt", true, "interToneTimeoutInSeconds", 2,
        "initialSilenceTimeoutInSeconds", 5, "playPrompt", text(TEN_WORDS + " " + TEN_WORDS), "operationContext", "barge")).result();
    advance(1_000);

    press(id, "7");
    advance(250);
    press(id, "8");
    advance(pressMs(1));

    // Both keys counted at 1.5 s, long before the 8 s prompt would have ended.
    JsonNode event = event(id, "RecognizeCompleted");
    assertResult(event, 200, 8531, MSG_MAX_DIGITS);
    assertThat(tones(event)).containsExactly("seven", "eight");
  }

  @Test
  @DisplayName("CA-REC-TIMER-006 barge-in then silence: the inter-tone timer runs from the barge-in key, not from the end of the interrupted prompt")
  void bargeInThenInterTone() {
    String id = connectedCall("barge2");
    recognize(id, "dtmf", Map.of("maxTonesToCollect", 4, "interruptPrompt", true, "interToneTimeoutInSeconds", 2,
        "playPrompt", text(TEN_WORDS + " " + TEN_WORDS))).result();
    advance(1_000);
    press(id, "5");

    advance(2_500); // 3.5 s: prompt (8 s) would still be playing
    JsonNode event = event(id, "RecognizeCompleted");
    assertResult(event, 400, 8532, MSG_INTER_DIGIT);
    assertThat(tones(event)).containsExactly("five");
  }

  @Test
  @DisplayName("CA-REC-TIMER-007 a stop tone as the first key ends at once with 8514")
  void stopToneFirst() {
    String id = connectedCall("stopfirst");
    recognize(id, "dtmf", Map.of("maxTonesToCollect", 4, "stopDtmfTones", List.of("pound", "asterisk"))).result();

    press(id, "*");
    advance(pressMs(1));

    JsonNode event = event(id, "RecognizeCompleted");
    assertResult(event, 200, 8514, MSG_STOP_TONE);
    assertThat(tones(event)).containsExactly("asterisk");
  }

  @Test
  @DisplayName("CA-REC-DTMF-004 a recognize with a prompt does not emit PlayStarted/PlayCompleted by default (recognize.promptEmitsPlayEvents=false)")
  void promptEmitsNoPlayEventsByDefault() {
    String id = connectedCall("noplayev");
    recognize(id, "dtmf", Map.of("maxTonesToCollect", 1, "playPrompt", text(TEN_WORDS))).result();

    advance(TEN_WORDS_MS + 100);
    press(id, "1");
    advance(pressMs(1));

    event(id, "RecognizeCompleted");
    assertNoEvent(id, "PlayStarted", "PlayCompleted");
  }

  @Test
  @DisplayName("CA-IN-DTMF-001 POST /_emulator/calls/{id}/dtmf takes ACS tone names as well as keys: [\"three\", \"pound\"] completes a stop-tone recognize")
  void controlDtmfTakesToneNames() {
    String id = connectedCall("names2");
    recognize(id, "dtmf", Map.of("maxTonesToCollect", 4, "stopDtmfTones", List.of("pound"))).result();

    callemu.control().dtmf(id, Map.of("tones", List.of("three", "pound")));
    advance(pressMs(2));

    assertThat(tones(event(id, "RecognizeCompleted"))).containsExactly("three", "pound");
  }

  @Test
  @DisplayName("CA-IN-DTMF-002 the control dtmf endpoint refuses a bad key (400) and an unknown call (404) and presses nothing")
  void controlDtmfRefusesBadInput() {
    String id = connectedCall("badkeys");
    recognize(id, "dtmf", Map.of("maxTonesToCollect", 1, "initialSilenceTimeoutInSeconds", 30)).result();

    for (Object bad : List.of("12X", List.of("hash"), "")) {
      ControlException e = catchThrowableOfType(
          ControlException.class, () -> callemu.control().dtmf(id, Map.of("tones", bad)));
      assertThat(e).as("refused: %s", bad).isNotNull();
      assertThat(e.status()).isEqualTo(400);
    }
    ControlException unknown = catchThrowableOfType(
        ControlException.class,
        () -> callemu.control().dtmf("00000000-0000-0000-0000-0000000000bb", Map.of("tones", "1")));
    assertThat(unknown.status()).isEqualTo(404);
    advance(pressMs(3));
    assertNoEvent(id, "RecognizeCompleted");
  }

  @Test
  @DisplayName("CA-REC-DTMF-005 the caller hangs up during a recognize: no RecognizeCompleted/Failed; any RecognizeCanceled (400/8508) comes before CallDisconnected, which is last")
  void hangUpDuringRecognize() {
    String id = connectedCall("hangrec");
    recognize(id, "dtmf", Map.of("maxTonesToCollect", 4, "initialSilenceTimeoutInSeconds", 5)).result();
    press(id, "1");
    advance(pressMs(1));

    callemu.control().hangup(id);
    advance(1);
    awaitEvent(id, "CallDisconnected");
    advance(30_000);

    List<String> kinds = kinds(id);
    assertThat(kinds).doesNotContain("RecognizeCompleted", "RecognizeFailed");
    assertThat(kinds.get(kinds.size() - 1)).as("CallDisconnected is last: %s", kinds).isEqualTo("CallDisconnected");
    events(id, "RecognizeCanceled").forEach(e -> assertResult(e, 400, 8508, MSG_CANCELED));
  }

  @Test
  @DisplayName("CA-REC-DTMF-006 operationCallbackUri: the recognize's events go to the action's URL, not the call's")
  void operationCallbackUri() {
    String id = connectedCall("opcb");
    String tag = newTag("opcb-action");
    recognize(id, "dtmf", Map.of("maxTonesToCollect", 1, "operationCallbackTag", tag)).result();

    press(id, "6");
    advance(pressMs(1));

    JsonNode completed = awaitEvent(id, "RecognizeCompleted");
    assertThat(completed.path("path").asText()).isEqualTo("/callbacks/" + tag);
  }

  @Test
  @DisplayName("CA-REC-TIMER-010 interruptPrompt false: a key during the prompt does not stop it and (default recognize.tonesDuringUninterruptiblePrompt=ignored) does not count; initial silence runs from the prompt's end")
  void keyDuringUninterruptiblePrompt() {
    String id = connectedCall("nobarge");
    recognize(id, "dtmf", Map.of("maxTonesToCollect", 1, "interruptPrompt", false, "initialSilenceTimeoutInSeconds", 3,
        "playPrompt", text(TEN_WORDS))).result();
    advance(1_000);

    press(id, "4");
    advance(TEN_WORDS_MS - 1_000 + 2_999);
    assertNoEvent(id, "RecognizeCompleted", "RecognizeFailed");
    advance(1);

    assertResult(event(id, "RecognizeFailed"), 400, 8510, MSG_INITIAL_SILENCE);
  }

  @Test
  @DisplayName("CA-REC-DTMF-007 PIN entry with the JS SDK over HTTPS (NODE_EXTRA_CA_CERTS = callemu's ca.pem): 8514 with the tones")
  void pinEntryOverHttps() {
    String id = jsCreateCall(JS_HTTPS, newTag("pinhttps"), CALLEE, Map.of()).result().path("callConnectionId").asText();
    advance(RING_MS);
    awaitEvent(id, "CallConnected");

    NodeApp.Reply started = node.call("startRecognizing", Map.of("client", JS_HTTPS, "callConnectionId", id, "kind", "dtmf",
        "target", CALLEE, "maxTonesToCollect", 6, "stopDtmfTones", List.of("pound")));
    assertThat(started.lastExchange().path("url").asText()).startsWith("https://localhost:");
    assertThat(started.lastExchange().path("status").asInt()).isEqualTo(202);
    press(id, "55#");
    advance(pressMs(3));

    assertStopToneCompleted(event(id, "RecognizeCompleted"), "five", "five", "pound");
  }

  @Test
  @DisplayName("CA-REC-DTMF-008 a recognize with interruptCallMediaOperation true barges into a running play: PlayCanceled 400/8508, the recognize runs at once")
  void recognizeInterruptsPlay() {
    String id = connectedCall("recint");
    playToAll(id, "music", Map.of(), text(TEN_WORDS + " " + TEN_WORDS)).result();
    advance(500);

    recognize(id, "dtmf", Map.of("maxTonesToCollect", 1, "interruptCallMediaOperation", true)).result();
    advance(1);
    press(id, "9");
    advance(pressMs(1));

    assertResult(event(id, "PlayCanceled"), 400, 8508, MSG_CANCELED);
    assertThat(tones(event(id, "RecognizeCompleted"))).containsExactly("nine");
    advance(10_000);
    assertNoEvent(id, "PlayCompleted");
  }

  @Test
  @DisplayName("CA-REC-DTMF-009 playPrompts (several prompts): initial silence starts after the last one (4 s + 4 s + 3 s)")
  void severalPrompts() {
    String id = connectedCall("prompts");
    recognize(id, "dtmf", Map.of("maxTonesToCollect", 1, "initialSilenceTimeoutInSeconds", 3,
        "playPrompts", List.of(text(TEN_WORDS), text(TEN_WORDS)))).result();

    advance(2 * TEN_WORDS_MS + 2_999);
    assertNoEvent(id, "RecognizeFailed");
    advance(1);

    assertResult(event(id, "RecognizeFailed"), 400, 8510, MSG_INITIAL_SILENCE);
  }

  @Test
  @DisplayName("CA-REC-DTMF-010 playPrompts whose second prompt cannot be fetched: RecognizeFailed 500/8511 with failedPlaySourceIndex 1")
  void failedPromptIndex() {
    String id = connectedCall("prompts2");
    recognize(id, "dtmf", Map.of("maxTonesToCollect", 1, "playPrompts",
        List.of(text("Hello."), file(PromptFileServer.unreachableUrl("second-prompt.wav"))))).result();
    advance(1);

    JsonNode failed = event(id, "RecognizeFailed");
    assertResult(failed, 500, 8511, "Action failed, encountered failure while trying to play the prompt.");
    assertThat(failed.path("failedPlaySourceIndex").asInt(-1)).isEqualTo(1);
  }

  @Test
  @DisplayName("CA-REC-VAL-018 media actions on a call that is not connected yet (still ringing): 400/8501, nothing starts")
  void notEstablished() {
    String id = jsCreateCall(JS_HTTP, newTag("ringing"), CALLEE, Map.of()).result().path("callConnectionId").asText();

    JsonNode recognizeError = recognize(id, "dtmf", Map.of("maxTonesToCollect", 1)).error();
    JsonNode playError = playToAll(id, "early", Map.of(), text("Hello.")).error();

    for (JsonNode error : List.of(recognizeError, playError)) {
      assertThat(error.path("statusCode").asInt()).as("%s", error).isEqualTo(400);
      ErrorEnvelope.assertValid(error.path("body").asText(), "8501");
    }
    advance(RING_MS);
    awaitEvent(id, "CallConnected");
    advance(30_000);
    assertNoEvent(id, "RecognizeFailed", "RecognizeCompleted", "PlayStarted", "PlayCompleted");
  }

  @Test
  @DisplayName("CA-REC-VAL-019 media actions on a call that has ended: refused (404/8522 as for every request on an ended call), nothing starts")
  void ended() {
    String id = connectedCall("ended");
    callemu.control().hangup(id);
    advance(1);
    awaitEvent(id, "CallDisconnected");

    JsonNode error = recognize(id, "dtmf", Map.of("maxTonesToCollect", 1)).error();

    assertThat(error.path("statusCode").asInt()).isEqualTo(404);
    ErrorEnvelope.assertValid(error.path("body").asText(), "8522");
  }

  @Test
  @DisplayName("CA-IN-DTMF-003 POST /dtmf delayMs is on the emulated clock: a key 2.5 s later beats a 3 s initial silence, 3.5 s later loses to it (8510 at 3 s)")
  void dtmfDelay() {
    String early = connectedCall("kdelay1");
    String late = connectedCall("kdelay2");
    recognize(early, "dtmf", Map.of("maxTonesToCollect", 1, "initialSilenceTimeoutInSeconds", 3)).result();
    recognize(late, "dtmf", Map.of("maxTonesToCollect", 1, "initialSilenceTimeoutInSeconds", 3)).result();

    callemu.control().dtmf(early, Map.of("tones", "7", "delayMs", 2_500));
    callemu.control().dtmf(late, Map.of("tones", "7", "delayMs", 3_500));
    advance(2_999);
    assertNoEvent(late, "RecognizeFailed");
    advance(1);

    assertResult(event(late, "RecognizeFailed"), 400, 8510, MSG_INITIAL_SILENCE);
    assertThat(tones(event(early, "RecognizeCompleted"))).containsExactly("seven");
  }

  @Test
  @DisplayName("CA-SEQ-001 a whole IVR call (welcome, PIN with a prompt, goodbye, hang up) gets exactly the documented events in order, each parsed by the SDK")
  void wholeIvrCallEventSequence() {
    String id = connectedCall("ivr");
    playToAll(id, "welcome", Map.of(), text("Welcome to the bank.")).result();
    recognize(id, "dtmf", Map.of("maxTonesToCollect", 8, "stopDtmfTones", List.of("pound"), "interruptPrompt", true,
        "playPrompt", text(TEN_WORDS), "operationContext", "pin")).result();
    advance(6_000); // welcome (4 words, 1.6 s) and prompt (4 s) played; the initial silence (5 s) runs
    press(id, "2580#");
    advance(pressMs(5));
    event(id, "RecognizeCompleted");
    playToAll(id, "goodbye", Map.of(), text("Thank you, goodbye.")).result();
    advance(10_000);
    event(id, "PlayCompleted");
    media("hangUp", id, Map.of("forEveryone", true)).result();
    awaitEvent(id, "CallDisconnected");
    advance(10_000);

    // §7.4: create → CallConnected, ParticipantsUpdated; play → PlayStarted, PlayCompleted; a recognize
    // prompt sends no Play* (recognize.promptEmitsPlayEvents=false); terminate → CallDisconnected, last.
    assertThat(kinds(id)).containsExactly("CallConnected", "ParticipantsUpdated", "PlayStarted", "PlayCompleted",
        "RecognizeCompleted", "PlayStarted", "PlayCompleted", "CallDisconnected");
    assertThat(callbacks(id)).allSatisfy(c -> assertThat(c.path("parseError").isMissingNode()).isTrue());
    assertThat(events(id, "PlayCompleted")).extracting(e -> e.path("operationContext").asText())
        .containsExactly("welcome", "goodbye");
    assertStopToneCompleted(event(id, "RecognizeCompleted"), "two", "five", "eight", "zero", "pound");
  }
}
