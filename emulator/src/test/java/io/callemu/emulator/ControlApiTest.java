package io.callemu.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.callemu.emulator.testing.CallbackReceiver;
import io.callemu.emulator.testing.Harness;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Clock, settings, scenarios, reset and the control token. */
@ExtendWith(VertxExtension.class)
class ControlApiTest {

  @Test
  void pathsOutsideTheEmulatedSurfacesAnswer404InTheErrorEnvelope() {
    try (Harness emu = Harness.start()) {
      Harness.Response r = emu.control("POST", "/no/such/surface", new JsonObject());
      assertThat(r.status()).isEqualTo(404);
      JsonObject error = r.json().getJsonObject("error");
      assertThat(error.getString("code")).isEqualTo("NotFound");
      assertThat(error.getString("message")).contains("POST /no/such/surface").contains("/calling");
    }
  }

  @Test
  void clockReportsVirtualTimeAndAdvanceMovesIt() {
    try (Harness emu = Harness.start()) {
      JsonObject before = emu.control("GET", "/_emulator/clock", null).json();
      assertThat(before.getString("mode")).isEqualTo("virtual");
      emu.advance(60_000);
      JsonObject after = emu.control("GET", "/_emulator/clock", null).json();
      assertThat(after.getLong("nowMillis") - before.getLong("nowMillis")).isEqualTo(60_000);
      assertThat(emu.control("POST", "/_emulator/clock/advance", new JsonObject().put("ms", -5)).status()).isEqualTo(400);
      assertThat(emu.control("POST", "/_emulator/clock/advance", new JsonObject().put("ms", "soon")).status()).isEqualTo(400);
    }
  }

  @Test
  void wallClockCannotBeAdvanced() {
    try (Harness emu = Harness.start(c -> c.withClock("wall"))) {
      Harness.Response r = emu.control("POST", "/_emulator/clock/advance", new JsonObject().put("ms", 5));
      assertThat(r.status()).isEqualTo(409);
      assertThat(r.errorCode()).isEqualTo("WallClock");
      assertThat(emu.control("GET", "/_emulator/clock", null).json().getString("mode")).isEqualTo("wall");
    }
  }

  @Test
  void wallClockTimeScaleShortensEmulatedDurations(Vertx vertx) {
    // 100 s of ring time at scale 0.001 is 100 ms of real time, far inside the 10 s wait.
    try (Harness emu = Harness.start(c -> c.withClock("wall").withTimeScale(0.001).withSetting("call.ringMs", "100000"));
        CallbackReceiver app = CallbackReceiver.start(vertx)) {
      String id = emu.createCall(app.url("/cb"), null);
      Harness.Response r = emu.control("POST", "/_emulator/events/wait",
          new JsonObject().put("callConnectionId", id).put("type", "CallConnected").put("timeoutMs", 10_000));
      assertThat(r.status()).isEqualTo(200);
    }
  }

  @Test
  void settingsAreListedWithDefaultsAndABadValueChangesNothing() {
    try (Harness emu = Harness.start(c -> c.withSetting("callback.maxAttempts", "7"))) {
      JsonObject ring = setting(emu, "call.ringMs");
      assertThat(ring.getString("default")).isEqualTo("500");
      assertThat(ring.getString("source")).isNotBlank();
      assertThat(setting(emu, "callback.maxAttempts").getString("value")).isEqualTo("7");
      assertThat(setting(emu, "callback.maxAttempts").getString("setBy")).isEqualTo("--set");
      Harness.Response bad = emu.control("POST", "/_emulator/settings",
          new JsonObject().put("call.ringMs", 10).put("callback.maxAttempts", -1));
      assertThat(bad.status()).isEqualTo(400);
      assertThat(setting(emu, "call.ringMs").getString("value")).isEqualTo("500");
      assertThat(emu.control("POST", "/_emulator/settings", new JsonObject().put("no.such", 1)).status()).isEqualTo(400);
      assertThat(emu.control("POST", "/_emulator/settings", new JsonObject().put("call.ringMs", 10)).status()).isEqualTo(200);
      assertThat(setting(emu, "call.ringMs").getString("setBy")).isEqualTo("api");
    }
  }

  private static JsonObject setting(Harness emu, String key) {
    for (Object o : emu.control("GET", "/_emulator/settings", null).json().getJsonArray("settings")) {
      if (((JsonObject) o).getString("key").equals(key)) {
        return (JsonObject) o;
      }
    }
    throw new AssertionError("no setting " + key);
  }

