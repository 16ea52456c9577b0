package io.callemu.emulator.core.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callemu.emulator.core.clock.VirtualClock;
import io.callemu.emulator.core.event.DomainEvents;
import io.callemu.emulator.core.outcome.Outcome;
import io.callemu.emulator.core.outcome.Refusal;
import io.callemu.emulator.core.party.PhoneNumber;
import io.callemu.emulator.core.settings.Settings;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class CallServiceTest {

  private static Call create(CallService calls) {
    return calls.create(Platform.ACS, null, List.of(PhoneNumber.of("+15551234567")),
        CallSetup.of("http://127.0.0.1:9/cb", null));
  }

  private static CallService service(Context context, List<Object> events) {
    DomainEvents bus = new DomainEvents();
    bus.subscribe(events::add);
    return new CallService(new VirtualClock(context, 0), new Settings(CallSettings.ALL), bus);
  }

  @Test
  void endedCallsMakeRoomWhenTheLimitIsReachedButLiveCallsNever(Vertx vertx, VertxTestContext test) {
    Context context = vertx.getOrCreateContext();
    context.runOnContext(v -> test.verify(() -> {
      List<Object> events = new ArrayList<>();
      CallService calls = service(context, events);
      Call first = null;
      for (int i = 0; i < CallService.MAX_CALLS; i++) {
        Call c = create(calls);
        if (first == null) {
          first = c;
        }
      }
      assertThatThrownBy(() -> create(calls)).isInstanceOf(Refusal.class)
          .satisfies(e -> assertThat(((Refusal) e).outcome()).isEqualTo(Outcome.TOO_MANY_CALLS));
      calls.hangUpByApp(first);
      assertThat(events).hasSize(1).first().isInstanceOfSatisfying(CallEnded.class,
          e -> assertThat(e.outcome()).isEqualTo(Outcome.CALL_ENDED_BY_APP));
      Call next = create(calls);
      assertThat(calls.find(first.id())).isNull();
      assertThat(calls.find(next.id())).isSameAs(next);
      assertThat(calls.all()).hasSize(CallService.MAX_CALLS);
      test.completeNow();
    }));
  }

  @Test
  void hangingUpTwiceEndsTheCallOnce(Vertx vertx, VertxTestContext test) {
    Context context = vertx.getOrCreateContext();
    context.runOnContext(v -> test.verify(() -> {
      List<Object> events = new ArrayList<>();
      CallService calls = service(context, events);
      Call call = create(calls);
      calls.hangUpByApp(call);
      calls.hangUpByApp(call);
      calls.hangUpByRemote(call);
      assertThat(events).hasSize(1).first().isInstanceOf(CallEnded.class);
      assertThat(call.endCause()).isEqualTo(EndCause.APP_HUNG_UP);
      assertThat(call.timers()).isEmpty();
      test.completeNow();
    }));
  }
}
