package io.callemu.bench.soak;

import io.callemu.bench.load.CallemuClient;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A callback target that answers 200 at once and then trickles its body one byte a second. On the
 * virtual clock: how long one {@code POST /_emulator/clock/advance} is held, how long the trickled
 * attempt lasts, and how late the same call's next event (its CallDisconnected, caused meanwhile)
 * and another call's CallConnected arrive.
 */
final class TrickleReply implements Scenario {

  /** callback.timeoutMs's default, which should bound one whole exchange. */
  private static final long CALLBACK_TIMEOUT_MS = 10_000;
  private static final long SLACK_MS = 2_000;

  @Override
  public String name() {
    return "trickle-reply";
  }

  @Override
  public String finding() {
    return "a target trickling its reply holds one attempt past callback.timeoutMs, the call's later events"
        + " wait behind it, and clock/advance is held as long";
  }

  @Override
  public ChildLaunch launch(Bench bench) {
    return ChildLaunch.defaults().virtualClock();
  }

  @Override
  public void run(Bench bench, Target target, Outcome outcome) throws Exception {
    long trickleMs = bench.scaled(30) * 1_000L;
    AppServer app = bench.app().trickle(1_000, trickleMs);
    CallemuClient acs = bench.acs(target, 4);
    outcome.before(target);
    String slow = Bench.createCall(acs, app.uri(AppServer.Behaviour.TRICKLE, 0), "slow");
    Bench.createCall(acs, app.uri(AppServer.Behaviour.OK, 1), "healthy");
    long advanceMs;
    try (HealthProbe probe = HealthProbe.start(target)) {
      long start = System.nanoTime();
      CompletableFuture<RawHttp.Response> advance = CompletableFuture.supplyAsync(() -> {
        try {
          return Bench.control(target, "POST", "/_emulator/clock/advance", "{\"ms\":1000}");
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
      // Once the slow call's CallConnected is being trickled, the app hangs that call up.
      Bench.waitUntil(() -> find(app, 0, "CallConnected").isPresent(), 10_000);
      long hangUpSent = System.nanoTime();
      Bench.await(acs.hangUp(slow), 30);
      Bench.waitUntil(() -> find(app, 0, "CallDisconnected").isPresent(), trickleMs + 30_000);
      RawHttp.Response answered = advance.get(trickleMs / 1000 + 120, java.util.concurrent.TimeUnit.SECONDS);
      advanceMs = (System.nanoTime() - start) / 1_000_000;
      outcome.during(target, probe);
      outcome.health(probe);
      outcome.serverErrors(answered.status() >= 500 ? 1 : 0);
      long disconnectedLateMs = find(app, 0, "CallDisconnected")
          .map(e -> (e.arrivedNanos() - hangUpSent) / 1_000_000).orElse(-1L);
      long healthyMs = find(app, 1, "CallConnected").map(e -> (e.arrivedNanos() - start) / 1_000_000).orElse(-1L);
      long held = app.heldMillis().stream().mapToLong(Long::longValue).max().orElse(-1);
      outcome.figure("trickle offered (ms)", trickleMs);
      outcome.figure("trickled attempt lasted (ms)", held);
      outcome.figure("clock/advance held (ms)", advanceMs);
      outcome.figure("same call's CallDisconnected after the hang-up (ms)", disconnectedLateMs);
      outcome.figure("other call's CallConnected after the advance began (ms)", healthyMs);
      outcome.lost(find(app, 0, "CallDisconnected").isPresent() && find(app, 1, "CallConnected").isPresent() ? 0 : 1);
      outcome.duplicated(app.acknowledged().size() - app.acknowledged().stream().map(AppServer.Event::id)
          .distinct().count());
      long bound = CALLBACK_TIMEOUT_MS + SLACK_MS;
      outcome.check("one attempt, body included", "≤ callback.timeoutMs + 2 s = " + bound + " ms", held + " ms",
          held >= 0 && held <= bound);
      outcome.check("clock/advance held", "≤ " + bound + " ms", advanceMs + " ms", advanceMs <= bound);
      outcome.check("same call's next event after the hang-up", "≤ " + bound + " ms", disconnectedLateMs + " ms",
          disconnectedLateMs >= 0 && disconnectedLateMs <= bound);
    }
    Bench.reset(target);
    outcome.after(target);
    outcome.checkDelivery();
    outcome.checkNoServerErrors();
  }

  static Optional<AppServer.Event> find(AppServer app, int callIndex, String type) {
    return app.acknowledged().stream().filter(e -> e.callIndex() == callIndex && e.type().equals(type)).findFirst();
  }
}
