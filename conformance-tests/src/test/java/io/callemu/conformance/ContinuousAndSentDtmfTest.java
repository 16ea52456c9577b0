package io.callemu.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Continuous DTMF recognition and sending DTMF through the JS SDK 1.6.0 (reference §4 ops 20–22,
 * §7.2, §7.3, §7.4, §8.4, §13 item 11).
 */
@DisplayName("Continuous DTMF and send DTMF (JS SDK, virtual clock)")
class ContinuousAndSentDtmfTest extends MediaConformanceTest {

  NodeApp.Reply startContinuous(String id, String context) {
    return media("startContinuousDtmfRecognition", id, Map.of("target", CALLEE, "operationContext", context));
  }

  @Test
  @DisplayName("CA-CDTMF-001 start answers 200; each key is a ContinuousDtmfRecognitionToneReceived 200/0 with its tone name and sequenceId counting up from 1")
  void tonesArriveWithSequenceIds() {
    String id = connectedCall("cd1");

    NodeApp.Reply started = startContinuous(id, "cd1");
    assertThat(started.lastExchange().path("status").asInt()).isEqualTo(200);
    assertThat(started.lastExchange().path("url").asText()).contains(":startContinuousDtmfRecognition");

    press(id, "12#");
    advance(pressMs(3));

    List<JsonNode> received = awaitEvents(id, "ContinuousDtmfRecognitionToneReceived", 3);
    assertThat(received).extracting(e -> e.path("tone").asText()).containsExactly("one", "two", "pound");
    assertThat(received).extracting(e -> e.path("sequenceId").asInt()).containsExactly(1, 2, 3);
    received.forEach(e -> {
      assertResult(e, 200, 0, null);
      assertThat(e.path("operationContext").asText()).isEqualTo("cd1");
    });
    CloudEventEnvelope.assertValid(awaitEvent(id, "ContinuousDtmfRecognitionToneReceived").path("body").asText(),
        "ContinuousDtmfRecognitionToneReceived", id);
  }

  @Test
  @DisplayName("CA-CDTMF-002 stop answers 200, then ContinuousDtmfRecognitionStopped 200/0; keys after it produce nothing")
  void stopEndsRecognition() {
    String id = connectedCall("cd2");
    startContinuous(id, "cd2").result();
    press(id, "5");
    advance(pressMs(1));

    NodeApp.Reply stopped = media("stopContinuousDtmfRecognition", id, Map.of("target", CALLEE, "operationContext", "cd2"));
    assertThat(stopped.lastExchange().path("status").asInt()).isEqualTo(200);
    advance(1);

    JsonNode event = event(id, "ContinuousDtmfRecognitionStopped");
    assertResult(event, 200, 0, null);
    press(id, "67");
    advance(pressMs(2));
    assertThat(events(id, "ContinuousDtmfRecognitionToneReceived")).hasSize(1);
  }

  @Test
  @DisplayName("CA-CDTMF-003 hang-up while active: ContinuousDtmfRecognitionStopped 200/7000 comes before CallDisconnected, nothing after it")
  void stoppedBeforeDisconnectedAtHangUp() {
    String id = connectedCall("cd3");
    startContinuous(id, "cd3").result();
    press(id, "9");
    advance(pressMs(1));

    callemu.control().hangup(id);
    advance(1);
    awaitEvent(id, "CallDisconnected");

    List<String> kinds = kinds(id);
    assertThat(kinds).containsSubsequence("ContinuousDtmfRecognitionStopped", "CallDisconnected");
    assertThat(kinds.get(kinds.size() - 1)).as("CallDisconnected is the call's last event: %s", kinds).isEqualTo("CallDisconnected");
    assertResult(event(id, "ContinuousDtmfRecognitionStopped"), 200, 7000, null);
  }

  @Test
  @DisplayName("CA-CDTMF-004 continuous DTMF runs next to a recognize: the same keys reach both")
  void continuousBesideRecognize() {
    String id = connectedCall("cd4");
    startContinuous(id, "cd4").result();
    recognize(id, "dtmf", Map.of("maxTonesToCollect", 2, "operationContext", "both")).result();

    press(id, "48");
    advance(pressMs(2));

    assertThat(tones(event(id, "RecognizeCompleted"))).containsExactly("four", "eight");
    assertThat(awaitEvents(id, "ContinuousDtmfRecognitionToneReceived", 2)).extracting(e -> e.path("tone").asText())
        .containsExactly("four", "eight");
  }

  @Test
  @DisplayName("CA-SEND-001 sendDtmfTones answers 202 with a JSON body and SendDtmfTonesCompleted 200/0 follows with the operationContext")
  void sendDtmfTones() {
    String id = connectedCall("send1");

    NodeApp.Reply sent = media("sendDtmfTones", id, Map.of("tones", List.of("one", "two", "pound"), "target", CALLEE,
        "operationContext", "send1"));

    assertThat(sent.lastExchange().path("status").asInt()).isEqualTo(202);
    json(sent.lastExchange().path("responseBody").asText()); // §13 item 4: a JSON body ({} or {operationContext})
    JsonNode request = json(sent.lastExchange().path("requestBody").asText());
    assertThat(request.path("tones")).extracting(JsonNode::asText).containsExactly("one", "two", "pound");
    advance(10_000);
    JsonNode completed = event(id, "SendDtmfTonesCompleted");
    assertResult(completed, 200, 0, null);
    assertThat(completed.path("operationContext").asText()).isEqualTo("send1");
  }

  @Test
  @DisplayName("CA-SEND-002 sendDtmfTones with more than 18 tones is refused 400/8523, nothing is sent")
  void tooManyTones() {
    String id = connectedCall("send2");
    List<String> nineteen = new ArrayList<>(Collections.nCopies(19, "one"));

    JsonNode error = media("sendDtmfTones", id, Map.of("tones", nineteen, "target", CALLEE)).error();

    assertThat(error.path("statusCode").asInt()).isEqualTo(400);
    ErrorEnvelope.assertValid(error.path("body").asText(), "8523");
    advance(30_000);
    assertNoEvent(id, "SendDtmfTonesCompleted", "SendDtmfTonesFailed");
  }
}
