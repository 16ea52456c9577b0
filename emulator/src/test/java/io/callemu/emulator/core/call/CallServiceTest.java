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

  /** A service whose events (but CallConnecting, which every placed call publishes) land in {@code events}. */
  private static CallService service(Context context, List<Object> events) {
    return service(new VirtualClock(context, 0), events);
  }

  private static CallService service(VirtualClock clock, List<Object> events) {
    DomainEvents bus = new DomainEvents();
    bus.subscribe(e -> {
      if (!(e instanceof CallConnecting)) {
        events.add(e);
      }
    });
    return new CallService(clock, new Settings(CallSettings.ALL), bus);
  }

  private static Call ring(CallService calls) {
    return calls.ring(Platform.GRAPH, PhoneNumber.of("+15551234567"),
        io.callemu.emulator.core.party.TeamsApp.of("bot", io.callemu.emulator.core.party.Cloud.PUBLIC),
        CallSetup.forApp("http://127.0.0.1:9/bot", new AppIdentity("bot", "tenant")), 15_000);
  }

  @Test
  void anOfferedCallRingsUntilAnsweredAndRefusesASecondAnswerOrARejectAfterwards(Vertx vertx, VertxTestContext test) {
    Context context = vertx.getOrCreateContext();
    context.runOnContext(v -> test.verify(() -> {
      List<Object> events = new ArrayList<>();
      VirtualClock clock = new VirtualClock(context, 0);
      CallService calls = service(clock, events);
      Call call = ring(calls);
      assertThat(call.state()).isEqualTo(CallState.OFFERED);
      assertThat(events).hasSize(1).first().isInstanceOf(CallOffered.class);
      calls.answerOffered(call, CallSetup.forApp("http://127.0.0.1:9/other", new AppIdentity("bot2", "t2")));
      assertThat(call.setup().callbackUri()).isEqualTo("http://127.0.0.1:9/other");
      assertThat(call.timers()).as("the answer window is closed").hasSize(1);
      assertThatThrownBy(() -> calls.answerOffered(call, call.setup())).isInstanceOf(Refusal.class)
          .satisfies(e -> assertThat(((Refusal) e).outcome()).isEqualTo(Outcome.CALL_NOT_INCOMING));
      assertThatThrownBy(() -> calls.dismissOffered(call)).isInstanceOf(Refusal.class);
      test.completeNow();
    }));
  }

  @Test
  void anOfferedCallNobodyAnswersFailsWhenItsWindowCloses(Vertx vertx, VertxTestContext test) {
    Context context = vertx.getOrCreateContext();
    context.runOnContext(v -> test.verify(() -> {
      List<Object> events = new ArrayList<>();
      VirtualClock clock = new VirtualClock(context, 0);
      CallService calls = service(clock, events);
      Call call = ring(calls);
      Call rejected = ring(calls);
      calls.dismissOffered(rejected);
      assertThat(rejected.endCause()).isEqualTo(EndCause.DISMISSED);
      clock.advance(14_999, io.vertx.core.Future::succeededFuture).onComplete(a -> test.verify(() -> {
        assertThat(call.state()).isEqualTo(CallState.OFFERED);
        clock.advance(1, io.vertx.core.Future::succeededFuture).onComplete(b -> test.verify(() -> {
          assertThat(call.endCause()).isEqualTo(EndCause.NOT_ANSWERED);
          assertThat(events).filteredOn(e -> e instanceof CallSetupFailed).singleElement()
              .satisfies(e -> assertThat(((CallSetupFailed) e).outcome()).isEqualTo(Outcome.NOT_ANSWERED));
          test.completeNow();
        }));
      }));
    }));
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
