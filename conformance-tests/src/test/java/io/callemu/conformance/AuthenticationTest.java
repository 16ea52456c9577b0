package io.callemu.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.azure.communication.callautomation.CallAutomationClient;
import com.azure.communication.callautomation.models.CallInvite;
import com.azure.communication.common.PhoneNumberIdentifier;
import com.azure.core.exception.HttpResponseException;
import com.fasterxml.jackson.databind.JsonNode;
import io.callemu.emulator.surface.acs.auth.AcsRequestSigner;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * HMAC-SHA256 request authentication (reference §2.2): requests signed like the SDKs are
 * accepted; another key, a body changed after signing, a stale date or no signature are refused
 * with 401 and the error envelope, and change nothing.
 */
@DisplayName("HMAC authentication")
class AuthenticationTest extends ConformanceTest {

  static final String OTHER_KEY = Base64.getEncoder().encodeToString(
      "not-the-key-callemu-was-started-with-0123456789".getBytes(StandardCharsets.UTF_8));
  static final String CREATE_PATH = "/calling/callConnections?api-version=2026-03-12";

  @BeforeAll
  void wrongKeyClients() {
    node.call("client", Map.of("name", "wrongKey", "connectionString",
        callemu.httpConnectionString().replaceFirst("accesskey=.*$", "accesskey=" + OTHER_KEY),
        "allowInsecureConnection", true, "maxRetries", 0)).result();
  }

  String createBody(String tag) {
    return "{\"targets\":[{\"kind\":\"phoneNumber\",\"rawId\":\"4:+15551234567\",\"phoneNumber\":{\"value\":\"+15551234567\"}}],"
        + "\"sourceCallerIdNumber\":{\"value\":\"+15550000000\"},\"callbackUri\":\"" + node.callbackUrl(tag) + "\"}";
  }

  Set<String> calls() {
    return ControlState.callIds(callemu.control());
  }

  void assertNoNewCall(Set<String> before) {
    assertThat(ControlState.newCalls(callemu.control(), before)).as("calls created by refused requests").isEmpty();
  }

  static void assertRefused(int status, String body) {
    assertThat(status).as("status, body %s", body).isEqualTo(401);
    ErrorEnvelope.assertValid(body);
  }

  @Test
  @DisplayName("CA-AUTH-001 a request signed like the SDK (host:port, base64-decoded key) is accepted")
  void signedLikeTheSdkIsAccepted() {
    SignedHttp.Response response = raw.send(raw.request("POST", CREATE_PATH, createBody(newTag("auth1"))));

    assertThat(response.status()).as(response.body()).isEqualTo(201);
    assertThat(response.json().path("callConnectionId").asText()).isNotBlank();
  }

  @Test
  @DisplayName("CA-AUTH-002 an SDK client with another access key is refused with 401 and no call is created")
  void anotherKeyIsRefused() {
    Set<String> before = calls();

    JsonNode js = jsCreateCall("wrongKey", newTag("auth2"), Map.of("phoneNumber", TARGET_PHONE), Map.of()).error();
    CallAutomationClient javaWithOtherKey = JavaSdk.client(
        callemu.connectionString().replaceFirst("accesskey=.*$", "accesskey=" + OTHER_KEY), callemu.caPem());
    HttpResponseException java = catchThrowableOfType(HttpResponseException.class, () -> javaWithOtherKey.createCall(
        new CallInvite(new PhoneNumberIdentifier("+15551234567"), new PhoneNumberIdentifier("+15550000000")),
        javaInbox.callbackUrl(newTag("auth2"))));

    assertRefused(js.path("statusCode").asInt(), js.path("body").asText());
    assertRefused(java.getResponse().getStatusCode(), java.getResponse().getBodyAsString().block());
    assertNoNewCall(before);
  }

  @Test
  @DisplayName("CA-AUTH-003 a body changed after signing (x-ms-content-sha256 mismatch) is refused with 401")
  void tamperedBodyIsRefused() {
    Set<String> before = calls();
    String signed = createBody(newTag("auth3"));
    String tampered = signed.replace("+15551234567", "+15559999999");

    SignedHttp.Response response = raw.send(raw.request("POST", CREATE_PATH, signed).sendInstead(tampered));

    assertRefused(response.status(), response.body());
    assertNoNewCall(before);
  }

  @Test
  @DisplayName("CA-AUTH-004 an x-ms-date an hour off (stale or ahead) is refused with 401")
  void staleDateIsRefused() {
    Set<String> before = calls();
    for (int hours : new int[] {-1, 1}) {
      String date = AcsRequestSigner.DATE_FORMAT.format(ZonedDateTime.now(ZoneOffset.UTC).plusHours(hours));

      SignedHttp.Response response = raw.send(raw.request("POST", CREATE_PATH, createBody(newTag("auth4"))).date(date));

      assertRefused(response.status(), response.body());
    }
    assertNoNewCall(before);
  }

  @Test
  @DisplayName("CA-AUTH-005 a request without Authorization, or signed with another key, is refused with 401")
  void unsignedIsRefused() {
    Set<String> before = calls();

    SignedHttp.Response unsigned = raw.send(raw.request("POST", CREATE_PATH, createBody(newTag("auth5"))).withoutAuthorization());
    SignedHttp.Response otherKey = raw.send(raw.request("POST", CREATE_PATH, createBody(newTag("auth5"))).signWith(OTHER_KEY));

    assertRefused(unsigned.status(), unsigned.body());
    assertRefused(otherKey.status(), otherKey.body());
    assertNoNewCall(before);
  }

  @Test
  @DisplayName("CA-AUTH-006 refused requests on a live call change nothing: it stays connected and gets no CallDisconnected")
  void refusedHangUpChangesNothing() {
    String tag = newTag("auth6");
    String id = jsCreateCall(JS_HTTP, tag, Map.of("phoneNumber", TARGET_PHONE), Map.of()).result()
        .path("callConnectionId").asText();
    node.call("waitCallback", Map.of("callConnectionId", id, "kind", "CallConnected", "timeoutMs", WAIT_MS)).result();
    String path = "/calling/callConnections/" + id + "?api-version=2026-03-12";

    JsonNode wrongKey = node.call("hangUp", Map.of("client", "wrongKey", "callConnectionId", id)).error();
    SignedHttp.Response stale = raw.send(raw.request("DELETE", path, null)
        .date(AcsRequestSigner.DATE_FORMAT.format(ZonedDateTime.now(ZoneOffset.UTC).minusHours(2))));
    SignedHttp.Response tampered = raw.send(raw.request("POST", "/calling/callConnections/" + id
        + ":terminate?api-version=2026-03-12", "").sendInstead("{}"));

    assertRefused(wrongKey.path("statusCode").asInt(), wrongKey.path("body").asText());
    assertRefused(stale.status(), stale.body());
    assertRefused(tampered.status(), tampered.body());
    JsonNode got = node.call("getCall", Map.of("client", JS_HTTP, "callConnectionId", id)).result();
    assertThat(got.path("callConnectionState").asText()).isEqualTo("connected");
    JsonNode received = node.call("callbacks", Map.of("callConnectionId", id)).result().path("callbacks");
    assertThat(received).noneSatisfy(c -> assertThat(c.path("kind").asText()).isEqualTo("CallDisconnected"));
    node.call("hangUp", Map.of("client", JS_HTTP, "callConnectionId", id, "forEveryone", true)).result();
  }
}
