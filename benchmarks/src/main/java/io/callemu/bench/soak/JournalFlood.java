package io.callemu.bench.soak;

import io.callemu.bench.load.CallemuClient;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Plays whose {@code operationContext} is 1 MB: every PlayStarted and PlayCompleted carries it, and
 * the journal keeps them by count (10,000 entries), not by size. Live heap at the height of the
 * flood and after {@code POST /_emulator/reset}.
 */
final class JournalFlood implements Scenario {

  private static final int PLAYS = 2_400;
  private static final int PLAYS_PER_CALL = 100;
  private static final int CONTEXT_CHARS = 1_000_000;
  private static final long HEAP_GROWTH_TARGET_MB = 256;

  @Override
  public String name() {
    return "journal-flood";
  }

  @Override
  public String finding() {
    return "the journal is bounded in entries, not bytes (2,400 plays with a 1 MB operationContext: 2.4 GiB live heap)";
  }

  @Override
  public ChildLaunch launch(Bench bench) {
    return ChildLaunch.defaults().timeScale(0.01).set("call.ringMs", 100);
  }

  @Override
  public void run(Bench bench, Target target, Outcome outcome) throws Exception {
    int plays = bench.scaled(PLAYS);
    int calls = Math.max(1, plays / PLAYS_PER_CALL);
    AppServer app = bench.app();
    CallemuClient acs = bench.acs(target, 8);
    outcome.before(target);
    String context = "c".repeat(CONTEXT_CHARS);
    List<String> ids;
    long serverErrors = 0;
    try (HealthProbe probe = HealthProbe.start(target)) {
      ids = Bench.createCalls(acs, calls, i -> app.uri(AppServer.Behaviour.OK, i));
      Bench.waitUntil(() -> completed(app, "CallConnected") >= calls, 30_000);
      List<Future<CallemuClient.Response>> sent = new ArrayList<>();
      for (int i = 0; i < plays; i++) {
        sent.add(acs.action(ids.get(i % calls), "play", play(context)));
      }
      try {
        Bench.await(Future.join(sent), 600);
      } catch (Exception e) {
        outcome.note("not every play was answered: " + e);
      }
      serverErrors += sent.stream().filter(f -> f.failed() || f.result().status() >= 500).count();
      Bench.waitUntil(() -> completed(app, "PlayCompleted") >= plays, 300_000);
      outcome.during(target, probe);
      outcome.health(probe);
    }
    outcome.figure("plays", plays + " on " + calls + " calls, operationContext " + CONTEXT_CHARS + " characters");
    outcome.figure("PlayCompleted received", completed(app, "PlayCompleted"));
    serverErrors += Bench.hangUp(acs, ids);
    outcome.serverErrors(serverErrors);
    Bench.reset(target);
    outcome.after(target);
    long growthMb = (outcome.heapDuringKb() - outcome.heapBeforeKb()) / 1024;
    outcome.check("live heap growth at the height of the flood (journal bounded in bytes)",
        "≤ " + HEAP_GROWTH_TARGET_MB + " MB", growthMb + " MB", outcome.heapDuringKb() > 0
            && growthMb <= HEAP_GROWTH_TARGET_MB);
    outcome.checkNoServerErrors();
    outcome.checkHeapBack();
  }

  private static long completed(AppServer app, String type) {
    return app.acknowledged().stream().filter(e -> e.type().equals(type)).count();
  }

  private static JsonObject play(String context) {
    return new JsonObject()
        .put("playSources", new JsonArray().add(new JsonObject().put("kind", "text")
            .put("text", new JsonObject().put("text", "hi").put("voiceKind", "female"))))
        .put("playTo", new JsonArray())
        .put("operationContext", context);
  }
}
