package io.callemu.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.communication.callautomation.models.events.CallAutomationEventBase;
import com.azure.communication.callautomation.models.events.CallAutomationEventBaseWithReasonCode;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Walks callemu's result catalogue so that no row of reference §8.1 (recognize) and §8.2 (play)
 * goes untested: the catalogue holds exactly the rows of the reference, every row is reachable
 * through {@code POST /_emulator/faults} and the event it produces carries the row's code, subCode
 * and message and parses in both SDKs; rows the documents give a real behaviour for are reached
 * by that behaviour in the test named next to them (CA-CODE-0003 checks the list is complete).
 */
@DisplayName("Result catalogue walk (reference §8.1, §8.2)")
class ResultCatalogueTest extends MediaConformanceTest {

  /** One row of reference §8.1/§8.2; {@code message} null where the reference has no definite one. */
  record Row(String event, int code, int subCode, String message) {
    String key() {
      return event + " " + code + "/" + subCode;
    }
  }

  /** One row of callemu's catalogue with the action a fault names it by. */
  record CatalogueRow(String action, Row row) {
    @Override
    public String toString() {
      return action + ": " + row.key();
    }
  }

  /** The media actions whose rows a fault can produce (CONTRACT §3 faults; §8.4 rows included). */
  static final List<String> FAULT_ACTIONS = List.of("recognize", "play", "continuousDtmf", "sendDtmfTones");

  /** Reference §8.1 and §8.2, row by row (a row listing two events or subcodes is two rows here). */
  static final List<Row> REFERENCE = List.of(
      new Row("RecognizeCompleted", 200, 8531, "Action completed, max digits received."),
      new Row("RecognizeCompleted", 200, 8533, "Action completed, DTMF option matched."),
      new Row("RecognizeCompleted", 200, 8545, null),
      new Row("RecognizeCompleted", 200, 8514, "Action completed as stop tone was detected."),
      new Row("RecognizeCompleted", 200, 8569, null),
      new Row("RecognizeCompleted", 400, 8508, MSG_CANCELED),
      new Row("RecognizeCompleted", 400, 8532, "Action failed, inter-digit silence timeout reached."),
      new Row("RecognizeFailed", 400, 8532, "Action failed, inter-digit silence timeout reached."),
      new Row("RecognizeFailed", 400, 8510, "Action failed, initial silence timeout reached."),
      new Row("RecognizeFailed", 500, 8511, "Action failed, encountered failure while trying to play the prompt."),
      new Row("RecognizeFailed", 500, 8512, "Unknown internal server error."),
      new Row("RecognizeFailed", 400, 8547, "Action failed, speech option not matched."),
      new Row("RecognizeFailed", 500, 8534, "Action failed, incorrect tone entered."),
      new Row("RecognizeFailed", 500, 9999, null),
      new Row("RecognizeFailed", 400, 8563, null),
      new Row("RecognizeFailed", 500, 8564, null),
      new Row("RecognizeFailed", 500, 8570, null),
      new Row("RecognizeFailed", 400, 8565, null),
      new Row("RecognizeFailed", 401, 8565, null),
      new Row("RecognizeFailed", 403, 8565, null),
      new Row("RecognizeFailed", 408, 8565, null),
      new Row("RecognizeFailed", 429, 8565, null),
      new Row("RecognizeCanceled", 400, 8508, MSG_CANCELED),
      new Row("PlayStarted", 200, 0, "Action completed successfully."),
      new Row("PlayCompleted", 200, 0, "Action completed successfully."),
      new Row("PlayCanceled", 400, 8508, MSG_CANCELED),
      new Row("PlayFailed", 400, 8535, "Action failed, file format is invalid."),
      new Row("PlayFailed", 400, 8536, "Action failed, file could not be downloaded."),
      new Row("PlayFailed", 400, 8565, "Action failed, bad request to Azure AI services. Check input parameters."),
      new Row("PlayFailed", 401, 8565, "Action failed, Azure AI services authentication error."),
      new Row("PlayFailed", 403, 8565,
          "Action failed, forbidden request to Azure AI services, free subscription used by the request ran out of quota."),
      new Row("PlayFailed", 429, 8565,
          "Action failed, requests exceeded the number of allowed concurrent requests for the Azure AI services subscription."),
      new Row("PlayFailed", 408, 8565, "Action failed, request to Azure AI services timed out."),
      new Row("PlayFailed", 500, 9999, null),
      new Row("PlayFailed", 500, 8572, "Action failed due to play service shutdown."));

