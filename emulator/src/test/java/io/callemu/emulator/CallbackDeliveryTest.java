package io.callemu.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.callemu.emulator.testing.CallbackReceiver;
import io.callemu.emulator.testing.Harness;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.net.ServerSocket;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Retries with backoff through the clock, the journal of attempts, isolation between calls. */
@ExtendWith(VertxExtension.class)
class CallbackDeliveryTest {

  private Harness emu;
  private CallbackReceiver app;

  @BeforeEach
  void start(Vertx vertx) {
    emu = Harness.start(c -> c.withSetting("callback.maxAttempts", "3").withSetting("callback.retryDelayMs", "1000"));
    app = CallbackReceiver.start(vertx);
  }

  @AfterEach
  void stop() {
    app.close();
    emu.close();
  }

  private static String deadUrl() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return "http://127.0.0.1:" + s.getLocalPort() + "/cb";
    }
  }

  private JsonArray callbacks(String callId) {
    return emu.control("GET", "/_emulator/events?kind=callback&callConnectionId=" + callId, null).json().getJsonArray("events");
  }

  @Test
  void deadTargetIsRetriedWithBackoffThenJournalledUndeliveredWhileOtherCallsProceed() throws Exception {
    String dead = emu.createCall(deadUrl(), null);
    String alive = emu.createCall(app.url("/alive"), null);
    emu.advance(500);
    // The live call got both events although the dead one is failing.
    assertThat(app.types("/alive")).containsExactly("Microsoft.Communication.CallConnected",
        "Microsoft.Communication.ParticipantsUpdated");

    JsonObject first = callbacks(dead).getJsonObject(0);
    assertThat(first.getString("type")).isEqualTo("CallConnected");
    assertThat(first.getString("outcome")).isEqualTo("pending");
    assertThat(first.getJsonArray("attempts")).hasSize(1);
    assertThat(first.getJsonArray("attempts").getJsonObject(0).getString("error")).isNotBlank();
    // In order: the second event waits behind the first.
    assertThat(callbacks(dead).getJsonObject(1).getJsonArray("attempts")).isEmpty();

    emu.advance(999);
    assertThat(callbacks(dead).getJsonObject(0).getJsonArray("attempts")).hasSize(1);
    emu.advance(1);
    assertThat(callbacks(dead).getJsonObject(0).getJsonArray("attempts")).hasSize(2);
    emu.advance(2000);
    JsonObject done = callbacks(dead).getJsonObject(0);
    assertThat(done.getJsonArray("attempts")).hasSize(3);
    assertThat(done.getString("outcome")).isEqualTo("undelivered");
    // The next event of the dead call now gets its own attempts.
    assertThat(callbacks(dead).getJsonObject(1).getJsonArray("attempts")).hasSize(1);

    // The live call is unaffected and can still end normally.
    emu.acs("DELETE", "/calling/callConnections/" + alive + "?api-version=" + Harness.JS_API, null);
    emu.advance(0);
    assertThat(app.types("/alive")).last().isEqualTo("Microsoft.Communication.CallDisconnected");
  }

  @Test
  void refusedCallbackIsRetriedAndDeliveredInOrder() {
    AtomicInteger calls = new AtomicInteger();
    app.answer(r -> calls.incrementAndGet() == 1 ? new CallbackReceiver.Answer(503, "") : CallbackReceiver.Answer.OK);
    String id = emu.createCall(app.url("/cb"), null);
    emu.advance(500);
    assertThat(app.types("/cb")).containsExactly("Microsoft.Communication.CallConnected");
    emu.advance(1000);
    assertThat(app.types("/cb")).containsExactly("Microsoft.Communication.CallConnected",
        "Microsoft.Communication.CallConnected", "Microsoft.Communication.ParticipantsUpdated");
    JsonObject entry = callbacks(id).getJsonObject(0);
    assertThat(entry.getString("outcome")).isEqualTo("delivered");
    assertThat(entry.getJsonArray("attempts").getJsonObject(0).getInteger("status")).isEqualTo(503);
    assertThat(entry.getJsonArray("attempts").getJsonObject(1).getInteger("status")).isEqualTo(200);
  }

  @Test
  void entriesAndAttemptsCarryTheRealTimeWhileTheVirtualClockStandsStill() {
    long before = System.currentTimeMillis();
    String id = emu.createCall(app.url("/cb"), null);
    emu.advance(500);
    JsonObject request = emu.control("GET", "/_emulator/events?kind=request", null).json()
        .getJsonArray("events").getJsonObject(0);
    JsonObject callback = callbacks(id).getJsonObject(0);
    JsonObject attempt = callback.getJsonArray("attempts").getJsonObject(0);
    // Virtual time starts wherever the clock was set; the real stamps are today's.
    assertThat(request.getLong("wallTime")).isBetween(before, System.currentTimeMillis());
    assertThat(attempt.getLong("wallTime")).isBetween(before, System.currentTimeMillis());
    // Monotonic order: the request, the event it caused, the attempt that sent it.
    assertThat(callback.getLong("wallNanos")).isGreaterThan(request.getLong("wallNanos"));
    assertThat(attempt.getLong("wallNanos")).isGreaterThanOrEqualTo(callback.getLong("wallNanos"));
    assertThat(attempt.getDouble("realMs")).isGreaterThan(0.0);
  }

  @Test
  void callbackFaultFailsTheNextDeliveryAttempt() {
    Harness.Response fault = emu.control("POST", "/_emulator/faults", new JsonObject().put("action", "callback").put("times", 1));
    assertThat(fault.status()).isEqualTo(201);
    String id = emu.createCall(app.url("/cb"), null);
    emu.advance(500);
    assertThat(app.received()).isEmpty();
    JsonObject attempt = callbacks(id).getJsonObject(0).getJsonArray("attempts").getJsonObject(0);
    assertThat(attempt.getString("error")).startsWith("fault injected");
    emu.advance(1000);
    assertThat(app.types("/cb")).containsExactly("Microsoft.Communication.CallConnected",
        "Microsoft.Communication.ParticipantsUpdated");
  }

  @Test
  void badFaultsAreRefused() {
    assertThat(emu.control("POST", "/_emulator/faults", new JsonObject().put("action", "explode")).status()).isEqualTo(400);
    assertThat(emu.control("POST", "/_emulator/faults", new JsonObject().put("action", "callback").put("times", 0)).status()).isEqualTo(400);
    assertThat(emu.control("POST", "/_emulator/faults", new JsonObject().put("action", "play")).status()).isEqualTo(400);
    assertThat(emu.control("POST", "/_emulator/faults", "not json").status()).isEqualTo(400);
    assertThat(emu.control("GET", "/_emulator/faults", null).json().getJsonArray("faults")).isEmpty();
  }

  @Test
  void waitReturnsTheDeliveredCallbackOrTimesOutWith408() {
    String id = emu.createCall(app.url("/cb"), null);
    Harness.Response early = emu.control("POST", "/_emulator/events/wait",
        new JsonObject().put("callConnectionId", id).put("type", "CallConnected").put("timeoutMs", 50));
    assertThat(early.status()).isEqualTo(408);
    assertThat(early.errorCode()).isEqualTo("Timeout");
    emu.advance(500);
    Harness.Response r = emu.control("POST", "/_emulator/events/wait",
        new JsonObject().put("callConnectionId", id).put("type", "Microsoft.Communication.CallConnected").put("timeoutMs", 5000));
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().getString("outcome")).isEqualTo("delivered");
    assertThat(r.json().getJsonObject("event").getString("type")).isEqualTo("Microsoft.Communication.CallConnected");
  }
}
