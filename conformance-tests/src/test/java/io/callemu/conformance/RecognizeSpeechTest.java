package io.callemu.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Recognize with {@code choices}, {@code speech} and {@code speechOrDtmf} through the JS SDK 1.6.0;
 * the caller speaks through the control API ({@code /speech}, {@code /audio}) and the simulated
 * recognizer (asr-sim). Reference §6.1, §6.2, §6.4, §7.3, §8.1.
 */
@DisplayName("Recognize choices, speech, speechOrDtmf (JS SDK, virtual clock)")
class RecognizeSpeechTest extends MediaConformanceTest {

  static final List<Map<String, Object>> MENU = List.of(
      Map.of("label", "Confirm", "phrases", List.of("Confirm", "Yes"), "tone", "one"),
      Map.of("label", "Cancel", "phrases", List.of("Cancel", "No"), "tone", "two"));

  NodeApp.Reply menu(String id, String context) {
    return recognize(id, "choices", Map.of("choices", MENU, "initialSilenceTimeoutInSeconds", 10,
        "playPrompt", text("Say confirm or cancel, or press one or two."), "interruptPrompt", true,
        "operationContext", context));
  }

  @Test
  @DisplayName("CA-REC-CHOICE-001 a menu answered by phrase: RecognizeCompleted 200/8545, recognitionType choices, choiceResult label and recognizedPhrase")
  void menuByPhrase() {
    String id = connectedCall("menu1");
    NodeApp.Reply started = menu(id, "menu1");
    assertThat(started.lastExchange().path("status").asInt()).isEqualTo(202);

    say(id, "Yes", 600);
    advance(5_000);

    JsonNode completed = awaitEvent(id, "RecognizeCompleted");
    CloudEventEnvelope.assertValid(completed.path("body").asText(), "RecognizeCompleted", id);
    JsonNode event = completed.path("event");
    assertResult(event, 200, 8545, null);
    assertThat(event.path("resultInformation").path("message").asText())
        .isIn("Action completed, speech option matched.", "Action completed, Recognized phrase matches a valid option.");
    assertThat(event.path("recognitionType").asText()).isEqualTo("choices");
    assertThat(event.path("choiceResult").path("label").asText()).isEqualTo("Confirm");
    assertThat(event.path("choiceResult").path("recognizedPhrase").asText()).isEqualToIgnoringCase("yes");
    assertThat(event.path("operationContext").asText()).isEqualTo("menu1");
  }

  @Test
  @DisplayName("CA-REC-CHOICE-002 a menu answered by key: RecognizeCompleted 200/8533, recognitionType choices, choiceResult.label of the choice whose tone was pressed and no recognizedPhrase")
  void menuByKey() {
    String id = connectedCall("menu2");
    menu(id, "menu2").result();

    press(id, "2");
    advance(pressMs(1));

    JsonNode event = event(id, "RecognizeCompleted");
    assertResult(event, 200, 8533, "Action completed, DTMF option matched.");
    // Microsoft's recognize quickstarts read a tone-matched choice as a ChoiceResult ("if choice is
    // detected using dtmf tone, phrase will be null"), and every SDK picks ChoiceResult only for
    // recognitionType choices; reference §7.3's hand-written Java test payload (dtmf) is the weaker source.
    assertThat(event.path("recognitionType").asText()).isEqualTo("choices");
    assertThat(event.path("choiceResult").path("label").asText()).isEqualTo("Cancel");
    assertThat(event.path("choiceResult").path("recognizedPhrase").isTextual()).as("no phrase for a key").isFalse();
  }

  @Test
  @DisplayName("CA-REC-CHOICE-003 a phrase that matches no choice: RecognizeFailed 400/8547")
  void menuNoMatch() {
    String id = connectedCall("menu3");
    menu(id, "menu3").result();

    say(id, "Maybe tomorrow", 800);
    advance(5_000);

    assertResult(event(id, "RecognizeFailed"), 400, 8547, "Action failed, speech option not matched.");
    assertNoEvent(id, "RecognizeCompleted");
  }

  @Test
  @DisplayName("CA-REC-CHOICE-004 a key that matches no choice's tone: RecognizeFailed 500/8534")
  void menuWrongTone() {
    String id = connectedCall("menu4");
    menu(id, "menu4").result();

    press(id, "9");
    advance(pressMs(1));

    assertResult(event(id, "RecognizeFailed"), 500, 8534, "Action failed, incorrect tone entered.");
  }