  /** Rows the documents give a real behaviour for, and the test that reaches each by that behaviour. */
  static final Map<String, String> REAL_BEHAVIOUR = new LinkedHashMap<>();

  static {
    REAL_BEHAVIOUR.put("RecognizeCompleted 200/8531", "CA-REC-DTMF-002");
    REAL_BEHAVIOUR.put("RecognizeCompleted 200/8533", "CA-REC-CHOICE-002");
    REAL_BEHAVIOUR.put("RecognizeCompleted 200/8545", "CA-REC-CHOICE-001");
    REAL_BEHAVIOUR.put("RecognizeCompleted 200/8514", "CA-REC-DTMF-001");
    REAL_BEHAVIOUR.put("RecognizeCompleted 200/8569", "CA-REC-SPEECH-001");
    REAL_BEHAVIOUR.put("RecognizeCompleted 400/8532", "CA-REC-TIMER-004");
    REAL_BEHAVIOUR.put("RecognizeFailed 400/8532", "CA-FID-002");
    REAL_BEHAVIOUR.put("RecognizeFailed 400/8510", "CA-REC-TIMER-001");
    REAL_BEHAVIOUR.put("RecognizeFailed 500/8511", "CA-CODE-0004");
    REAL_BEHAVIOUR.put("RecognizeFailed 400/8547", "CA-REC-CHOICE-003");
    REAL_BEHAVIOUR.put("RecognizeFailed 500/8534", "CA-REC-CHOICE-004");
    REAL_BEHAVIOUR.put("RecognizeFailed 400/8563", "CA-REC-SPEECH-003");
    REAL_BEHAVIOUR.put("RecognizeCanceled 400/8508", "CA-CANCEL-001");
    REAL_BEHAVIOUR.put("PlayStarted 200/0", "CA-PLAY-001");
    REAL_BEHAVIOUR.put("PlayCompleted 200/0", "CA-PLAY-001");
    REAL_BEHAVIOUR.put("PlayCanceled 400/8508", "CA-CANCEL-001");
    REAL_BEHAVIOUR.put("PlayFailed 400/8535", "CA-PLAY-005");
    REAL_BEHAVIOUR.put("PlayFailed 400/8536", "CA-PLAY-004");
    REAL_BEHAVIOUR.put("ContinuousDtmfRecognitionToneReceived 200/0", "CA-CDTMF-001");
    REAL_BEHAVIOUR.put("ContinuousDtmfRecognitionStopped 200/0", "CA-CDTMF-002");
    REAL_BEHAVIOUR.put("ContinuousDtmfRecognitionStopped 200/7000", "CA-CDTMF-003");
    REAL_BEHAVIOUR.put("SendDtmfTonesCompleted 200/0", "CA-SEND-001");
  }

  /** The catalogue as callemu lists it ({@code action} "" for call-level rows). */
  List<CatalogueRow> catalogue() {
    List<CatalogueRow> rows = new ArrayList<>();
    for (JsonNode r : ResultCatalogue.rows(callemu.control())) {
      rows.add(new CatalogueRow(r.path("action").isTextual() ? r.path("action").asText() : "", new Row(r.path("event").asText(), r.path("code").asInt(),
          r.path("subCode").asInt(), r.path("message").asText(null))));
    }
    return rows;
  }

  /** Every catalogue row a fault can produce (evaluated after callemu started: the class has one instance). */
  Stream<CatalogueRow> faultableRows() {
    return catalogue().stream().filter(r -> FAULT_ACTIONS.contains(r.action()));
  }

  @Test
  @Order(1)
  @DisplayName("CA-CODE-0001 the catalogue holds every row of reference §8.1 and §8.2, with the reference's message where it has a definite one")
  void catalogueHoldsEveryReferenceRow() {
    Map<String, Row> byKey = new LinkedHashMap<>();
    catalogue().stream().filter(r -> FAULT_ACTIONS.contains(r.action())).forEach(r -> byKey.putIfAbsent(r.row().key(), r.row()));
    for (Row expected : REFERENCE) {
      Row got = byKey.get(expected.key());
      assertThat(got).as("catalogue row %s", expected.key()).isNotNull();
      assertThat(got.message()).as("message of %s", expected.key()).isNotBlank();
      if (expected.message() != null) {
        assertThat(got.message()).as("message of %s", expected.key()).isEqualTo(expected.message());
      }
    }
  }

