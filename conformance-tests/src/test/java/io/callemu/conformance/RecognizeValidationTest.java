package io.callemu.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Recognize requests outside the documented limits (reference §6.1 schema ranges, §6.2 table) are
 * refused synchronously with 400 and error code 8523 whose message names the field, and nothing
 * starts: no Recognize* event ever comes, and a valid recognize sent next runs at once (it would
 * queue behind a started one).
 */
@DisplayName("Recognize validation (JS SDK and signed raw requests)")
class RecognizeValidationTest extends MediaConformanceTest {

  static final List<Map<String, Object>> MENU = RecognizeSpeechTest.MENU;

  /** Cases the JS SDK can send: kind, options, the field the message must name. */
  static Stream<Arguments> sdkCases() {
    return Stream.of(
        Arguments.of("CA-REC-VAL-001 dtmf initialSilenceTimeoutInSeconds 301 (max 300)", "dtmf",
            Map.of("maxTonesToCollect", 4, "initialSilenceTimeoutInSeconds", 301), "initialSilenceTimeoutInSeconds"),
        Arguments.of("CA-REC-VAL-002 dtmf interToneTimeoutInSeconds 61 (max 60)", "dtmf",
            Map.of("maxTonesToCollect", 4, "interToneTimeoutInSeconds", 61), "interToneTimeoutInSeconds"),
        Arguments.of("CA-REC-VAL-003 dtmf without maxTonesToCollect (required for DTMF)", "dtmf",
            Map.of(), "maxTonesToCollect"),
        Arguments.of("CA-REC-VAL-004 dtmf maxTonesToCollect 0 (min 1)", "dtmf",
            Map.of("maxTonesToCollect", 0), "maxTonesToCollect"),
        Arguments.of("CA-REC-VAL-005 choices initialSilenceTimeoutInSeconds 21 (max 20 for choices)", "choices",
            Map.of("choices", MENU, "initialSilenceTimeoutInSeconds", 21), "initialSilenceTimeoutInSeconds"),
        Arguments.of("CA-REC-VAL-006 speech initialSilenceTimeoutInSeconds 21 (max 20 for speech)", "speech",
            Map.of("initialSilenceTimeoutInSeconds", 21), "initialSilenceTimeoutInSeconds"),
        Arguments.of("CA-REC-VAL-007 choices empty", "choices", Map.of("choices", List.of()), "choices"),
        Arguments.of("CA-REC-VAL-008 a choice without phrases", "choices",
            Map.of("choices", List.of(Map.of("label", "Confirm", "phrases", List.of()))), "phrases"),
        Arguments.of("CA-REC-VAL-009 speech with speechLanguage that is no locale", "speech",
            Map.of("speechLanguage", "english please"), "speechLanguage"),
        Arguments.of("CA-REC-VAL-010 speechOrDtmf maxTonesToCollect 0", "speechOrDtmf",
            Map.of("maxTonesToCollect", 0), "maxTonesToCollect"));
  }

  @ParameterizedTest(name = "{0}: 400/8523 naming {3}, nothing started")
  @MethodSource("sdkCases")
  @DisplayName("CA-REC-VAL out-of-range recognize fields through the JS SDK")
  void refusedThroughSdk(String name, String kind, Map<String, Object> options, String field) {
    String id = connectedCall("val");

    JsonNode error = recognize(id, kind, options).error();

    assertThat(error.path("statusCode").asInt()).as("%s: %s", name, error).isEqualTo(400);
    assertRefused(error.path("body").asText(), field);
    assertNothingStarted(id);
  }

  /** Cases only a hand-made request can carry: body, the field the message must name. */
  static Stream<Arguments> rawCases() {
    String options = "\"targetParticipant\":" + CALLEE_JSON;
    return Stream.of(
        Arguments.of("CA-REC-VAL-011 unknown recognizeInputType",
            "{\"recognizeInputType\":\"telepathy\",\"recognizeOptions\":{" + options
                + ",\"dtmfOptions\":{\"maxTonesToCollect\":1}}}", "recognizeInputType"),
        Arguments.of("CA-REC-VAL-012 no recognizeOptions", "{\"recognizeInputType\":\"dtmf\"}", "recognizeOptions"),
        Arguments.of("CA-REC-VAL-013 no targetParticipant",
            "{\"recognizeInputType\":\"dtmf\",\"recognizeOptions\":{\"dtmfOptions\":{\"maxTonesToCollect\":1}}}",
            "targetParticipant"),
        Arguments.of("CA-REC-VAL-014 interToneTimeoutInSeconds 0 (min 1)",
            "{\"recognizeInputType\":\"dtmf\",\"recognizeOptions\":{" + options
                + ",\"dtmfOptions\":{\"maxTonesToCollect\":1,\"interToneTimeoutInSeconds\":0}}}", "interToneTimeoutInSeconds"),
        Arguments.of("CA-REC-VAL-015 initialSilenceTimeoutInSeconds -1 (min 0)",
            "{\"recognizeInputType\":\"dtmf\",\"recognizeOptions\":{" + options
                + ",\"initialSilenceTimeoutInSeconds\":-1,\"dtmfOptions\":{\"maxTonesToCollect\":1}}}",
            "initialSilenceTimeoutInSeconds"),
        Arguments.of("CA-REC-VAL-016 a stop tone that is no tone name",
            "{\"recognizeInputType\":\"dtmf\",\"recognizeOptions\":{" + options
                + ",\"dtmfOptions\":{\"maxTonesToCollect\":4,\"stopTones\":[\"hash\"]}}}", "stopTones"));
  }

