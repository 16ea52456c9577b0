package io.callemu.emulator.core.call;

import static org.assertj.core.api.Assertions.assertThat;

import io.callemu.emulator.core.clock.VirtualClock;
import io.callemu.emulator.core.settings.Settings;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class CallServiceTest {

  private static CreateCallCommand command() {
    return new CreateCallCommand(List.of(Identifier.phoneNumber("+15551234567")), null,
        "http://127.0.0.1:9/cb", null, new JsonObject());
  }

  @Test
  void endedCallsMakeRoomWhenTheLimitIsReachedButLiveCallsNever(Vertx vertx, VertxTestContext test) {
    Context context = vertx.getOrCreateContext();
    context.runOnContext(v -> test.verify(() -> {
      List<String> events = new ArrayList<>();
      CallService calls = new CallService(new VirtualClock(context, 0), new Settings(),
          (call, name, data, uri) -> events.add(name));
      Call first = null;
      for (int i = 0; i < CallService.MAX_CALLS; i++) {
        Call c = calls.create(command());
        if (first == null) {
          first = c;
        }
      }
      assertThat(calls.hasRoom()).isFalse();
      calls.hangUpByApp(first);
      assertThat(events).containsExactly("CallDisconnected");
      assertThat(calls.hasRoom()).isTrue();
      assertThat(calls.find(first.callConnectionId())).isNull();
      assertThat(calls.all()).hasSize(CallService.MAX_CALLS - 1);
      test.completeNow();
    }));
  }

  @Test
  void hangingUpTwiceSendsOneCallDisconnected(Vertx vertx, VertxTestContext test) {
    Context context = vertx.getOrCreateContext();
    context.runOnContext(v -> test.verify(() -> {
      List<String> events = new ArrayList<>();
      CallService calls = new CallService(new VirtualClock(context, 0), new Settings(),
          (call, name, data, uri) -> events.add(name));
      Call call = calls.create(command());
      calls.hangUpByApp(call);
      calls.hangUpByApp(call);
      calls.hangUpByRemote(call);
      assertThat(events).containsExactly("CallDisconnected");
      assertThat(call.timers()).isEmpty();
      test.completeNow();
    }));
  }
}
