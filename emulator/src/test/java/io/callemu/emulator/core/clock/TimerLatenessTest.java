package io.callemu.emulator.core.clock;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class TimerLatenessTest {

  @Test
  void countsEachTimerInTheFirstBucketThatHoldsIt() {
    TimerLateness lateness = new TimerLateness();
    lateness.record(-5);            // early counts as on time
    lateness.record(1_000_000);     // exactly 1 ms: the <=1 ms bucket
    lateness.record(1_000_001);     // just over: <=2 ms
    lateness.record(3_000_000_000L); // 3 s: beyond the last bound
    TimerLateness.Snapshot s = lateness.snapshot();
    assertThat(s.fired()).isEqualTo(4);
    assertThat(s.maxMs()).isEqualTo(3000.0);
    assertThat(s.totalMs()).isEqualTo(3002.000001);
    assertThat(s.buckets().get(0).count()).isEqualTo(2);
    assertThat(s.buckets().get(1).count()).isEqualTo(1);
    TimerLateness.Bucket last = s.buckets().get(TimerLateness.BOUNDS_MS.length);
    assertThat(last.leMs()).isNull();
    assertThat(last.count()).isEqualTo(1);
  }

  @Test
  void theWallClockRecordsTimersThatRanButNotThoseCancelled(Vertx vertx, VertxTestContext test) {
    WallClock clock = new WallClock(vertx, vertx.getOrCreateContext(), 1.0);
    clock.schedule(60_000, () -> test.failNow("a cancelled timer ran")).cancel();
    clock.schedule(1, () -> test.verify(() -> {
      assertThat(clock.lateness().snapshot().fired()).isEqualTo(1);
      test.completeNow();
    }));
  }
}
