package io.callemu.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.OffsetDateTime;

/**
 * The envelope every Call Automation callback must have (reference §7.1 and §13 item 6): a JSON
 * array holding exactly one CloudEvent 1.0 with id, source, type, specversion "1.0", time,
 * datacontenttype and subject, source = subject = calling/callConnections/&lt;id&gt;, and data
 * carrying callConnectionId, serverCallId and correlationId.
 */
final class CloudEventEnvelope {

  private static final ObjectMapper JSON = new ObjectMapper();

  private CloudEventEnvelope() {}

  static JsonNode assertValid(String body, String expectedType, String callConnectionId) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (IOException e) {
      throw new AssertionError("callback body is not JSON: " + body, e);
    }
    assertThat(root.isArray()).as("callback body is a JSON array: %s", body).isTrue();
    assertThat(root.size()).as("one CloudEvent per POST: %s", body).isEqualTo(1);
    JsonNode event = root.get(0);
    for (String field : new String[] {"id", "source", "type", "specversion", "time", "datacontenttype", "subject"}) {
      assertThat(event.path(field).isTextual()).as("CloudEvent field %s in %s", field, body).isTrue();
    }
    assertThat(event.path("specversion").asText()).isEqualTo("1.0");
    assertThat(event.path("type").asText()).isEqualTo("Microsoft.Communication." + expectedType);
    assertThat(event.path("source").asText()).isEqualTo("calling/callConnections/" + callConnectionId);
    assertThat(event.path("subject").asText()).isEqualTo("calling/callConnections/" + callConnectionId);
    assertThat(OffsetDateTime.parse(event.path("time").asText())).as("time is ISO-8601 with offset").isNotNull();
    JsonNode data = event.path("data");
    assertThat(data.path("callConnectionId").asText()).isEqualTo(callConnectionId);
    assertThat(data.path("serverCallId").asText()).as("data.serverCallId in %s", body).isNotEmpty();
    assertThat(data.path("correlationId").asText()).as("data.correlationId in %s", body).isNotEmpty();
    return event;
  }
}
