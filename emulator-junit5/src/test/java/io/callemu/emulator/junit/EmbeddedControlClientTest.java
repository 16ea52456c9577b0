package io.callemu.emulator.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.callemu.emulator.Callemu;
import io.callemu.emulator.client.ControlClient;
import io.callemu.emulator.client.ControlException;
import io.callemu.emulator.testing.CallbackReceiver;
import io.callemu.emulator.testing.Harness;
import io.vertx.core.Vertx;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The control API as callemu's client and JUnit extension see it: the shapes they parse. */
@ExtendWith(CallemuExtension.class)
class EmbeddedControlClientTest {

  @Test
  void clientDrivesTheEmulatorThroughTheControlApi(Callemu emu, ControlClient control) {
    assertThat(control.health().get("status").asText()).isEqualTo("ready");
    assertThat(emu.control().health().get("status").asText()).isEqualTo("ready");
    assertThat(control.clock().get("mode").asText()).isEqualTo("virtual");
    long before = control.clock().get("nowMillis").asLong();
    control.advance(1234);
    assertThat(control.clock().get("nowMillis").asLong()).isEqualTo(before + 1234);
    assertThat(control.calls().get("calls").size()).isZero();
    JsonNode fault = control.addFault(Map.of("action", "callback", "times", 2));
    assertThat(fault.get("times").asInt()).isEqualTo(2);
    control.clearFaults();
    ControlException timeout = catchThrowableOfType(ControlException.class,
        () -> control.waitFor(null, "CallConnected", 10));
    assertThat(timeout.status()).isEqualTo(408);
    assertThatThrownBy(() -> control.hangup("nope")).isInstanceOf(ControlException.class);
    assertThat(control.set(Map.of("call.ringMs", 100)).get("settings").isArray()).isTrue();
  }

  @Test
  void clientSeesCallbacksOfAScenarioDrivenCall(Callemu emu, ControlClient control) {
    Vertx vertx = Vertx.vertx();
    try (CallbackReceiver app = CallbackReceiver.start(vertx)) {
      control.addScenario("{\"rules\":[{\"on\":\"callConnected\",\"do\":[{\"hangup\":{},\"delayMs\":100}]}]}");
      String id = Harness.of(emu).createCall(app.url("/cb"), null);
      control.advance(600);
      assertThat(control.call(id).get("state").asText()).isEqualTo("disconnected");
      JsonNode events = control.events(id, "CallDisconnected", null).get("events");
      assertThat(events.size()).isEqualTo(1);
      assertThat(events.get(0).get("outcome").asText()).isEqualTo("delivered");
    } finally {
      vertx.close();
    }
  }
}
