package io.callemu.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.callemu.emulator.CallemuConfig;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Timers on callemu's virtual clock (CONTRACT §1 {@code --clock virtual}, §3 {@code clock/advance}),
 * seen through the JS SDK: nothing happens until the test advances the clock, and an advance
 * returns once the callbacks its timers caused were delivered. Needs the embedded callemu.
 */
@DisplayName("Virtual clock")
class VirtualClockTest extends ConformanceTest {

  static final long RING_MS = 5_000;
  static final long ANSWER_WINDOW_MS = 30_000;

  @Override
  CallemuConfig configure(CallemuConfig config) {
    return config.withClock("virtual")
        .withSetting("call.ringMs", Long.toString(RING_MS))
        .withSetting("incomingCall.answerTimeoutMs", Long.toString(ANSWER_WINDOW_MS));
  }

  @BeforeAll
  void needsTheEmbeddedCallemu() {
    org.junit.jupiter.api.Assumptions.assumeTrue(callemu.isEmbedded(),
        "the virtual clock and its settings are those of the embedded callemu");
  }

  JsonNode callbacksOf(String callConnectionId) {
    return node.call("callbacks", Map.of("callConnectionId", callConnectionId)).result().path("callbacks");
  }

  @Test
  @DisplayName("CA-CLOCK-001 an outbound call rings until the clock passes call.ringMs; the advance returns with CallConnected delivered")
  void callConnectsWhenTheClockPassesTheRingTime() {
    String id = jsCreateCall(JS_HTTP, newTag("clock1"), Map.of("phoneNumber", TARGET_PHONE), Map.of()).result()
        .path("callConnectionId").asText();

    callemu.control().advance(RING_MS - 1);

    assertThat(callbacksOf(id)).isEmpty();
    assertThat(node.call("getCall", Map.of("client", JS_HTTP, "callConnectionId", id)).result()
        .path("callConnectionState").asText()).isEqualTo("connecting");

    callemu.control().advance(1);

    assertThat(callbacksOf(id)).anySatisfy(c -> assertThat(c.path("kind").asText()).isEqualTo("CallConnected"));
    assertThat(node.call("getCall", Map.of("client", JS_HTTP, "callConnectionId", id)).result()
        .path("callConnectionState").asText()).isEqualTo("connected");
  }

  @Test
  @DisplayName("CA-LIFE-007 the remote party hangs up while it rings: CreateCallFailed arrives and parses in the SDK, no CallConnected")
  void remoteHangUpWhileRinging() {
    String id = jsCreateCall(JS_HTTP, newTag("life7"), Map.of("phoneNumber", TARGET_PHONE), Map.of()).result()
        .path("callConnectionId").asText();

    callemu.control().hangup(id);
    callemu.control().advance(RING_MS);

    JsonNode failed = node.call("waitCallback", Map.of("callConnectionId", id, "kind", "CreateCallFailed",
        "timeoutMs", WAIT_MS)).result();
    CloudEventEnvelope.assertValid(failed.path("body").asText(), "CreateCallFailed", id);
    assertThat(callbacksOf(id)).noneSatisfy(c -> assertThat(c.path("kind").asText()).isEqualTo("CallConnected"));
  }

  @Test
  @DisplayName("CA-IN-003 answering after the answer window: answerCall gets 200, then AnswerFailed 400/8587 and no CallConnected")
  void lateAnswerFails() {
    String context = offerIncomingCall("8:acs:70559d7c-67b2-444f-a1f3-8027a1412880_" + newTag("late"))
        .path("event").path("data").path("incomingCallContext").asText();
    callemu.control().advance(ANSWER_WINDOW_MS + 1);

    NodeApp.Reply answered = node.call("answerCall", Map.of("client", JS_HTTP, "incomingCallContext", context,
        "callbackTag", newTag("in3")));

    String id = answered.result().path("callConnectionId").asText();
    assertThat(answered.lastExchange().path("status").asInt()).isEqualTo(200);
    JsonNode failed = node.call("waitCallback", Map.of("callConnectionId", id, "kind", "AnswerFailed",
        "timeoutMs", WAIT_MS)).result();
    JsonNode result = failed.path("event").path("resultInformation");
    assertThat(result.path("code").asInt()).isEqualTo(400);
    assertThat(result.path("subCode").asInt()).isEqualTo(8587);
    assertThat(callbacksOf(id)).noneSatisfy(c -> assertThat(c.path("kind").asText()).isEqualTo("CallConnected"));
  }
}
