package io.callemu.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.callemu.emulator.surface.acs.auth.AcsRequestSigner;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Repeatability-Request-ID (reference §3.1): a request repeated with the same ID — what the SDK's
 * retry policy sends when a response was lost — is answered without being executed twice.
 */
@DisplayName("Repeatability")
class RepeatabilityTest extends ConformanceTest {

  NodeApp.Reply createCall(String tag, String requestId, String firstSent) {
    return jsCreateCall(JS_HTTP, tag, Map.of("phoneNumber", TARGET_PHONE),
        Map.of("repeatability", Map.of("requestId", requestId, "firstSent", firstSent)));
  }

  static String header(JsonNode exchange, String name) {
    JsonNode headers = exchange.path("responseHeaders");
    for (var e : headers.properties()) {
      if (e.getKey().equalsIgnoreCase(name)) {
        return e.getValue().asText();
      }
    }
    return null;
  }

  @Test
  @DisplayName("CA-REP-001 createCall sent twice with one Repeatability-Request-ID creates one call; both answers say accepted")
  void sameRequestIdCreatesOneCall() {
    String tag = newTag("rep1");
    String requestId = UUID.randomUUID().toString();
    String firstSent = AcsRequestSigner.DATE_FORMAT.format(ZonedDateTime.now(ZoneOffset.UTC));
    Set<String> before = ControlState.callIds(callemu.control());

    NodeApp.Reply first = createCall(tag, requestId, firstSent);
    NodeApp.Reply second = createCall(tag, requestId, firstSent);

    String id = first.result().path("callConnectionId").asText();
    assertThat(second.result().path("callConnectionId").asText()).isEqualTo(id);
    assertThat(first.lastExchange().path("requestHeaders").path("Repeatability-Request-ID").asText()).isEqualTo(requestId);
    assertThat(second.lastExchange().path("requestHeaders").path("Repeatability-Request-ID").asText()).isEqualTo(requestId);
    assertThat(second.lastExchange().path("status").asInt()).isEqualTo(201);
    assertThat(header(first.lastExchange(), "Repeatability-Result")).isEqualTo("accepted");
    assertThat(header(second.lastExchange(), "Repeatability-Result")).isEqualTo("accepted");
    assertThat(ControlState.newCalls(callemu.control(), before)).containsExactly(id);
  }

  @Test
  @DisplayName("CA-REP-002 createCall with two different Repeatability-Request-IDs creates two calls")
  void differentRequestIdsCreateTwoCalls() {
    String firstSent = AcsRequestSigner.DATE_FORMAT.format(ZonedDateTime.now(ZoneOffset.UTC));
    Set<String> before = ControlState.callIds(callemu.control());

    String a = createCall(newTag("rep2"), UUID.randomUUID().toString(), firstSent).result().path("callConnectionId").asText();
    String b = createCall(newTag("rep2"), UUID.randomUUID().toString(), firstSent).result().path("callConnectionId").asText();

    assertThat(a).isNotEqualTo(b);
    assertThat(ControlState.newCalls(callemu.control(), before)).containsExactlyInAnyOrder(a, b);
  }
}
