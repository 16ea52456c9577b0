package io.callemu.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** The error body of the synchronous API (reference §1 item 10, §3): {"error":{"code":"...","message":"..."}}. */
final class ErrorEnvelope {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ErrorEnvelope() {}

  /** Asserts the envelope and returns error.code. */
  static String assertValid(String body) {
    JsonNode root;
    try {
      root = JSON.readTree(body == null ? "" : body);
    } catch (IOException e) {
      throw new AssertionError("error body is not JSON: " + body, e);
    }
    assertThat(root).as("error body").isNotNull();
    JsonNode error = root.path("error");
    assertThat(error.path("code").isTextual()).as("error.code is a string in %s", body).isTrue();
    assertThat(error.path("message").isTextual()).as("error.message is a string in %s", body).isTrue();
    assertThat(error.path("message").asText()).as("error.message in %s", body).isNotBlank();
    return error.path("code").asText();
  }

  static void assertValid(String body, String expectedCode) {
    assertThat(assertValid(body)).as("error.code in %s", body).isEqualTo(expectedCode);
  }
}
