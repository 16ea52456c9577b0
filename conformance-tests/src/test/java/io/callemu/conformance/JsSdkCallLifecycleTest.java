package io.callemu.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A call's life through the JS SDK 1.6.0 as an app lives it: create, CallConnected, get,
 * participants, hang up or terminate, CallDisconnected; and an inbound call from Event Grid
 * answered with answerCall. Run over plain HTTP and over HTTPS by the two subclasses.
 */
abstract class JsSdkCallLifecycleTest extends ConformanceTest {

  /** {@link #JS_HTTP} or {@link #JS_HTTPS}. */
  abstract String client();

  NodeApp.Reply createCall(String tag, Map<String, Object> target) {
    return jsCreateCall(client(), tag, target, Map.of());
  }

  JsonNode awaitCallback(String callConnectionId, String kind) {
    return node.call("waitCallback", Map.of("callConnectionId", callConnectionId, "kind", kind, "timeoutMs", WAIT_MS))
        .result();
  }

  /** Creates a call to a phone number and waits for CallConnected; returns the callConnectionId. */
  String connectedCall(String tag) {
    String id = createCall(tag, Map.of("phoneNumber", TARGET_PHONE)).result().path("callConnectionId").asText();
    awaitCallback(id, "CallConnected");
    return id;
  }

  @Test
  @DisplayName("CA-LIFE-001 createCall answers 201 connecting, then CallConnected arrives and parses in the SDK")
  void createCallThenCallConnected() {
    String tag = newTag("life1");
    NodeApp.Reply created = createCall(tag, Map.of("phoneNumber", TARGET_PHONE));

    JsonNode properties = created.result();
    String id = properties.path("callConnectionId").asText();
    assertThat(id).isNotBlank();
    assertThat(created.lastExchange().path("status").asInt()).isEqualTo(201);
    assertThat(created.lastExchange().path("url").asText())
        .startsWith(JS_HTTP.equals(client()) ? "http://127.0.0.1:" : "https://localhost:");
    assertThat(properties.path("callConnectionState").asText()).isEqualTo("connecting");
    assertThat(properties.path("callbackUrl").asText(properties.path("callbackUri").asText()))
        .isEqualTo(node.callbackUrl(tag));

    JsonNode connected = awaitCallback(id, "CallConnected");
    assertThat(connected.path("event").path("callConnectionId").asText()).isEqualTo(id);
    assertThat(connected.path("event").path("serverCallId").asText()).isEqualTo(properties.path("serverCallId").asText());
    assertThat(connected.path("path").asText()).isEqualTo("/callbacks/" + tag);
    CloudEventEnvelope.assertValid(connected.path("body").asText(), "CallConnected", id);
  }

  @Test
  @DisplayName("CA-LIFE-002 getCallConnectionProperties of a connected call: connected, same ids, callback URL and target")
  void getConnectedCall() {
    String tag = newTag("life2");
    JsonNode created = createCall(tag, Map.of("phoneNumber", TARGET_PHONE)).result();
    String id = created.path("callConnectionId").asText();
    awaitCallback(id, "CallConnected");

    NodeApp.Reply got = node.call("getCall", Map.of("client", client(), "callConnectionId", id));

    JsonNode properties = got.result();
    assertThat(got.lastExchange().path("status").asInt()).isEqualTo(200);
    assertThat(properties.path("callConnectionId").asText()).isEqualTo(id);
    assertThat(properties.path("callConnectionState").asText()).isEqualTo("connected");
    assertThat(properties.path("serverCallId").asText()).isEqualTo(created.path("serverCallId").asText()).isNotBlank();
    assertThat(properties.path("correlationId").asText()).isNotBlank();
    assertThat(properties.path("targetParticipants").path(0).path("phoneNumber").asText()).isEqualTo(TARGET_PHONE);
    assertThat(properties.path("sourceCallerIdNumber").path("phoneNumber").asText()).isEqualTo(CALLER_ID);
  }

  @Test
  @DisplayName("CA-LIFE-003 hangUp(false) answers 204 and CallDisconnected arrives and parses in the SDK")
  void hangUpThenCallDisconnected() {
    String id = connectedCall(newTag("life3"));

    NodeApp.Reply hungUp = node.call("hangUp", Map.of("client", client(), "callConnectionId", id, "forEveryone", false));

    hungUp.result();
    assertThat(hungUp.lastExchange().path("method").asText()).isEqualTo("DELETE");
    assertThat(hungUp.lastExchange().path("status").asInt()).isEqualTo(204);
    JsonNode disconnected = awaitCallback(id, "CallDisconnected");
    CloudEventEnvelope.assertValid(disconnected.path("body").asText(), "CallDisconnected", id);
    assertResult(disconnected.path("event"), 200, 7000);
  }

  static void assertResult(JsonNode parsedEvent, int code, int subCode) {
    JsonNode result = parsedEvent.path("resultInformation");
    assertThat(result.path("code").asInt()).as("resultInformation %s", result).isEqualTo(code);
    assertThat(result.path("subCode").asInt()).as("resultInformation %s", result).isEqualTo(subCode);
    assertThat(result.path("message").asText()).as("resultInformation %s", result).isNotBlank();
  }

