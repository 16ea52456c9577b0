package io.callemu.emulator.core.clock;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class VirtualClockTest {

  @Test
  void advanceFiresDueTimersInTimeOrderAndSettlesBeforeTheFirstAndAfterEach(Vertx vertx, VertxTestContext test) {
    Context context = vertx.getOrCreateContext();
    context.runOnContext(v -> {
      VirtualClock clock = new VirtualClock(context, 1_000);
      List<String> log = new ArrayList<>();
      clock.schedule(300, () -> log.add("c@" + clock.nowMillis()));
      clock.schedule(100, () -> {
        log.add("a@" + clock.nowMillis());
        // A timer set by a timer, still inside the advance window, fires in the same advance.
        clock.schedule(50, () -> log.add("b@" + clock.nowMillis()));
      });
      clock.schedule(301, () -> log.add("late"));
      // settle() is asked before the first timer and after every one; it completes a tick later,
      // like a delivery would.
      List<Long> settledAt = new ArrayList<>();
      clock.advance(300, () -> {
        settledAt.add(clock.nowMillis());
        Promise<Void> p = Promise.promise();
        context.runOnContext(x -> p.complete());
        return p.future();
      }).onComplete(test.succeeding(now -> test.verify(() -> {
        assertThat(now).isEqualTo(1_300);
        assertThat(log).containsExactly("a@1100", "b@1150", "c@1300");
        assertThat(settledAt).containsExactly(1_000L, 1_100L, 1_150L, 1_300L);
        assertThat(clock.pending()).isEqualTo(1);
        assertThat(clock.nextDueAt()).isEqualTo(1_301);
        test.completeNow();
      })));
    });
  }

  @Test
  void cancelledTimersNeverFireAndZeroDelayNeedsNoAdvance(Vertx vertx, VertxTestContext test) {
    Context context = vertx.getOrCreateContext();
    context.runOnContext(v -> {
      VirtualClock clock = new VirtualClock(context, 0);
      List<String> log = new ArrayList<>();
      Clock.Timer t = clock.schedule(10, () -> log.add("cancelled"));
      assertThat(t.cancel()).isTrue();
      assertThat(t.cancel()).isFalse();
      clock.schedule(0, () -> {
        log.add("now");
        clock.advance(20, Future::succeededFuture).onComplete(test.succeeding(x -> test.verify(() -> {
          assertThat(log).containsExactly("now");
          assertThat(clock.pending()).isZero();
          test.completeNow();
        })));
      });
    });
  }

  @Test
  void negativeAdvanceIsRefused(Vertx vertx, VertxTestContext test) {
    Context context = vertx.getOrCreateContext();
    context.runOnContext(v -> new VirtualClock(context, 0).advance(-1, Future::succeededFuture)
        .onComplete(test.failing(e -> test.verify(() -> {
          assertThat(e).isInstanceOf(IllegalArgumentException.class);
          test.completeNow();
        }))));
  }

  @Test
  void movedListenersHearEachStepOfAnAdvanceEvenWithoutTimersAndNothingForAZeroAdvance(Vertx vertx,
      VertxTestContext test) {
    Context context = vertx.getOrCreateContext();
    context.runOnContext(v -> {
      VirtualClock clock = new VirtualClock(context, 1_000);
      List<Long> moves = new ArrayList<>();
      clock.onMoved(() -> moves.add(clock.nowMillis()));
      clock.schedule(100, () -> moves.add(-clock.nowMillis()));
      clock.advance(0, Future::succeededFuture)
          .compose(x -> clock.advance(250, Future::succeededFuture))
          .compose(x -> clock.advance(50, Future::succeededFuture))
          .onComplete(test.succeeding(now -> test.verify(() -> {
            // Told before the timer due then fires (it sees the new time), and at each target.
            assertThat(moves).containsExactly(1_100L, -1_100L, 1_250L, 1_300L);
            test.completeNow();
          })));
    });
  }
}
