package io.callemu.bench.soak;

import java.nio.charset.StandardCharsets;

/**
 * Unauthenticated {@code POST /calling/callConnections} requests that announce a 1 MiB body, send
 * all of it but the last byte and stop: how far callemu's RSS grows holding them (a signature should
 * be checked before a body is read past a small bound).
 */
final class UnauthenticatedBodies implements Scenario {

  private static final int CONNECTIONS = 1_500;
  private static final int BODY = 1 << 20;
  private static final long RSS_GROWTH_TARGET_MB = 64;

  @Override
  public String name() {
    return "unauthenticated-bodies";
  }

  @Override
  public String finding() {
    return "/calling buffers up to 1 MiB of every request before checking its signature, with no read timeout"
        + " (1,500 unfinished bodies: RSS 79 MiB to 3.8 GiB)";
  }

  @Override
  public ChildLaunch launch(Bench bench) {
    return ChildLaunch.defaults();
  }

  @Override
  public void run(Bench bench, Target target, Outcome outcome) throws Exception {
    int count = bench.scaled(CONNECTIONS);
    byte[] head = ("POST /calling/callConnections?api-version=2023-03-06 HTTP/1.1\r\nHost: "
        + RawHttp.hostHeader(target.uri()) + "\r\nContent-Type: application/json\r\nContent-Length: " + BODY
        + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
    byte[] request = RawHttp.concat(head, new byte[BODY - 1]);
    outcome.before(target);
    try (HealthProbe probe = HealthProbe.start(target);
        RawConnections connections = RawConnections.open(target.uri(), count)) {
      long start = System.nanoTime();
      long written = connections.sendToAll(request, 120_000);
      long sendMs = (System.nanoTime() - start) / 1_000_000;
      Thread.sleep(2_000);
      outcome.during(target, probe);
      outcome.health(probe);
      outcome.figure("unfinished bodies", connections.opened() + " connections, " + (written >> 20)
          + " MB sent in " + sendMs + " ms");
      outcome.figure("closed by callemu meanwhile", connections.closedByServer());
    }
    Bench.waitUntil(() -> false, 2_000);
    outcome.after(target);
    outcome.checkRssGrowth(RSS_GROWTH_TARGET_MB, "bodies not read before authentication");
    outcome.checkNoServerErrors();
  }
}