  @Test
  @DisplayName("CA-LIFE-006 the remote party hangs up: CallDisconnected 200/5001 arrives and parses in the SDK")
  void remoteHangUpThenCallDisconnected() {
    String id = connectedCall(newTag("life6"));

    callemu.control().hangup(id);

    JsonNode disconnected = awaitCallback(id, "CallDisconnected");
    CloudEventEnvelope.assertValid(disconnected.path("body").asText(), "CallDisconnected", id);
    assertResult(disconnected.path("event"), 200, 5001);
  }

  @Test
  @DisplayName("CA-EVT-003 callbacks carry the call's correlationId, which the API answers as X-Microsoft-Skype-Chain-ID")
  void correlationIdMatchesSkypeChainId() {
    NodeApp.Reply created = createCall(newTag("evt3"), Map.of("phoneNumber", TARGET_PHONE));
    String id = created.result().path("callConnectionId").asText();
    String correlationId = created.result().path("correlationId").asText();

    JsonNode connected = awaitCallback(id, "CallConnected");

    assertThat(correlationId).isNotBlank();
    assertThat(created.lastExchange().path("responseHeaders").path("x-microsoft-skype-chain-id").asText())
        .isEqualTo(correlationId);
    assertThat(connected.path("event").path("correlationId").asText()).isEqualTo(correlationId);
  }

  @Test
  @DisplayName("CA-LIFE-004 hangUp(true) terminates with POST :terminate 204 and CallDisconnected arrives")
  void terminateThenCallDisconnected() {
    String id = connectedCall(newTag("life4"));

    NodeApp.Reply terminated = node.call("hangUp", Map.of("client", client(), "callConnectionId", id, "forEveryone", true));

    terminated.result();
    JsonNode exchange = terminated.lastExchange();
    assertThat(exchange.path("method").asText()).isEqualTo("POST");
    assertThat(exchange.path("url").asText()).contains("/calling/callConnections/" + id + ":terminate");
    assertThat(exchange.path("status").asInt()).isEqualTo(204);
    CloudEventEnvelope.assertValid(awaitCallback(id, "CallDisconnected").path("body").asText(), "CallDisconnected", id);
  }

  @Test
  @DisplayName("CA-LIFE-005 a call that has ended is gone: getCallConnectionProperties fails 404 with code 8522")
  void endedCallIsNotFound() {
    String id = connectedCall(newTag("life5"));
    node.call("hangUp", Map.of("client", client(), "callConnectionId", id, "forEveryone", false)).result();
    awaitCallback(id, "CallDisconnected");

    JsonNode error = node.call("getCall", Map.of("client", client(), "callConnectionId", id)).error();

    assertThat(error.path("statusCode").asInt()).isEqualTo(404);
    assertThat(error.path("code").asText()).isEqualTo("8522");
    ErrorEnvelope.assertValid(error.path("body").asText(), "8522");
  }

  @Test
  @DisplayName("CA-REQ-003 an unknown callConnectionId: getCallConnectionProperties and hangUp fail 404 with code 8522")
  void unknownCallIsNotFound() {
    String unknown = "00000000-0000-0000-0000-000000000000";

    JsonNode get = node.call("getCall", Map.of("client", client(), "callConnectionId", unknown)).error();
    JsonNode hangUp = node.call("hangUp", Map.of("client", client(), "callConnectionId", unknown, "forEveryone", false))
        .error();

    for (JsonNode error : new JsonNode[] {get, hangUp}) {
      assertThat(error.path("statusCode").asInt()).isEqualTo(404);
      assertThat(error.path("code").asText()).isEqualTo("8522");
      ErrorEnvelope.assertValid(error.path("body").asText(), "8522");
    }
  }

  @Test
  @DisplayName("CA-ID-001 identifiers in createCall/getCall responses carry kind, rawId and the nested model")
  void responseIdentifiersCarryKindAndRawId() {
    NodeApp.Reply phone = createCall(newTag("id1"), Map.of("phoneNumber", TARGET_PHONE));
    NodeApp.Reply user = createCall(newTag("id1"), Map.of("communicationUserId", ACS_USER));
    String userCallId = user.result().path("callConnectionId").asText();
    NodeApp.Reply gotUser = node.call("getCall", Map.of("client", client(), "callConnectionId", userCallId));

    JsonNode phoneTarget = json(phone.lastExchange().path("responseBody").asText()).path("targets").path(0);
    assertThat(phoneTarget.path("kind").asText()).isEqualTo("phoneNumber");
    assertThat(phoneTarget.path("rawId").asText()).isEqualTo("4:" + TARGET_PHONE);
    assertThat(phoneTarget.path("phoneNumber").path("value").asText()).isEqualTo(TARGET_PHONE);
    for (NodeApp.Reply reply : new NodeApp.Reply[] {user, gotUser}) {
      JsonNode userTarget = json(reply.lastExchange().path("responseBody").asText()).path("targets").path(0);
      assertThat(userTarget.path("kind").asText()).isEqualTo("communicationUser");
      assertThat(userTarget.path("rawId").asText()).isEqualTo(ACS_USER);
      assertThat(userTarget.path("communicationUser").path("id").asText()).isEqualTo(ACS_USER);
    }
    // and the SDK understood them
    assertThat(phone.result().path("targetParticipants").path(0).path("phoneNumber").asText()).isEqualTo(TARGET_PHONE);
    assertThat(gotUser.result().path("targetParticipants").path(0).path("communicationUserId").asText()).isEqualTo(ACS_USER);
  }

