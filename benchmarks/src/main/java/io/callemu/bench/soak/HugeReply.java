package io.callemu.bench.soak;

import io.callemu.bench.load.CallemuClient;

/**
 * A callback target that acknowledges with a 200 whose body is a gigabyte: how much callemu's RSS
 * and live heap grow while it reads the reply (a reply should be drained, not kept).
 */
final class HugeReply implements Scenario {

  private static final int REPLY_MB = 1_024;
  private static final long RSS_GROWTH_TARGET_MB = 64;

  @Override
  public String name() {
    return "huge-reply";
  }

  @Override
  public String finding() {
    return "a callback reply body is buffered whole (a 1.5 GiB reply grew RSS by 3.6 GiB)";
  }

  @Override
  public ChildLaunch launch(Bench bench) {
    return ChildLaunch.defaults().set("call.ringMs", 0);
  }

  @Override
  public void run(Bench bench, Target target, Outcome outcome) throws Exception {
    long bytes = (long) bench.scaled(REPLY_MB) << 20;
    AppServer app = bench.app().hugeReply(bytes);
    CallemuClient acs = bench.acs(target, 2);
    outcome.before(target);
    long drainMs;
    String call;
    try (HealthProbe probe = HealthProbe.start(target)) {
      long start = System.nanoTime();
      call = Bench.createCall(acs, app.uri(AppServer.Behaviour.HUGE, 0), "huge");
      boolean drained = Bench.waitUntil(() -> app.hugeBytesSent() >= bytes, 120_000);
      drainMs = drained ? (System.nanoTime() - start) / 1_000_000 : -1;
      // The reply is read; give callemu a moment to finish with it before measuring.
      Thread.sleep(1_000);
      outcome.during(target, probe);
      outcome.health(probe);
    }
    outcome.figure("reply body (MB)", bytes >> 20);
    outcome.figure("reply sent to callemu in (ms)", drainMs);
    long serverErrors = Bench.hangUp(acs, java.util.List.of(call));
    outcome.serverErrors(serverErrors);
    Bench.reset(target);
    outcome.after(target);
    outcome.checkRssGrowth(RSS_GROWTH_TARGET_MB, "a reply is drained, not kept");
    outcome.checkNoServerErrors();
    outcome.checkHeapBack();
  }
}
