package io.callemu.bench.soak;

import io.callemu.bench.load.CallemuClient;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * Key presses scheduled through {@code POST /_emulator/calls/{id}/dtmf} an hour ahead, 100 long
 * tones a request: live heap with them pending, after every call hung up, and after
 * {@code POST /_emulator/reset} (the timers should die with their call).
 */
final class DtmfTimers implements Scenario {

  private static final int CALLS = 20;
  private static final int REQUESTS_PER_CALL = 10;

  @Override
  public String name() {
    return "dtmf-timers";
  }

  @Override
  public String finding() {
    return "DTMF timers scheduled by the control API outlive their calls and reset (864 MiB live heap kept)";
  }

  @Override
  public ChildLaunch launch(Bench bench) {
    return ChildLaunch.defaults().set("call.ringMs", 0);
  }

  @Override
  public void run(Bench bench, Target target, Outcome outcome) throws Exception {
    int calls = bench.scaled(CALLS);
    AppServer app = bench.app();
    CallemuClient acs = bench.acs(target, 8);
    outcome.before(target);
    String press = new JsonObject().put("tones", "0123456789".repeat(10)).put("toneMs", 10_000).put("gapMs", 0)
        .put("delayMs", 3_600_000).encode();
    long serverErrors = 0;
    long refused = 0;
    List<String> ids;
    try (HealthProbe probe = HealthProbe.start(target)) {
      ids = Bench.createCalls(acs, calls, i -> app.uri(AppServer.Behaviour.OK, i));
      Bench.waitUntil(() -> app.acknowledged().size() >= calls, 30_000);
      for (String id : ids) {
        for (int r = 0; r < REQUESTS_PER_CALL; r++) {
          int status = Bench.control(target, "POST", "/_emulator/calls/" + id + "/dtmf", press).status();
          serverErrors += status >= 500 ? 1 : 0;
          refused += status != 202 ? 1 : 0;
        }
      }
      outcome.during(target, probe);
      outcome.health(probe);
    }
    serverErrors += Bench.hangUp(acs, ids);
    long afterHangUpKb = target.liveHeapKb();
    outcome.serverErrors(serverErrors);
    Bench.reset(target);
    outcome.after(target);
    outcome.figure("dtmf requests", calls * REQUESTS_PER_CALL + " (100 tones of 10 s each, 1 h ahead; "
        + refused + " refused)");
    outcome.figure("live heap after every call hung up", Outcome.mb(afterHangUpKb));
    outcome.checkNoServerErrors();
    outcome.checkHeapBack();
  }
}