  @ParameterizedTest(name = "CA-CODE-0002 {0}")
  @MethodSource("faultableRows")
  @DisplayName("CA-CODE-0002 every media row of the catalogue (so every §8.1/§8.2 row, and the §8.4 DTMF rows) is reachable through POST /_emulator/faults; its event carries code, subCode and the catalogue's message and parses in both SDKs")
  void everyRowReachableByFault(CatalogueRow catalogued) {
    Row row = catalogued.row();
    String id = connectedCall("code");
    Map<String, Object> result = Map.of("event", row.event(), "code", row.code(), "subCode", row.subCode());
    callemu.control().addFault(Map.of("action", catalogued.action(), "callConnectionId", id, "result", result, "times", 1));

    switch (catalogued.action()) {
      case "recognize" -> recognize(id, "dtmf", Map.of("maxTonesToCollect", 1, "operationContext", "fault")).result();
      case "play" -> playToAll(id, "fault", Map.of(), text("Hello there.")).result();
      case "continuousDtmf" -> {
        media("startContinuousDtmfRecognition", id, Map.of("target", CALLEE, "operationContext", "fault")).result();
        press(id, "1");
      }
      default -> media("sendDtmfTones", id, Map.of("tones", List.of("one"), "target", CALLEE, "operationContext", "fault"))
          .result();
    }
    advance(1);
    if (!kinds(id).contains(row.event())) {
      advance(60_000);
    }

    JsonNode received = awaitEvent(id, row.event());
    JsonNode event = received.path("event");
    assertResult(event, row.code(), row.subCode(), row.message());
    assertThat(event.path("operationContext").asText()).isEqualTo("fault");
    String body = received.path("body").asText();
    CloudEventEnvelope.assertValid(body, row.event(), id);
    JavaCallbackInbox.Received java = JavaCallbackInbox.parse("catalogue", body);
    assertThat(java.parseFailure()).as("Java 1.0.4 parser on %s", body).isNull();
    if (JavaCallbackInbox.JAVA_104_EVENT_TYPES.contains(row.event())) {
      CallAutomationEventBase parsed = java.events().get(0);
      assertThat(parsed.getOperationContext()).isEqualTo("fault");
      if (parsed instanceof CallAutomationEventBaseWithReasonCode withCode) {
        assertThat(withCode.getResultInformation().getCode()).isEqualTo(row.code());
        assertThat(withCode.getResultInformation().getSubCode()).isEqualTo(row.subCode());
        assertThat(withCode.getResultInformation().getMessage()).isEqualTo(row.message());
      }
    }
  }

  @Test
  @DisplayName("CA-CODE-0003 every media row of the catalogue that callemu reaches by real behaviour has a test reaching it that way")
  void realBehaviourRowsAreCovered() {
    for (JsonNode r : ResultCatalogue.rows(callemu.control())) {
      // call-level rows (action null: CallConnected, CallDisconnected…) are issue 3's, tested by CA-LIFE-*/CA-IN-*
      if (ResultCatalogue.reachedByRealBehaviour(r) && FAULT_ACTIONS.contains(r.path("action").asText())) {
        String key = r.path("event").asText() + " " + r.path("code").asInt() + "/" + r.path("subCode").asInt();
        assertThat(REAL_BEHAVIOUR).as("a test reaching %s by real behaviour", key).containsKey(key);
      }
    }
  }

  @Test
  @DisplayName("CA-CODE-0004 a recognize whose prompt file cannot be fetched: RecognizeFailed 500/8511")
  void promptFailure() {
    String id = connectedCall("code4");

    recognize(id, "dtmf", Map.of("maxTonesToCollect", 1, "playPrompt", file(PromptFileServer.unreachableUrl("prompt.wav")),
        "operationContext", "badprompt")).result();
    advance(1);
    if (!kinds(id).contains("RecognizeFailed")) {
      advance(10_000);
    }

    JsonNode failed = event(id, "RecognizeFailed");
    assertResult(failed, 500, 8511, "Action failed, encountered failure while trying to play the prompt.");
  }
}