  @Test
  @DisplayName("CA-REC-CHOICE-005 a menu nobody answers: RecognizeFailed 400/8510 when the initial silence expires after the prompt")
  void menuSilence() {
    String id = connectedCall("menu5");
    recognize(id, "choices", Map.of("choices", MENU, "initialSilenceTimeoutInSeconds", 4)).result();

    advance(3_999);
    assertNoEvent(id, "RecognizeFailed");
    advance(1);

    assertResult(event(id, "RecognizeFailed"), 400, 8510, RecognizeDtmfTest.MSG_INITIAL_SILENCE);
  }

  @Test
  @DisplayName("CA-REC-SPEECH-001 an open question: RecognizeCompleted 200/8569, recognitionType speech, speechResult.speech is what was said")
  void openQuestion() {
    String id = connectedCall("ask");
    NodeApp.Reply started = recognize(id, "speech", Map.of("endSilenceTimeoutInSeconds", 1, "speechLanguage", "en-US",
        "playPrompt", text("How can I help you?"), "operationContext", "ask"));
    JsonNode options = json(started.lastExchange().path("requestBody").asText()).path("recognizeOptions");
    assertThat(options.path("speechOptions").path("endSilenceTimeoutInMs").asInt()).isEqualTo(1_000);
    assertThat(options.path("speechLanguage").asText()).isEqualTo("en-US");
    assertThat(started.lastExchange().path("status").asInt()).isEqualTo(202);
    advance(2_000);

    say(id, "I want to pay my bill", 1_500);
    advance(3_000);

    JsonNode event = event(id, "RecognizeCompleted");
    assertResult(event, 200, 8569, null);
    assertThat(event.path("recognitionType").asText()).isEqualTo("speech");
    assertThat(event.path("speechResult").path("speech").asText()).isEqualToIgnoringCase("I want to pay my bill");
    assertThat(event.path("operationContext").asText()).isEqualTo("ask");
  }

  @Test
  @DisplayName("CA-REC-TIMER-008 end silence: speech completes exactly endSilenceTimeout after the caller stops speaking")
  void endSilence() {
    String id = connectedCall("endsil");
    recognize(id, "speech", Map.of("endSilenceTimeoutInSeconds", 1)).result();

    say(id, "checking my balance", 1_500);
    advance(1_500 + 999);
    assertNoEvent(id, "RecognizeCompleted", "RecognizeFailed");
    advance(1);

    assertThat(event(id, "RecognizeCompleted").path("speechResult").path("speech").asText())
        .isEqualToIgnoringCase("checking my balance");
  }

  @Test
  @DisplayName("CA-REC-TIMER-009 speech nobody says: RecognizeFailed 400/8510 at initialSilenceTimeout")
  void speechSilence() {
    String id = connectedCall("speechsil");
    recognize(id, "speech", Map.of("initialSilenceTimeoutInSeconds", 7)).result();

    advance(6_999);
    assertNoEvent(id, "RecognizeFailed");
    advance(1);

    assertResult(event(id, "RecognizeFailed"), 400, 8510, RecognizeDtmfTest.MSG_INITIAL_SILENCE);
  }

  @Test
  @DisplayName("CA-REC-SOD-001 speechOrDtmf locks onto a key pressed first: later speech is ignored, the result is DTMF (stop tone 8514)")
  void speechOrDtmfKeyFirst() {
    String id = connectedCall("sod1");
    recognize(id, "speechOrDtmf", Map.of("maxTonesToCollect", 6, "stopDtmfTones", List.of("pound"),
        "interToneTimeoutInSeconds", 3, "endSilenceTimeoutInSeconds", 1)).result();

    press(id, "5");
    advance(pressMs(1));
    say(id, "hello there", 800);
    advance(1_000);
    press(id, "#");
    advance(pressMs(1));

    JsonNode event = event(id, "RecognizeCompleted");
    assertResult(event, 200, 8514, RecognizeDtmfTest.MSG_STOP_TONE);
    assertThat(event.path("recognitionType").asText()).isEqualTo("dtmf");
    assertThat(tones(event)).containsExactly("five", "pound");
    assertThat(event.path("speechResult").path("speech").asText("")).isEmpty();
  }