  @ParameterizedTest(name = "{0}: 400/8523 naming {2}, nothing started")
  @MethodSource("rawCases")
  @DisplayName("CA-REC-VAL malformed recognize requests, signed by hand")
  void refusedRaw(String name, String body, String field) {
    String id = connectedCall("valraw");

    SignedHttp.Response response = rawAction(id, "recognize", body);

    assertThat(response.status()).as("%s: %s", name, response.body()).isEqualTo(400);
    assertRefused(response.body(), field);
    assertNothingStarted(id);
  }

  @Test
  @DisplayName("CA-REC-VAL-017 recognize on an unknown call: 404/8522")
  void unknownCall() {
    JsonNode error = recognize("00000000-0000-0000-0000-0000000000aa", "dtmf", Map.of("maxTonesToCollect", 1)).error();

    assertThat(error.path("statusCode").asInt()).isEqualTo(404);
    ErrorEnvelope.assertValid(error.path("body").asText(), "8522");
  }

  static void assertRefused(String body, String field) {
    ErrorEnvelope.assertValid(body, "8523");
    assertThat(json(body).path("error").path("message").asText()).as("the message names the field").contains(field);
  }

  /** No recognize ran or waits: a valid one-key recognize completes on the first key, and nothing else ever reports. */
  void assertNothingStarted(String id) {
    recognize(id, "dtmf", Map.of("maxTonesToCollect", 1, "initialSilenceTimeoutInSeconds", 30, "operationContext", "probe"))
        .result();
    press(id, "1");
    advance(pressMs(1));
    JsonNode completed = event(id, "RecognizeCompleted");
    assertThat(completed.path("operationContext").asText()).isEqualTo("probe");
    advance(400_000);
    assertThat(kinds(id).stream().filter(k -> k.startsWith("Recognize"))).containsExactly("RecognizeCompleted");
  }

  @Test
  @DisplayName("CA-VER-001 at api-version 2023-03-06 (Java 1.0.4's) only file sources and DTMF exist: a text play and a choices recognize are refused 400/8523, a file play and a DTMF recognize are accepted (202)")
  void ga1KnowsOnlyFileAndDtmf() {
    String id = connectedCall("ga1");
    String dtmf = "{\"recognizeInputType\":\"dtmf\",\"recognizeOptions\":{\"targetParticipant\":" + CALLEE_JSON
        + ",\"initialSilenceTimeoutInSeconds\":5,\"dtmfOptions\":{\"interToneTimeoutInSeconds\":2,\"maxTonesToCollect\":1}}}";
    String choices = "{\"recognizeInputType\":\"choices\",\"recognizeOptions\":{\"targetParticipant\":" + CALLEE_JSON
        + ",\"choices\":[{\"label\":\"Yes\",\"phrases\":[\"yes\"]}]}}";
    String textPlay = "{\"playSources\":[{\"kind\":\"text\",\"text\":{\"text\":\"Hello\"}}],\"playTo\":[],"
        + "\"playOptions\":{\"loop\":false}}";
    String filePlay = "{\"playSources\":[{\"kind\":\"file\",\"file\":{\"uri\":\"https://contoso.example/a.wav\"}}],"
        + "\"playTo\":[],\"playOptions\":{\"loop\":false}}";

    for (String[] refused : new String[][] {{"play", textPlay}, {"recognize", choices}}) {
      SignedHttp.Response response = rawAction(id, refused[0], refused[1], "2023-03-06");
      assertThat(response.status()).as("%s: %s", refused[0], response.body()).isEqualTo(400);
      ErrorEnvelope.assertValid(response.body(), "8523");
    }
    assertThat(rawAction(id, "play", filePlay, "2023-03-06").status()).isEqualTo(202);
    assertThat(rawAction(id, "recognize", dtmf, "2023-03-06").status()).isEqualTo(202);
  }
}
