package io.callemu.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.azure.communication.callautomation.CallAutomationClient;
import com.azure.communication.callautomation.models.AnswerCallOptions;
import com.azure.communication.callautomation.models.AnswerCallResult;
import com.azure.communication.callautomation.models.CallConnectionProperties;
import com.azure.communication.callautomation.models.CallConnectionState;
import com.azure.communication.callautomation.models.CallInvite;
import com.azure.communication.callautomation.models.CallParticipant;
import com.azure.communication.callautomation.models.CreateCallOptions;
import com.azure.communication.callautomation.models.CreateCallResult;
import com.azure.communication.callautomation.models.events.CallConnected;
import com.azure.communication.callautomation.models.events.CallDisconnected;
import com.azure.communication.common.CommunicationUserIdentifier;
import com.azure.communication.common.PhoneNumberIdentifier;
import com.azure.core.exception.HttpResponseException;
import com.azure.core.http.rest.Response;
import com.azure.core.util.Context;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A call's life through the Java SDK 1.0.4 (api-version 2023-03-06, HTTPS only, Host header
 * without port), with callbacks parsed by {@code CallAutomationEventParser.parseEvents}.
 */
@DisplayName("Java SDK 1.0.4 over HTTPS")
class JavaSdkOverHttpsTest extends ConformanceTest {

  static final Duration WAIT = Duration.ofMillis(WAIT_MS);

  CallAutomationClient client;

  @BeforeAll
  void javaClient() {
    client = JavaSdk.client(callemu.connectionString(), callemu.caPem());
  }

  CallInvite phoneInvite() {
    return new CallInvite(new PhoneNumberIdentifier(TARGET_PHONE), new PhoneNumberIdentifier(CALLER_ID));
  }

  String connectedCall(String tag) {
    CreateCallResult created = client.createCall(phoneInvite(), javaInbox.callbackUrl(tag));
    String id = created.getCallConnectionProperties().getCallConnectionId();
    javaInbox.await(CallConnected.class, id, WAIT);
    return id;
  }

  @Test
  @DisplayName("CA-LIFE-001 createCall answers 201 connecting, then CallConnected arrives and parses in the SDK")
  void createCallThenCallConnected() {
    String tag = newTag("jlife1");

    Response<CreateCallResult> response = client.createCallWithResponse(
        new CreateCallOptions(phoneInvite(), javaInbox.callbackUrl(tag)), Context.NONE);

    assertThat(response.getStatusCode()).isEqualTo(201);
    CallConnectionProperties properties = response.getValue().getCallConnectionProperties();
    String id = properties.getCallConnectionId();
    assertThat(id).isNotBlank();
    assertThat(properties.getCallConnectionState()).isEqualTo(CallConnectionState.CONNECTING);
    assertThat(properties.getCallbackUrl()).isEqualTo(javaInbox.callbackUrl(tag));
    CallConnected connected = javaInbox.await(CallConnected.class, id, WAIT);
    assertThat(connected.getServerCallId()).isEqualTo(properties.getServerCallId()).isNotBlank();
    assertThat(connected.getCorrelationId()).isNotBlank();
    assertThat(javaInbox.bodies(tag)).isNotEmpty()
        .anySatisfy(body -> CloudEventEnvelope.assertValid(body, "CallConnected", id));
  }

  @Test
  @DisplayName("CA-LIFE-002 getCallProperties of a connected call: connected, same ids, callback URL and target")
  void getConnectedCall() {
    String tag = newTag("jlife2");
    String id = connectedCall(tag);

    Response<CallConnectionProperties> response = client.getCallConnection(id).getCallPropertiesWithResponse(Context.NONE);

    assertThat(response.getStatusCode()).isEqualTo(200);
    CallConnectionProperties properties = response.getValue();
    assertThat(properties.getCallConnectionId()).isEqualTo(id);
    assertThat(properties.getCallConnectionState()).isEqualTo(CallConnectionState.CONNECTED);
    assertThat(properties.getCallbackUrl()).isEqualTo(javaInbox.callbackUrl(tag));
    assertThat(properties.getCorrelationId()).isNotBlank();
    assertThat(properties.getSourceCallerIdNumber().getPhoneNumber()).isEqualTo(CALLER_ID);
    assertThat(properties.getTargetParticipants()).singleElement()
        .isInstanceOfSatisfying(PhoneNumberIdentifier.class, p -> assertThat(p.getPhoneNumber()).isEqualTo(TARGET_PHONE));
  }

  @Test
  @DisplayName("CA-LIFE-003 hangUp(false) answers 204 and CallDisconnected arrives and parses in the SDK")
  void hangUpThenCallDisconnected() {
    String tag = newTag("jlife3");
    String id = connectedCall(tag);

    Response<Void> response = client.getCallConnection(id).hangUpWithResponse(false, Context.NONE);

    assertThat(response.getStatusCode()).isEqualTo(204);
    javaInbox.await(CallDisconnected.class, id, WAIT);
    assertThat(javaInbox.bodies(tag)).anySatisfy(body -> CloudEventEnvelope.assertValid(body, "CallDisconnected", id));
  }