  @Test
  @DisplayName("CA-REC-SOD-002 speechOrDtmf locks onto speech heard first: a key during it is ignored, the result is speech 200/8569")
  void speechOrDtmfSpeechFirst() {
    String id = connectedCall("sod2");
    recognize(id, "speechOrDtmf", Map.of("maxTonesToCollect", 1, "endSilenceTimeoutInSeconds", 1)).result();

    say(id, "talk to an agent", 2_000);
    advance(500);
    press(id, "3");
    advance(4_000);

    JsonNode event = event(id, "RecognizeCompleted");
    assertResult(event, 200, 8569, null);
    assertThat(event.path("recognitionType").asText()).isEqualTo("speech");
    assertThat(event.path("speechResult").path("speech").asText()).isEqualToIgnoringCase("talk to an agent");
    assertThat(tones(event)).isEmpty();
  }

  @Test
  @DisplayName("CA-IN-AUDIO-001 the caller's audio (a WAV with voice, POST /audio?text=) goes through the recognizer: RecognizeCompleted speech with its text")
  void audioInput() {
    String id = connectedCall("audio");
    recognize(id, "speech", Map.of("endSilenceTimeoutInSeconds", 1)).result();

    callemu.control().audio(id, Wav.voiceBurst(16_000, 300, 1_200, 400), "yes please", 0);
    advance(6_000);

    JsonNode event = event(id, "RecognizeCompleted");
    assertThat(event.path("recognitionType").asText()).isEqualTo("speech");
    assertThat(event.path("speechResult").path("speech").asText()).isEqualToIgnoringCase("yes please");
  }

  @Test
  @DisplayName("CA-REC-SPEECH-003 voice without recognisable words (audio with no text): RecognizeFailed 400/8563")
  void speechNotRecognized() {
    String id = connectedCall("mumble");
    recognize(id, "speech", Map.of("endSilenceTimeoutInSeconds", 1, "operationContext", "mumble")).result();

    callemu.control().audio(id, Wav.voiceBurst(16_000, 200, 800, 300), null, 0);
    advance(6_000);

    JsonNode failed = event(id, "RecognizeFailed");
    assertResult(failed, 400, 8563, null);
    assertNoEvent(id, "RecognizeCompleted");
  }

  @Test
  @DisplayName("CA-REC-SPEECH-002 speech on a call created without callIntelligenceOptions.cognitiveServicesEndpoint is refused (405/8522), nothing starts")
  void speechNeedsCognitiveServices() {
    String id = connectedCall("nocog", false);

    JsonNode error = recognize(id, "speech", Map.of()).error();

    assertThat(error.path("statusCode").asInt()).isEqualTo(405);
    ErrorEnvelope.assertValid(error.path("body").asText(), "8522");
    advance(60_000);
    assertNoEvent(id, "RecognizeCompleted", "RecognizeFailed", "RecognizeCanceled");
  }

  @Test
  @DisplayName("CA-IN-SPEECH-001 POST /speech with confidence: speechResult carries the speech and that confidence")
  void speechConfidence() {
    String id = connectedCall("conf");
    recognize(id, "speech", Map.of("endSilenceTimeoutInSeconds", 1)).result();

    callemu.control().speech(id, Map.of("text", "my account number", "durationMs", 1_200, "confidence", 0.42));
    advance(3_000);

    JsonNode result = event(id, "RecognizeCompleted").path("speechResult");
    assertThat(result.path("speech").asText()).isEqualToIgnoringCase("my account number");
    assertThat(result.path("confidence").asDouble()).isEqualTo(0.42);
  }

  @Test
  @DisplayName("CA-IN-SPEECH-002 POST /speech delayMs is on the emulated clock: speech 2.5 s later beats a 3 s initial silence, 3.5 s later loses to it (8510 at 3 s)")
  void speechDelay() {
    String early = connectedCall("delay1");
    String late = connectedCall("delay2");
    recognize(early, "speech", Map.of("initialSilenceTimeoutInSeconds", 3, "endSilenceTimeoutInSeconds", 1)).result();
    recognize(late, "speech", Map.of("initialSilenceTimeoutInSeconds", 3, "endSilenceTimeoutInSeconds", 1)).result();

    callemu.control().speech(early, Map.of("text", "billing", "durationMs", 500, "delayMs", 2_500));
    callemu.control().speech(late, Map.of("text", "billing", "durationMs", 500, "delayMs", 3_500));
    advance(3_000);

    assertResult(event(late, "RecognizeFailed"), 400, 8510, RecognizeDtmfTest.MSG_INITIAL_SILENCE);
    assertNoEvent(early, "RecognizeFailed");
    advance(2_000);
    assertThat(event(early, "RecognizeCompleted").path("speechResult").path("speech").asText()).isEqualToIgnoringCase("billing");
  }
}
