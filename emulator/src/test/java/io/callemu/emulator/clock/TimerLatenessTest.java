package io.callemu.emulator.clock;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
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
    JsonObject json = lateness.toJson();
    assertThat(json.getLong("fired")).isEqualTo(4);
    assertThat(json.getDouble("maxMs")).isEqualTo(3000.0);
    assertThat(json.getDouble("totalMs")).isEqualTo(3002.000001);
    assertThat(json.getJsonArray("buckets").getJsonObject(0).getLong("count")).isEqualTo(2);
    assertThat(json.getJsonArray("buckets").getJsonObject(1).getLong("count")).isEqualTo(1);
    JsonObject last = json.getJsonArray("buckets").getJsonObject(TimerLateness.BOUNDS_MS.length);
    assertThat(last.getValue("leMs")).isNull();
    assertThat(last.getLong("count")).isEqualTo(1);
  }

  @Test
  void theWallClockRecordsTimersThatRanButNotThoseCancelled(Vertx vertx, VertxTestContext test) {
    WallClock clock = new WallClock(vertx, vertx.getOrCreateContext(), 1.0);
    clock.schedule(60_000, () -> test.failNow("a cancelled timer ran")).cancel();
    clock.schedule(1, () -> test.verify(() -> {
      assertThat(clock.lateness().toJson().getLong("fired")).isEqualTo(1);
      test.completeNow();
    }));
  }
}
