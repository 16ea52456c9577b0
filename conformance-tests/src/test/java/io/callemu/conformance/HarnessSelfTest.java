package io.callemu.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The suite's parse checks would be worthless if the apps accepted anything: this feeds both apps
 * (no callemu involved) a good callback and bad ones and checks that the bad ones are reported.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HarnessSelfTest {

  static final String CALL_CONNECTED = "[{\"id\":\"e1\",\"source\":\"calling/callConnections/c1\","
      + "\"type\":\"Microsoft.Communication.CallConnected\",\"specversion\":\"1.0\",\"time\":\"2026-11-21T21:00:00.0000000+00:00\","
      + "\"datacontenttype\":\"application/json\",\"subject\":\"calling/callConnections/c1\","
      + "\"data\":{\"callConnectionId\":\"c1\",\"serverCallId\":\"s1\",\"correlationId\":\"k1\","
      + "\"resultInformation\":{\"code\":200,\"subCode\":0,\"message\":\"\"}}}]";
  static final String UNKNOWN_TYPE = CALL_CONNECTED.replace("CallConnected", "NoSuchEvent");

  NodeApp node;
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  void start() {
    node = NodeApp.start(null);
  }

  @AfterAll
  void stop() {
    node.close();
  }

  int post(String url, String body, String eventGridType) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(body));
    if (eventGridType != null) {
      request.header("aeg-event-type", eventGridType);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  @Test
  void nodeAppParsesGoodCallbacksAndReportsBadOnes() throws Exception {
    post(node.callbackUrl("self"), CALL_CONNECTED, null);
    JsonNode connected = node.call("waitCallback", Map.of("callConnectionId", "c1", "kind", "CallConnected",
        "timeoutMs", 5_000)).result();
    assertThat(connected.path("event").path("serverCallId").asText()).isEqualTo("s1");

    post(node.callbackUrl("self"), UNKNOWN_TYPE, null);
    post(node.callbackUrl("self"), "[]", null);

    JsonNode failures = node.call("callbacks", Map.of()).result().path("parseFailures");
    assertThat(failures).hasSize(2);
    assertThat(failures.get(0).path("error").asText()).contains("Unknown Call Automation Event type");
    assertThat(node.stderr()).contains("PARSE FAILURE");
  }

  @Test
  void nodeAppAnswersTheEventGridHandshake() throws Exception {
    String validation = "[{\"id\":\"v1\",\"topic\":\"t\",\"subject\":\"\",\"eventType\":\"Microsoft.EventGrid.SubscriptionValidationEvent\","
        + "\"eventTime\":\"2026-11-21T21:00:00Z\",\"data\":{\"validationCode\":\"code-123\",\"validationUrl\":\"https://x\"},"
        + "\"dataVersion\":\"1\",\"metadataVersion\":\"1\"}]";
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(node.eventGridWebhookUrl()))
        .header("aeg-event-type", "SubscriptionValidation")
        .POST(HttpRequest.BodyPublishers.ofString(validation)).build(), HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"validationResponse\":\"code-123\"}");
  }

  @Test
  void nodeAppBoundsItsWaits() {
    JsonNode error = node.call("waitCallback", Map.of("callConnectionId", "never", "kind", "CallConnected",
        "timeoutMs", 50)).error();

    assertThat(error.path("code").asText()).isEqualTo("Timeout");
  }

  @Test
  void javaParserChecksReportBadCallbacks() {
    assertThat(JavaCallbackInbox.parse("p", CALL_CONNECTED).parseFailure()).isNull();
    assertThat(JavaCallbackInbox.parse("p", CALL_CONNECTED).events()).hasSize(1);
    // Java 1.0.4 drops types it does not know (PlayStarted, Transcription*...): not a failure.
    assertThat(JavaCallbackInbox.parse("p", UNKNOWN_TYPE).parseFailure()).isNull();
    assertThat(JavaCallbackInbox.parse("p", "not json").parseFailure()).isNotNull();
    // A type 1.0.4 knows that parses to nothing is a failure.
    assertThat(JavaCallbackInbox.parse("p", CALL_CONNECTED.replace("\"id\":\"e1\",", "")).parseFailure()).isNotNull();
  }
}
