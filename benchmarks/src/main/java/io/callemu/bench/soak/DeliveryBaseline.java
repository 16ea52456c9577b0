package io.callemu.bench.soak;

import io.callemu.bench.load.CallemuClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The baseline to keep: 1,000 calls whose app fails the first attempt of one event in five. Every
 * CallConnected and CallDisconnected must reach the app exactly once (counted by CloudEvent id and
 * by call and type), and callemu's journal must show none undelivered.
 */
final class DeliveryBaseline implements Scenario {

  private static final int CALLS = 1_000;

  @Override
  public String name() {
    return "delivery-baseline";
  }

  @Override
  public String finding() {
    return "1,000 calls with 20 % of callbacks failing once: 0 lost, 0 duplicated (keep it so)";
  }

  @Override
  public ChildLaunch launch(Bench bench) {
    // Retries after 200 ms, so that the run takes seconds, not the default's minutes.
    return ChildLaunch.defaults().set("callback.retryDelayMs", 200).set("call.ringMs", 100);
  }

  @Override
  public void run(Bench bench, Target target, Outcome outcome) throws Exception {
    int calls = bench.scaled(CALLS);
    AppServer app = bench.app();
    CallemuClient acs = bench.acs(target, 32);
    outcome.before(target);
    try (HealthProbe probe = HealthProbe.start(target)) {
      List<String> ids = Bench.createCalls(acs, calls, i -> app.uri(AppServer.Behaviour.FLAKY, i));
      Bench.waitUntil(() -> count(app, "CallConnected") >= calls, 120_000);
      long hangUpErrors = Bench.hangUp(acs, ids);
      Bench.waitUntil(() -> count(app, "CallDisconnected") >= calls, 120_000);
      outcome.during(target, probe);
      outcome.health(probe);
      outcome.serverErrors(hangUpErrors);
      Map<String, Integer> byId = new HashMap<>();
      Map<String, Integer> byCallAndType = new HashMap<>();
      for (AppServer.Event e : app.acknowledged()) {
        byId.merge(e.id(), 1, Integer::sum);
        byCallAndType.merge(e.callIndex() + "/" + e.type(), 1, Integer::sum);
      }
      // The same event twice (by id), or a second event of one type for a call (a copy with a new id).
      long duplicated = Math.max(byId.values().stream().mapToLong(n -> n - 1).sum(),
          byCallAndType.values().stream().mapToLong(n -> n - 1).sum());
      long missing = 0;
      for (int i = 0; i < calls; i++) {
        for (String type : List.of("CallConnected", "CallDisconnected")) {
          missing += byCallAndType.containsKey(i + "/" + type) ? 0 : 1;
        }
      }
      long undelivered = undelivered(target);
      outcome.lost(missing + undelivered);
      outcome.duplicated(duplicated);
      outcome.figure("calls", calls);
      outcome.figure("callback requests received", app.requests());
      outcome.figure("first attempts failed on purpose", app.failedOnPurpose());
      outcome.figure("events missing at the app", missing);
      outcome.figure("journalled undelivered", undelivered);
    }
    Bench.reset(target);
    outcome.after(target);
    outcome.checkDelivery();
    outcome.checkNoServerErrors();
    outcome.checkHeapBack();
  }

  private static long count(AppServer app, String type) {
    return app.acknowledged().stream().filter(e -> e.type().equals(type)).map(AppServer.Event::callIndex)
        .distinct().count();
  }

  private static long undelivered(Target target) throws Exception {
    RawHttp.Response r = Bench.control(target, "GET", "/_emulator/events?kind=callback", null);
    JsonArray events = new JsonObject(r.text()).getJsonArray("events");
    long n = 0;
    for (int i = 0; i < events.size(); i++) {
      if ("undelivered".equals(events.getJsonObject(i).getString("outcome"))) {
        n++;
      }
    }
    return n;
  }
}
