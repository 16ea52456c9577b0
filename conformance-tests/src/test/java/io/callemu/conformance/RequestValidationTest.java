package io.callemu.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Malformed requests, correctly signed, are refused with 400 and the error envelope (reference
 * §3, §10, §13 item 15) and create nothing. Not in {@code --loose} mode.
 */
@DisplayName("Request validation")
class RequestValidationTest extends ConformanceTest {

  static final String CREATE_PATH = "/calling/callConnections?api-version=2026-03-12";

  static final String TARGET = "{\"kind\":\"phoneNumber\",\"rawId\":\"4:+15551234567\",\"phoneNumber\":{\"value\":\"+15551234567\"}}";

  /**
   * A createCall body with the caller id a PSTN call needs, so only the part under test is wrong.
   *
   * @param targets the JSON of the targets array, or null to leave it out
   */
  String createBody(String targets, boolean withCallbackUri) {
    StringBuilder body = new StringBuilder("{\"sourceCallerIdNumber\":{\"value\":\"" + CALLER_ID + "\"}");
    if (targets != null) {
      body.append(",\"targets\":").append(targets);
    }
    if (withCallbackUri) {
      body.append(",\"callbackUri\":\"").append(node.callbackUrl(newTag("req"))).append('"');
    }
    return body.append('}').toString();
  }

  void assertBadRequestChangingNothing(String path, String body) {
    Set<String> before = ControlState.callIds(callemu.control());

    SignedHttp.Response response = raw.send(raw.request("POST", path, body));

    assertThat(response.status()).as("status for %s %s -> %s", path, body, response.body()).isEqualTo(400);
    ErrorEnvelope.assertValid(response.body());
    assertThat(ControlState.newCalls(callemu.control(), before)).as("calls created by %s", body).isEmpty();
  }

  @Test
  @DisplayName("CA-REQ-000 the well-formed request these cases are cut from is accepted (201)")
  void wellFormedIsAccepted() {
    SignedHttp.Response response = raw.send(raw.request("POST", CREATE_PATH, createBody("[" + TARGET + "]", true)));

    assertThat(response.status()).as(response.body()).isEqualTo(201);
  }

  @Test
  @DisplayName("CA-REQ-001 a body that is not JSON is refused with 400")
  void badJson() {
    String valid = createBody("[" + TARGET + "]", true);
    assertBadRequestChangingNothing(CREATE_PATH, valid.substring(0, valid.length() - 10));
    assertBadRequestChangingNothing(CREATE_PATH, "not json at all");
    assertBadRequestChangingNothing(CREATE_PATH, "[]");
  }

  @Test
  @DisplayName("CA-REQ-002 a createCall without its required targets or callbackUri is refused with 400")
  void missingRequiredFields() {
    assertBadRequestChangingNothing(CREATE_PATH, createBody(null, true));
    assertBadRequestChangingNothing(CREATE_PATH, createBody("[]", true));
    assertBadRequestChangingNothing(CREATE_PATH, createBody("[" + TARGET + "]", false));
  }

  @Test
  @DisplayName("CA-REQ-004 a request without api-version is refused with 400")
  void missingApiVersion() {
    assertBadRequestChangingNothing("/calling/callConnections", createBody("[" + TARGET + "]", true));
  }

  @Test
  @DisplayName("CA-REQ-005 a request with an unknown api-version is refused with 400")
  void unknownApiVersion() {
    assertBadRequestChangingNothing("/calling/callConnections?api-version=2099-01-01",
        createBody("[" + TARGET + "]", true));
  }
}
