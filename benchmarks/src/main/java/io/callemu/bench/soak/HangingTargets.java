package io.callemu.bench.soak;

import io.callemu.bench.load.CallemuClient;
import io.callemu.bench.load.Latencies;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * One app (one host:port) whose handlers never answer the callbacks of 60 calls, and answer at once
 * for a call whose app floods callemu with plays and for healthy calls created one a second
 * meanwhile: how late each healthy call's CallConnected arrives after its ring time, and health
 * latency throughout.
 */
final class HangingTargets implements Scenario {

  private static final int HANGING = 60;
  private static final int HEALTHY = 10;
  private static final double TIME_SCALE = 0.05;
  private static final int RING_MS = 100;
  private static final long HEALTHY_LATENESS_TARGET_MS = 500;

  @Override
  public String name() {
    return "hanging-targets";
  }

  @Override
  public String finding() {
    return "60 calls whose targets hang on one host:port delay a healthy call's callbacks by seconds";
  }

  @Override
  public ChildLaunch launch(Bench bench) {
    return ChildLaunch.defaults().timeScale(TIME_SCALE).set("call.ringMs", RING_MS);
  }

  @Override
  public void run(Bench bench, Target target, Outcome outcome) throws Exception {
    // One app server for all: its handlers for some calls hang, for others they answer.
    AppServer app = bench.app();
    CallemuClient acs = bench.acs(target, 16);
    CallemuClient flooder = bench.acs(target, 1);
    outcome.before(target);
    List<String> calls = new ArrayList<>();
    long serverErrors = 0;
    long[] lateness = new long[bench.scaled(HEALTHY)];
    int plays = 0;
    try (HealthProbe probe = HealthProbe.start(target)) {
      calls.addAll(Bench.createCalls(acs, bench.scaled(HANGING),
          i -> app.uri(AppServer.Behaviour.HANG, 2_000 + i)));
      String flood = Bench.createCall(acs, app.uri(AppServer.Behaviour.OK, 1_000), "flood");
      calls.add(flood);
      Bench.waitUntil(() -> TrickleReply.find(app, 1_000, "CallConnected").isPresent(), 10_000);
      long ringNanos = (long) (RING_MS * TIME_SCALE * 1_000_000);
      for (int i = 0; i < lateness.length; i++) {
        long nextAt = System.nanoTime() + 1_000_000_000L;
        CallemuClient.Response created = Bench.await(acs.createCall(Bench.CALLEE,
            app.uri(AppServer.Behaviour.OK, i), "healthy-" + i), 30);
        serverErrors += created.status() >= 500 ? 1 : 0;
        calls.add(new JsonObject(created.body()).getString("callConnectionId"));
        int index = i;
        while (System.nanoTime() < nextAt) {
          // The flooding call: one play after the other, each answered PlayStarted and PlayCompleted.
          CallemuClient.Response played = Bench.await(flooder.action(flood, "play", play()), 30);
          serverErrors += played.status() >= 500 ? 1 : 0;
          plays++;
        }
        Bench.waitUntil(() -> TrickleReply.find(app, index, "CallConnected").isPresent(), 30_000);
        lateness[i] = TrickleReply.find(app, i, "CallConnected")
            .map(e -> e.arrivedNanos() - created.answeredNanos() - ringNanos).orElse(30_000_000_000L);
      }
      outcome.during(target, probe);
      outcome.health(probe);
    }
    Latencies late = new Latencies(lateness);
    outcome.figure("hanging calls", bench.scaled(HANGING));
    outcome.figure("healthy calls' CallConnected after their ring time", late.summary());
    outcome.figure("plays sent by the flooding call", plays);
    outcome.figure("callbacks the flooding call's app got", app.acknowledged().stream()
        .filter(e -> e.callIndex() == 1_000).count());
    serverErrors += Bench.hangUp(acs, calls);
    outcome.serverErrors(serverErrors);
    outcome.duplicated(app.acknowledged().size() - app.acknowledged().stream().map(AppServer.Event::id)
        .distinct().count());
    Bench.reset(target);
    outcome.after(target);
    outcome.check("healthy call's callback lateness, max", "≤ " + HEALTHY_LATENESS_TARGET_MS + " ms",
        Latencies.ms(late.max()), late.max() / 1_000_000 <= HEALTHY_LATENESS_TARGET_MS);
    outcome.checkNoServerErrors();
    outcome.checkHealth();
    outcome.checkHeapBack();
  }

  private static JsonObject play() {
    return new JsonObject()
        .put("playSources", new JsonArray().add(new JsonObject().put("kind", "text")
            .put("text", new JsonObject().put("text", "hi").put("voiceKind", "female"))))
        .put("playTo", new JsonArray())
        .put("operationContext", "flood");
  }
}
