package io.callemu.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.callemu.emulator.testing.Harness;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** api-version, body validation, error envelopes, unknown calls and repeatability. */
class AcsRequestRulesTest {

  private static Harness emu;

  @BeforeAll
  static void start() {
    emu = Harness.start();
  }

  @AfterAll
  static void stop() {
    emu.close();
  }

  @BeforeEach
  void reset() {
    emu.control("POST", "/_emulator/reset", null);
  }

  private static JsonObject validCreate() {
    return new JsonObject()
        .put("targets", new JsonArray().add(new JsonObject().put("rawId", "4:+15551234567")
            .put("phoneNumber", new JsonObject().put("value", "+15551234567"))))
        .put("sourceCallerIdNumber", new JsonObject().put("value", "+15550000000"))
        .put("callbackUri", "https://app.example/cb");
  }

  private static Harness.Response create(JsonObject body) {
    return emu.acs("POST", "/calling/callConnections?api-version=" + Harness.JS_API, body);
  }

  private static void assertRefused(Harness.Response r, int status, String code) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
    assertThat(r.errorCode()).isEqualTo(code);
    assertThat(r.json().getJsonObject("error").getString("message")).isNotBlank();
    assertThat(emu.callCount()).isZero();
  }

  @Test
  void bothSdkApiVersionsAreAccepted() {
    assertThat(emu.acs("POST", "/calling/callConnections?api-version=2023-03-06", validCreate()).status()).isEqualTo(201);
    assertThat(emu.acs("POST", "/calling/callConnections?api-version=2026-03-12", validCreate()).status()).isEqualTo(201);
  }

  @Test
  void missingApiVersionIs400() {
    assertRefused(emu.acs("POST", "/calling/callConnections", validCreate()), 400, "MissingApiVersionParameter");
  }

  @Test
  void unknownApiVersionIs400UnlessLoose() {
    assertRefused(emu.acs("POST", "/calling/callConnections?api-version=2099-01-01", validCreate()),
        400, "UnsupportedApiVersionValue");
    try (Harness loose = Harness.start(c -> c.withLoose(true))) {
      assertThat(loose.acs("POST", "/calling/callConnections?api-version=2099-01-01", validCreate()).status())
          .isEqualTo(201);
    }
  }

  @Test
  void malformedJsonIs400() {
    Harness.Response r = emu.signed("POST", "/calling/callConnections?api-version=" + Harness.JS_API,
        "{\"targets\": [".getBytes(StandardCharsets.UTF_8), emu.callemu().accessKey(), Harness.now(), Map.of());
    assertRefused(r, 400, "8523");
    Harness.Response array = emu.signed("POST", "/calling/callConnections?api-version=" + Harness.JS_API,
        "[]".getBytes(StandardCharsets.UTF_8), emu.callemu().accessKey(), Harness.now(), Map.of());
    assertRefused(array, 400, "8523");
  }

  @Test
  void missingFieldsAre400NamingTheField() {
    Harness.Response noTargets = create(validCreate().copy().put("targets", null));
    assertRefused(noTargets, 400, "8523");
    assertThat(noTargets.body()).contains("targets");
    Harness.Response noCallback = create(validCreate().copy().put("callbackUri", null));
    assertRefused(noCallback, 400, "8523");
    assertThat(noCallback.body()).contains("callbackUri");
    assertRefused(create(validCreate().copy().put("targets", new JsonArray())), 400, "8523");
    assertRefused(create(validCreate().copy().put("targets", new JsonArray().add(new JsonObject()))), 400, "8523");
    assertRefused(create(validCreate().copy().put("sourceCallerIdNumber", null)), 400, "8523");
  }

  @Test
  void wrongTypesAndBadValuesAre400() {
    assertRefused(create(validCreate().copy().put("targets", "4:+1555")), 400, "8523");
    assertRefused(create(validCreate().copy().put("callbackUri", 42)), 400, "8523");
    assertRefused(create(validCreate().copy().put("operationContext", new JsonObject())), 400, "8523");
    Harness.Response ftp = create(validCreate().copy().put("callbackUri", "ftp://app.example/cb"));
    assertRefused(ftp, 400, "8523");
    assertThat(ftp.body()).contains("http");
    assertRefused(create(validCreate().copy().put("callbackUri", "/relative")), 400, "8523");
    JsonObject twoModels = new JsonObject().put("phoneNumber", new JsonObject().put("value", "+1"))
        .put("communicationUser", new JsonObject().put("id", "8:acs:x"));
    assertRefused(create(validCreate().copy().put("targets", new JsonArray().add(twoModels))), 400, "8523");
  }

  @Test
  void unknownFieldsAreIgnored() {
    assertThat(create(validCreate().copy().put("somethingNew", true)).status()).isEqualTo(201);
  }

  @Test
  void unknownCallGivesTheRecorded404Envelope() {
    for (String[] req : new String[][] {
        {"GET", "/calling/callConnections/nope"},
        {"DELETE", "/calling/callConnections/nope"},
        {"POST", "/calling/callConnections/nope:terminate"},
        {"GET", "/calling/callConnections/nope/participants"}}) {
      Harness.Response r = emu.acs(req[0], req[1] + "?api-version=" + Harness.JS_API, null);
      assertThat(r.status()).isEqualTo(404);
      assertThat(r.body()).isEqualTo("{\"error\":{\"code\":\"8522\",\"message\":\"Call not found.\"}}");
    }
  }

  @Test
  void operationsOfLaterIssuesAnswer405NotImplemented() {
    String id = create(validCreate()).json().getString("callConnectionId");
    Harness.Response r = emu.acs("POST", "/calling/callConnections/" + id
        + ":transferToParticipant?api-version=" + Harness.JS_API, new JsonObject());
    assertThat(r.status()).isEqualTo(405);
    assertThat(r.errorCode()).isEqualTo("8520");
  }

  @Test
  void bodyOverTheLimitIs413() {
    byte[] big = new byte[(1 << 20) + 10];
    java.util.Arrays.fill(big, (byte) ' ');
    Harness.Response r = emu.signed("POST", "/calling/callConnections?api-version=" + Harness.JS_API, big,
        emu.callemu().accessKey(), Harness.now(), Map.of());
    assertThat(r.status()).isEqualTo(413);
    assertThat(emu.callCount()).isZero();
  }

  @Test
  void clientRequestIdIsEchoed() {
    Harness.Response r = emu.acs("POST", "/calling/callConnections?api-version=" + Harness.JS_API, validCreate(),
        Map.of("x-ms-client-request-id", "req-77"));
    assertThat(r.header("x-ms-client-request-id")).isEqualTo("req-77");
  }

  @Test
  void repeatedRequestIdReplaysTheFirstResponseWithoutActingTwice() {
    Map<String, String> headers = Map.of("Repeatability-Request-ID", "5b6d5a4c-1111-4222-8333-944455556666",
        "Repeatability-First-Sent", Harness.now());
    Harness.Response first = emu.acs("POST", "/calling/callConnections?api-version=" + Harness.JS_API, validCreate(), headers);
    Harness.Response again = emu.acs("POST", "/calling/callConnections?api-version=" + Harness.JS_API, validCreate(), headers);
    assertThat(first.status()).isEqualTo(201);
    assertThat(again.status()).isEqualTo(201);
    assertThat(again.body()).isEqualTo(first.body());
    assertThat(first.header("Repeatability-Result")).isEqualTo("accepted");
    assertThat(again.header("Repeatability-Result")).isEqualTo("accepted");
    assertThat(emu.callCount()).isEqualTo(1);
    Harness.Response other = emu.acs("POST", "/calling/callConnections?api-version=" + Harness.JS_API, validCreate(),
        Map.of("Repeatability-Request-ID", "5b6d5a4c-1111-4222-8333-000000000000"));
    assertThat(other.json().getString("callConnectionId")).isNotEqualTo(first.json().getString("callConnectionId"));
    assertThat(emu.callCount()).isEqualTo(2);
  }

  @Test
  void everyRequestIsJournalled() {
    create(validCreate());
    emu.acs("GET", "/calling/callConnections/nope?api-version=" + Harness.JS_API, null);
    JsonArray requests = emu.control("GET", "/_emulator/events?kind=request", null).json().getJsonArray("events");
    assertThat(requests).hasSize(2);
    assertThat(requests.getJsonObject(0).getInteger("status")).isEqualTo(201);
    assertThat(requests.getJsonObject(1).getInteger("status")).isEqualTo(404);
    assertThat(requests.getJsonObject(1).getString("uri")).isEqualTo("/calling/callConnections/nope?api-version=" + Harness.JS_API);
  }
}