  @Test
  @DisplayName("CA-LIFE-004 hangUp(true) terminates with 204 and CallDisconnected arrives")
  void terminateThenCallDisconnected() {
    String id = connectedCall(newTag("jlife4"));

    Response<Void> response = client.getCallConnection(id).hangUpWithResponse(true, Context.NONE);

    assertThat(response.getStatusCode()).isEqualTo(204);
    assertThat(javaInbox.await(CallDisconnected.class, id, WAIT).getCallConnectionId()).isEqualTo(id);
  }

  @Test
  @DisplayName("CA-LIFE-006 the remote party hangs up: CallDisconnected arrives and parses in the SDK")
  void remoteHangUpThenCallDisconnected() {
    String tag = newTag("jlife6");
    String id = connectedCall(tag);

    callemu.control().hangup(id);

    assertThat(javaInbox.await(CallDisconnected.class, id, WAIT).getCallConnectionId()).isEqualTo(id);
    assertThat(javaInbox.bodies(tag)).anySatisfy(body -> CloudEventEnvelope.assertValid(body, "CallDisconnected", id));
  }

  @Test
  @DisplayName("CA-LIFE-005 a call that has ended is gone: getCallProperties fails 404 with code 8522")
  void endedCallIsNotFound() {
    String id = connectedCall(newTag("jlife5"));
    client.getCallConnection(id).hangUp(false);
    javaInbox.await(CallDisconnected.class, id, WAIT);

    HttpResponseException e = catchThrowableOfType(HttpResponseException.class,
        () -> client.getCallConnection(id).getCallProperties());

    assertThat(e.getResponse().getStatusCode()).isEqualTo(404);
    ErrorEnvelope.assertValid(e.getResponse().getBodyAsString().block(), "8522");
  }

  @Test
  @DisplayName("CA-REQ-003 an unknown callConnectionId: getCallProperties and hangUp fail 404 with code 8522")
  void unknownCallIsNotFound() {
    String unknown = "00000000-0000-0000-0000-000000000000";

    for (Runnable op : List.<Runnable>of(
        () -> client.getCallConnection(unknown).getCallProperties(),
        () -> client.getCallConnection(unknown).hangUp(false))) {
      HttpResponseException e = catchThrowableOfType(HttpResponseException.class, op::run);
      assertThat(e.getResponse().getStatusCode()).isEqualTo(404);
      ErrorEnvelope.assertValid(e.getResponse().getBodyAsString().block(), "8522");
    }
  }

  @Test
  @DisplayName("CA-ID-001 identifiers in responses carry rawId (Java 1.0.4 requires it) and convert to the SDK types")
  void responseIdentifiersConvert() {
    CreateCallResult user = client.createCall(new CallInvite(new CommunicationUserIdentifier(ACS_USER)),
        javaInbox.callbackUrl(newTag("jid1")));
    String id = connectedCall(newTag("jid1"));

    CallConnectionProperties got = client.getCallConnection(user.getCallConnectionProperties().getCallConnectionId())
        .getCallProperties();
    List<CallParticipant> participants = client.getCallConnection(id).listParticipants().stream().toList();

    assertThat(got.getTargetParticipants()).singleElement().isInstanceOfSatisfying(CommunicationUserIdentifier.class,
        u -> assertThat(u.getId()).isEqualTo(ACS_USER));
    assertThat(participants).extracting(CallParticipant::getIdentifier)
        .anySatisfy(i -> assertThat(i).isInstanceOfSatisfying(PhoneNumberIdentifier.class, p -> {
          assertThat(p.getPhoneNumber()).isEqualTo(TARGET_PHONE);
          assertThat(p.getRawId()).isEqualTo("4:" + TARGET_PHONE);
        }));
  }

  @Test
  @DisplayName("CA-ID-003 getParticipant by phone number: Java 1.0.4 sends the rawId path segment unencoded (4:+1…), callemu finds it")
  void participantByRawRawId() {
    String id = connectedCall(newTag("jid3"));

    Response<CallParticipant> response = client.getCallConnection(id)
        .getParticipantWithResponse(new PhoneNumberIdentifier(TARGET_PHONE), Context.NONE);

    assertThat(response.getStatusCode()).isEqualTo(200);
    assertThat(response.getRequest().getUrl().getPath()).endsWith("/participants/4:+15551234567");
    assertThat(response.getValue().getIdentifier()).isInstanceOfSatisfying(PhoneNumberIdentifier.class,
        p -> assertThat(p.getRawId()).isEqualTo("4:" + TARGET_PHONE));
  }

  @Test
  @DisplayName("CA-IN-002 answerCall with the IncomingCall's incomingCallContext answers 200, then CallConnected arrives")
  void answerIncomingCall() {
    String context = offerIncomingCall("8:acs:70559d7c-67b2-444f-a1f3-8027a1412880_" + newTag("jcallee"))
        .path("event").path("data").path("incomingCallContext").asText();

    Response<AnswerCallResult> response = client.answerCallWithResponse(
        new AnswerCallOptions(context, javaInbox.callbackUrl(newTag("jin2"))), Context.NONE);

    assertThat(response.getStatusCode()).isEqualTo(200);
    String id = response.getValue().getCallConnectionProperties().getCallConnectionId();
    javaInbox.await(CallConnected.class, id, WAIT);
    client.getCallConnection(id).hangUp(true);
    javaInbox.await(CallDisconnected.class, id, WAIT);
  }
}
