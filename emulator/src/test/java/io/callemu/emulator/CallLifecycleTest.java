package io.callemu.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.callemu.emulator.testing.CallbackReceiver;
import io.callemu.emulator.testing.Harness;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A call from creation to its last event, on the virtual clock, with a real callback receiver. */
@ExtendWith(VertxExtension.class)
class CallLifecycleTest {

  private Harness emu;
  private CallbackReceiver app;

  @BeforeEach
  void start(Vertx vertx) {
    emu = Harness.start();
    app = CallbackReceiver.start(vertx);
  }

  @AfterEach
  void stop() {
    app.close();
    emu.close();
  }

  @Test
  void outboundCallRingsThenConnectsAndEndsWithCallDisconnected7000WhenTheAppHangsUp() {
    String id = emu.createCall(app.url("/cb"), "ctx-1");
    Harness.Response get = emu.acs("GET", "/calling/callConnections/" + id + "?api-version=" + Harness.JS_API, null);
    assertThat(get.json().getString("callConnectionState")).isEqualTo("connecting");

    emu.advance(499);
    assertThat(app.received()).isEmpty();
    emu.advance(1);
    assertThat(app.types("/cb")).containsExactly("Microsoft.Communication.CallConnected",
        "Microsoft.Communication.ParticipantsUpdated");

    get = emu.acs("GET", "/calling/callConnections/" + id + "?api-version=" + Harness.JS_API, null);
    assertThat(get.status()).isEqualTo(200);
    assertThat(get.json().getString("callConnectionState")).isEqualTo("connected");
    String correlationId = get.json().getString("correlationId");
    assertThat(get.header("X-Microsoft-Skype-Chain-ID")).isEqualTo(correlationId);

    JsonObject connected = app.received().get(0).event();
    assertThat(connected.getString("specversion")).isEqualTo("1.0");
    assertThat(connected.getString("source")).isEqualTo("calling/callConnections/" + id);
    assertThat(connected.getString("subject")).isEqualTo("calling/callConnections/" + id);
    assertThat(connected.getString("datacontenttype")).isEqualTo("application/json");
    assertThat(connected.getString("id")).isNotBlank();
    assertThat(connected.getString("time")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{7}\\+00:00");
    JsonObject data = connected.getJsonObject("data");
    assertThat(data.getString("callConnectionId")).isEqualTo(id);
    assertThat(data.getString("correlationId")).isEqualTo(correlationId);
    assertThat(data.getString("serverCallId")).isNotBlank();
    assertThat(data.getString("operationContext")).isEqualTo("ctx-1");
    assertThat(data.getJsonObject("resultInformation").getMap())
        .isEqualTo(Map.of("code", 200, "subCode", 0, "message", ""));

    JsonObject updated = app.received().get(1).event().getJsonObject("data");
    assertThat(updated.containsKey("operationContext")).isFalse();
    assertThat(updated.getInteger("sequenceNumber")).isEqualTo(1);
    JsonArray participants = updated.getJsonArray("participants");
    assertThat(participants).hasSize(2);
    for (Object p : participants) {
      JsonObject identifier = ((JsonObject) p).getJsonObject("identifier");
      assertThat(identifier.getString("kind")).isNotBlank();
      assertThat(identifier.getString("rawId")).isNotBlank();
      assertThat(identifier.containsKey(identifier.getString("kind"))).isTrue();
    }

    Harness.Response hangUp = emu.acs("DELETE", "/calling/callConnections/" + id + "?api-version=" + Harness.JS_API, null);
    assertThat(hangUp.status()).isEqualTo(204);
    assertThat(hangUp.body()).isEmpty();
    emu.advance(0);
    List<String> types = app.types("/cb");
    assertThat(types).last().isEqualTo("Microsoft.Communication.CallDisconnected");
    JsonObject result = app.received().get(2).event().getJsonObject("data").getJsonObject("resultInformation");
    assertThat(result.getInteger("code")).isEqualTo(200);
    assertThat(result.getInteger("subCode")).isEqualTo(7000);

    Harness.Response gone = emu.acs("GET", "/calling/callConnections/" + id + "?api-version=" + Harness.JS_API, null);
    assertThat(gone.status()).isEqualTo(404);
    assertThat(gone.json().encode()).isEqualTo("{\"error\":{\"code\":\"8522\",\"message\":\"Call not found.\"}}");
  }

  @Test
  void remotePartyHangingUpGivesCallDisconnected5001() {
    String id = emu.createCall(app.url("/cb"), null);
    emu.advance(500);
    Harness.Response r = emu.control("POST", "/_emulator/calls/" + id + "/hangup", null);
    assertThat(r.status()).isEqualTo(200);
    emu.advance(0);
    JsonObject last = app.received().get(app.received().size() - 1).event();
    assertThat(last.getString("type")).isEqualTo("Microsoft.Communication.CallDisconnected");
    assertThat(last.getJsonObject("data").getJsonObject("resultInformation").getInteger("subCode")).isEqualTo(5001);
    assertThat(last.getJsonObject("data").containsKey("operationContext")).isFalse();
    assertThat(emu.control("POST", "/_emulator/calls/" + id + "/hangup", null).status()).isEqualTo(409);
  }

  @Test
  void terminateEndsTheCallLikeHangUp() {
    String id = emu.createCall(app.url("/cb"), null);
    emu.advance(500);
    Harness.Response r = emu.acs("POST", "/calling/callConnections/" + id + ":terminate?api-version=" + Harness.JS_API, null);
    assertThat(r.status()).isEqualTo(204);
    emu.advance(0);
    assertThat(app.types("/cb")).containsExactly("Microsoft.Communication.CallConnected",
        "Microsoft.Communication.ParticipantsUpdated", "Microsoft.Communication.CallDisconnected");
    JsonObject detail = emu.control("GET", "/_emulator/calls/" + id, null).json();
    assertThat(detail.getString("state")).isEqualTo("disconnected");
    assertThat(detail.getString("endedBy")).isEqualTo("app");
  }

  @Test
  void remotePartyHangingUpWhileItRingsFailsTheCreate() {
    String id = emu.createCall(app.url("/cb"), "c");
    emu.control("POST", "/_emulator/calls/" + id + "/hangup", null);
    emu.advance(1000);
    assertThat(app.types("/cb")).containsExactly("Microsoft.Communication.CreateCallFailed");
    assertThat(app.received().get(0).event().getJsonObject("data").getString("operationContext")).isEqualTo("c");
  }

  @Test
  void ringTimeIsASetting() {
    Harness.Response set = emu.control("POST", "/_emulator/settings", new JsonObject().put("call.ringMs", 2000));
    assertThat(set.status()).isEqualTo(200);
    emu.createCall(app.url("/cb"), null);
    emu.advance(1999);
    assertThat(app.received()).isEmpty();
    emu.advance(1);
    assertThat(app.types("/cb")).startsWith("Microsoft.Communication.CallConnected");
  }

  @Test
  void participantsAreListedAndFoundByRawIdRawOrPercentEncoded() {
    String id = emu.createCall(app.url("/cb"), null);
    emu.advance(500);
    String base = "/calling/callConnections/" + id + "/participants";
    Harness.Response list = emu.acs("GET", base + "?api-version=" + Harness.JS_API, null);
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.json().getJsonArray("value")).hasSize(2);
    Harness.Response raw = emu.acs("GET", base + "/4:+15551234567?api-version=" + Harness.JAVA_API, null);
    Harness.Response encoded = emu.acs("GET", base + "/4%3A%2B15551234567?api-version=" + Harness.JS_API, null);
    assertThat(raw.status()).isEqualTo(200);
    assertThat(encoded.body()).isEqualTo(raw.body());
    assertThat(raw.json().getJsonObject("identifier").getString("rawId")).isEqualTo("4:+15551234567");
    Harness.Response unknown = emu.acs("GET", base + "/4%3A%2B19999999999?api-version=" + Harness.JS_API, null);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.errorCode()).isEqualTo("8522");
  }
}
