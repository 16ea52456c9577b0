package io.callemu.emulator.core.media;

import static org.assertj.core.api.Assertions.assertThat;

import io.callemu.emulator.CallemuConfig;
import io.callemu.emulator.testing.CallbackReceiver;
import io.callemu.emulator.testing.Harness;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.function.UnaryOperator;

/** An emulator on the virtual clock, an app webhook and one connected call, with media helpers. */
final class MediaFixture implements AutoCloseable {

  static final String CALLEE = "4:+15551234567";
  static final String CB = "/cb";

  final Harness emu;
  final CallbackReceiver app;
  final String callId;

  private MediaFixture(Harness emu, CallbackReceiver app, String callId) {
    this.emu = emu;
    this.app = app;
    this.callId = callId;
  }

  static MediaFixture start(Vertx vertx) {
    return start(vertx, c -> c, false);
  }

  /** With {@code cognitive} the call has a cognitiveServicesEndpoint (speech inputs need it). */
  static MediaFixture start(Vertx vertx, UnaryOperator<CallemuConfig> config, boolean cognitive) {
    Harness emu = Harness.start(config);
    CallbackReceiver app = CallbackReceiver.start(vertx);
    JsonObject body = new JsonObject()
        .put("targets", new JsonArray().add(new JsonObject().put("kind", "phoneNumber")
            .put("rawId", CALLEE).put("phoneNumber", new JsonObject().put("value", "+15551234567"))))
        .put("sourceCallerIdNumber", new JsonObject().put("value", "+15550000000"))
        .put("callbackUri", app.url(CB));
    if (cognitive) {
      body.put("callIntelligenceOptions", new JsonObject().put("cognitiveServicesEndpoint", "https://cog.example/"));
    }
    Harness.Response r = emu.acs("POST", "/calling/callConnections?api-version=" + Harness.JS_API, body);
    assertThat(r.status()).isEqualTo(201);
    String id = r.json().getString("callConnectionId");
    emu.advance(500);
    return new MediaFixture(emu, app, id);
  }

  static JsonObject target() {
    return new JsonObject().put("rawId", CALLEE).put("phoneNumber", new JsonObject().put("value", "+15551234567"));
  }

  static JsonObject textPrompt(String text) {
    return new JsonObject().put("kind", "text").put("text", new JsonObject().put("text", text));
  }

  static JsonObject fileSource(String uri) {
    return new JsonObject().put("kind", "file").put("file", new JsonObject().put("uri", uri));
  }

  /** A DTMF recognize request; {@code options} adds to recognizeOptions. */
  static JsonObject dtmfRecognize(int maxTones, JsonObject dtmfExtra, JsonObject options) {
    JsonObject dtmf = new JsonObject().put("maxTonesToCollect", maxTones).mergeIn(dtmfExtra);
    JsonObject recognizeOptions = new JsonObject().put("targetParticipant", target())
        .put("initialSilenceTimeoutInSeconds", 5).put("dtmfOptions", dtmf).mergeIn(options);
    return new JsonObject().put("recognizeInputType", "dtmf").put("recognizeOptions", recognizeOptions)
        .put("operationContext", "pin");
  }

  Harness.Response action(String action, JsonObject body) {
    return action(action, body, Harness.JS_API);
  }

  Harness.Response action(String action, JsonObject body, String api) {
    return emu.acs("POST", "/calling/callConnections/" + callId + ":" + action + "?api-version=" + api, body);
  }

  void accepted(String action, JsonObject body) {
    Harness.Response r = action(action, body);
    assertThat(r.status()).as(r.body()).isIn(200, 202);
    emu.advance(0);
  }

  Harness.Response control(String what, JsonObject body) {
    return emu.control("POST", "/_emulator/calls/" + callId + "/" + what, body);
  }

  void press(String keys) {
    press(keys, 0);
  }

  void press(String keys, long delayMs) {
    Harness.Response r = control("dtmf", new JsonObject().put("tones", keys).put("delayMs", delayMs));
    assertThat(r.status()).as(r.body()).isEqualTo(202);
  }

  /** The callbacks after CallConnected and ParticipantsUpdated, as short names. */
  List<String> mediaEvents() {
    return app.types(CB).stream().skip(2).map(t -> t.replace("Microsoft.Communication.", "")).toList();
  }

  /** The data of the last callback of that short name. */
  JsonObject last(String name) {
    List<CallbackReceiver.Received> all = app.received();
    for (int i = all.size() - 1; i >= 0; i--) {
      if (all.get(i).type().equals("Microsoft.Communication." + name)) {
        return all.get(i).event().getJsonObject("data");
      }
    }
    throw new AssertionError("no " + name + " among " + mediaEvents());
  }

  /** The callback's time in virtual ms since the fixture's call connected: via its CloudEvent time. */
  long eventTime(String name) {
    List<CallbackReceiver.Received> all = app.received();
    for (int i = all.size() - 1; i >= 0; i--) {
      if (all.get(i).type().equals("Microsoft.Communication." + name)) {
        return java.time.OffsetDateTime.parse(all.get(i).event().getString("time")).toInstant().toEpochMilli();
      }
    }
    throw new AssertionError("no " + name);
  }

  long now() {
    return emu.control("GET", "/_emulator/clock", null).json().getLong("nowMillis");
  }

  JsonObject detail() {
    return emu.control("GET", "/_emulator/calls/" + callId, null).json();
  }

  static JsonObject result(JsonObject data) {
    return data.getJsonObject("resultInformation");
  }

  @Override
  public void close() {
    app.close();
    emu.close();
  }
}
