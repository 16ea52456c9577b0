package io.callemu.bench.soak;

import io.callemu.bench.load.CallemuClient;
import java.util.List;

/**
 * Transcribed calls whose app accepts the WebSocket and never reads it, while each caller says
 * hundreds of long phrases one after the other: how far callemu's RSS and live heap grow with the
 * Final frames waiting for the stalled readers (the queues are bounded in frames, and the Final of
 * a long phrase is large).
 */
final class StalledTranscription implements Scenario {

  private static final int CALLS = 12;
  private static final int PHRASES = 300;
  /** Emulated length of each phrase. */
  private static final long PHRASE_MS = 2_000;
  /** From one phrase's start to the next: the phrase and more than the segmentation silence. */
  private static final long PHRASE_EVERY_MS = 2_600;
  private static final double TIME_SCALE = 0.01;
  private static final long RSS_GROWTH_TARGET_MB = 256;

  @Override
  public String name() {
    return "stalled-transcription";
  }

  @Override
  public String finding() {
    return "transcription stream queues are bounded in frames, not bytes (12 stalled streams: 3.7 GiB RSS)";
  }

  @Override
  public ChildLaunch launch(Bench bench) {
    return ChildLaunch.defaults().timeScale(TIME_SCALE).set("call.ringMs", 100);
  }

  @Override
  public void run(Bench bench, Target target, Outcome outcome) throws Exception {
    int calls = bench.scaled(CALLS);
    AppServer app = bench.app();
    CallemuClient acs = bench.acs(target, 8);
    outcome.before(target);
    String text = longText();
    List<String> ids = new java.util.ArrayList<>();
    long serverErrors = 0;
    try (HealthProbe probe = HealthProbe.start(target)) {
      for (int i = 0; i < calls; i++) {
        CallemuClient.Response created = Bench.await(acs.createTranscribedCall(Bench.CALLEE,
            app.uri(AppServer.Behaviour.OK, i), app.stalledWebSocket(i), "stalled-" + i), 30);
        if (created.status() != 201) {
          throw new java.io.IOException("createCall answered " + created.status() + ": " + created.bodyText());
        }
        ids.add(new io.vertx.core.json.JsonObject(created.body()).getString("callConnectionId"));
      }
      Bench.waitUntil(() -> app.webSockets() >= calls, 30_000);
      Bench.waitUntil(() -> app.acknowledged().stream().filter(e -> e.type().equals("CallConnected")).count()
          >= calls, 30_000);
      for (String id : ids) {
        for (int p = 0; p < PHRASES; p++) {
          String body = new io.vertx.core.json.JsonObject().put("text", text).put("delayMs", p * PHRASE_EVERY_MS)
              .put("durationMs", PHRASE_MS).encode();
          serverErrors += Bench.control(target, "POST", "/_emulator/calls/" + id + "/speech", body).status() >= 500
              ? 1 : 0;
        }
      }
      // Let the callers finish speaking and the frames pile up.
      Thread.sleep((long) (PHRASES * PHRASE_EVERY_MS * TIME_SCALE) + 3_000);
      outcome.during(target, probe);
      outcome.health(probe);
    }
    outcome.figure("stalled streams", app.webSockets());
    outcome.figure("phrases per call", PHRASES + " × " + text.length() + " characters, " + PHRASE_MS
        + " emulated ms each");
    serverErrors += Bench.hangUp(acs, ids);
    outcome.serverErrors(serverErrors);
    Bench.reset(target);
    outcome.after(target);
    outcome.checkRssGrowth(RSS_GROWTH_TARGET_MB, "frames bounded in bytes");
    outcome.checkNoServerErrors();
    outcome.checkHeapBack();
  }

  /** Nearly the control API's 10,000 characters of words. */
  private static String longText() {
    StringBuilder b = new StringBuilder();
    String[] words = {"please", "transfer", "my", "call", "to", "the", "billing", "department", "today"};
    for (int i = 0; b.length() < 9_900; i++) {
      b.append(i == 0 ? "" : " ").append(words[i % words.length]);
    }
    return b.toString();
  }
}