  @Test
  @DisplayName("CA-ID-002 listParticipants of a connected call lists the callee with kind, rawId and the nested model")
  void participantsCarryKindAndRawId() {
    String id = connectedCall(newTag("id2"));

    NodeApp.Reply listed = node.call("listParticipants", Map.of("client", client(), "callConnectionId", id));

    assertThat(listed.result().path("values")).anySatisfy(p ->
        assertThat(p.path("identifier").path("phoneNumber").asText()).isEqualTo(TARGET_PHONE));
    JsonNode page = json(listed.lastExchange().path("responseBody").asText());
    assertThat(page.path("value").isArray()).isTrue();
    assertThat(page.path("value")).isNotEmpty().allSatisfy(p -> {
      JsonNode identifier = p.path("identifier");
      assertThat(identifier.path("kind").asText()).isNotBlank();
      assertThat(identifier.path("rawId").asText()).isNotBlank();
      assertThat(identifier.has(identifier.path("kind").asText())).as("nested model %s in %s", identifier.path("kind"), p)
          .isTrue();
    });
    assertThat(page.path("value")).anySatisfy(p ->
        assertThat(p.path("identifier").path("rawId").asText()).isEqualTo("4:" + TARGET_PHONE));
  }

  @Test
  @DisplayName("CA-ID-003 getParticipant by phone number: the SDK percent-encodes the rawId path segment, callemu finds it")
  void participantByEncodedRawId() {
    String id = connectedCall(newTag("id3"));

    NodeApp.Reply got = node.call("getParticipant", Map.of("client", client(), "callConnectionId", id,
        "participant", Map.of("phoneNumber", TARGET_PHONE)));

    assertThat(got.result().path("identifier").path("phoneNumber").asText()).isEqualTo(TARGET_PHONE);
    assertThat(got.lastExchange().path("url").asText()).contains("/participants/4%3A%2B15551234567?");
    JsonNode identifier = json(got.lastExchange().path("responseBody").asText()).path("identifier");
    assertThat(identifier.path("kind").asText()).isEqualTo("phoneNumber");
    assertThat(identifier.path("rawId").asText()).isEqualTo("4:" + TARGET_PHONE);
  }

  @Test
  @DisplayName("CA-IN-001 an inbound call reaches the Event Grid webhook after the SubscriptionValidation handshake")
  void incomingCallReachesTheWebhook() {
    String to = "8:acs:70559d7c-67b2-444f-a1f3-8027a1412880_" + newTag("callee");

    JsonNode incoming = offerIncomingCall(to);

    assertThat(incoming.path("validations")).isNotEmpty();
    assertThat(incoming.path("validations").path(0).path("header").asText()).isEqualTo("SubscriptionValidation");
    assertThat(incoming.path("header").asText()).isEqualTo("Notification");
    JsonNode event = incoming.path("event");
    assertThat(event.path("eventType").asText()).isEqualTo("Microsoft.Communication.IncomingCall");
    for (String field : new String[] {"id", "topic", "subject", "eventTime", "dataVersion", "metadataVersion"}) {
      assertThat(event.path(field).isTextual()).as("Event Grid field %s in %s", field, event).isTrue();
    }
    assertThat(event.path("data").path("incomingCallContext").asText()).isNotBlank();
    assertThat(event.path("data").path("from").path("rawId").asText()).isEqualTo("4:+15557654321");
    assertThat(event.path("data").path("to").path("kind").asText()).isEqualTo("communicationUser");
  }

  @Test
  @DisplayName("CA-IN-002 answerCall with the IncomingCall's incomingCallContext answers 200, then CallConnected arrives")
  void answerIncomingCall() {
    String context = offerIncomingCall("8:acs:70559d7c-67b2-444f-a1f3-8027a1412880_" + newTag("callee"))
        .path("event").path("data").path("incomingCallContext").asText();
    String tag = newTag("in2");

    NodeApp.Reply answered = node.call("answerCall", Map.of("client", client(), "incomingCallContext", context,
        "callbackTag", tag));

    String id = answered.result().path("callConnectionId").asText();
    assertThat(id).isNotBlank();
    assertThat(answered.lastExchange().path("status").asInt()).isEqualTo(200);
    JsonNode connected = awaitCallback(id, "CallConnected");
    assertThat(connected.path("path").asText()).isEqualTo("/callbacks/" + tag);
    CloudEventEnvelope.assertValid(connected.path("body").asText(), "CallConnected", id);
    node.call("hangUp", Map.of("client", client(), "callConnectionId", id, "forEveryone", true)).result();
    awaitCallback(id, "CallDisconnected");
  }
}