  @Test
  void yamlScenarioHangsUpAfterCallConnected(Vertx vertx) {
    try (Harness emu = Harness.start(); CallbackReceiver app = CallbackReceiver.start(vertx)) {
      String yaml = "rules:\n  - on: callConnected\n    match: {operationContext: bye}\n    do:\n      - hangup: {}\n        delayMs: 1000\n";
      Harness.Response added = emu.control("POST", "/_emulator/scenarios", yaml);
      assertThat(added.status()).as(added.body()).isEqualTo(201);
      String other = emu.createCall(app.url("/other"), "stay");
      String id = emu.createCall(app.url("/cb"), "bye");
      emu.advance(500);
      emu.advance(999);
      assertThat(app.types("/cb")).doesNotContain("Microsoft.Communication.CallDisconnected");
      emu.advance(1);
      assertThat(app.types("/cb")).last().isEqualTo("Microsoft.Communication.CallDisconnected");
      assertThat(app.received().stream().filter(r -> r.path().equals("/cb")).reduce((a, b) -> b).get()
          .event().getJsonObject("data").getJsonObject("resultInformation").getInteger("subCode")).isEqualTo(5001);
      assertThat(app.types("/other")).doesNotContain("Microsoft.Communication.CallDisconnected");
      assertThat(emu.control("GET", "/_emulator/calls/" + other, null).json().getString("state")).isEqualTo("connected");
      assertThat(emu.control("GET", "/_emulator/calls/" + id, null).json().getString("endedBy")).isEqualTo("remote");
    }
  }

  @Test
  void badScenariosAreRefusedWholly() {
    try (Harness emu = Harness.start()) {
      assertThat(emu.control("POST", "/_emulator/scenarios", "rules: [").status()).isEqualTo(400);
      assertThat(emu.control("POST", "/_emulator/scenarios", "{\"rules\":[{\"on\":\"never\",\"do\":[{\"hangup\":{}}]}]}").status()).isEqualTo(400);
      Harness.Response half = emu.control("POST", "/_emulator/scenarios",
          "{\"rules\":[{\"on\":\"callConnected\",\"do\":[{\"hangup\":{}}]},{\"on\":\"callConnected\",\"do\":[{\"explode\":1}]}]}");
      assertThat(half.status()).isEqualTo(400);
      assertThat(half.body()).contains("rules[1]");
      assertThat(emu.control("GET", "/_emulator/scenarios", null).json().getJsonArray("rules")).isEmpty();
    }
  }

  @Test
  void resetDropsCallsAndTheJournal(Vertx vertx) {
    try (Harness emu = Harness.start(); CallbackReceiver app = CallbackReceiver.start(vertx)) {
      emu.createCall(app.url("/cb"), null);
      assertThat(emu.callCount()).isEqualTo(1);
      assertThat(emu.control("POST", "/_emulator/reset", null).status()).isEqualTo(204);
      assertThat(emu.callCount()).isZero();
      assertThat(emu.control("GET", "/_emulator/events", null).json().getJsonArray("events")).isEmpty();
      emu.advance(1000);
      assertThat(app.received()).isEmpty();
    }
  }

  @Test
  void unknownCallsAndOperationsAre404() {
    try (Harness emu = Harness.start()) {
      assertThat(emu.control("GET", "/_emulator/calls/nope", null).status()).isEqualTo(404);
      assertThat(emu.control("POST", "/_emulator/calls/nope/hangup", null).status()).isEqualTo(404);
      assertThat(emu.control("GET", "/_emulator/nothing", null).errorCode()).isEqualTo("NotFound");
    }
  }

  @Test
  void controlTokenIsRequiredWhenSetButHealthStaysOpen() {
    try (Harness emu = Harness.start(c -> c.withControlToken("s3cret"))) {
      assertThat(emu.control("GET", "/_emulator/health", null).status()).isEqualTo(200);
      Harness.Response none = emu.control("GET", "/_emulator/calls", null);
      assertThat(none.status()).isEqualTo(401);
      assertThat(none.errorCode()).isEqualTo("Unauthorized");
      assertThat(emu.control("GET", "/_emulator/calls", null, Map.of("Authorization", "Bearer wrong")).status()).isEqualTo(401);
      assertThat(emu.control("GET", "/_emulator/calls", null, Map.of("Authorization", "Bearer s3cret")).status()).isEqualTo(200);
    }
  }

  @Test
  void journalFileGetsOneJsonLinePerRecordAndAttempt(Vertx vertx) throws Exception {
    java.nio.file.Path file = java.nio.file.Files.createTempFile("journal", ".jsonl");
    try (Harness emu = Harness.start(c -> c.withJournal(file)); CallbackReceiver app = CallbackReceiver.start(vertx)) {
      emu.createCall(app.url("/cb"), null);
      emu.advance(500);
    }
    java.util.List<String> lines = java.nio.file.Files.readAllLines(file);
    assertThat(lines).isNotEmpty();
    for (String line : lines) {
      new JsonObject(line);
    }
    assertThat(lines).anySatisfy(l -> assertThat(l).contains("\"kind\":\"request\""));
    assertThat(lines).anySatisfy(l -> assertThat(l).contains("\"CallConnected\""));
    assertThat(lines).anySatisfy(l -> assertThat(l).contains("\"outcome\":\"delivered\""));
    java.nio.file.Files.deleteIfExists(file);
  }
}
