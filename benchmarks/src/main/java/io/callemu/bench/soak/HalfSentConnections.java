package io.callemu.bench.soak;

import java.nio.charset.StandardCharsets;

/**
 * Thousands of connections that send half a request (headers without their end, or a body shorter
 * than its Content-Length) and then nothing: how many callemu still holds open after
 * {@value #HOLD_SECONDS} s, with one file descriptor each, and health latency meanwhile.
 */
final class HalfSentConnections implements Scenario {

  private static final int CONNECTIONS = 4_000;
  static final int HOLD_SECONDS = 30;

  @Override
  public String name() {
    return "half-sent";
  }

  @Override
  public String finding() {
    return "no idle or request timeout: 4,000 half-sent connections are held for 60 s and more, one fd each";
  }

  @Override
  public ChildLaunch launch(Bench bench) {
    return ChildLaunch.defaults();
  }

  @Override
  public void run(Bench bench, Target target, Outcome outcome) throws Exception {
    int count = bench.scaled(CONNECTIONS) / 2;
    String host = RawHttp.hostHeader(target.uri());
    byte[] halfHeaders = ("GET /_emulator/health HTTP/1.1\r\nHost: " + host + "\r\nX-Soak: ")
        .getBytes(StandardCharsets.ISO_8859_1);
    byte[] halfBody = ("POST /_emulator/settings HTTP/1.1\r\nHost: " + host
        + "\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"call.ringMs\":")
        .getBytes(StandardCharsets.ISO_8859_1);
    outcome.before(target);
    long fdsBefore = target.openFiles();
    try (HealthProbe probe = HealthProbe.start(target);
        RawConnections headers = RawConnections.open(target.uri(), count);
        RawConnections bodies = RawConnections.open(target.uri(), count)) {
      headers.sendToAll(halfHeaders, 30_000);
      bodies.sendToAll(halfBody, 30_000);
      long fdsHeld = target.openFiles();
      Thread.sleep(HOLD_SECONDS * 1_000L);
      int open = headers.opened() + bodies.opened() - headers.closedByServer() - bodies.closedByServer();
      outcome.during(target, probe);
      outcome.health(probe);
      outcome.figure("connections opened", headers.opened() + bodies.opened() + " ("
          + (headers.connectFailures() + bodies.connectFailures()) + " failed to connect)");
      outcome.figure("callemu's open files", fdsBefore + " before, " + fdsHeld + " with the connections, "
          + target.openFiles() + " after " + HOLD_SECONDS + " s");
      outcome.figure("still open after " + HOLD_SECONDS + " s", open);
      outcome.check("half-sent connections still open after " + HOLD_SECONDS + " s", "0", open, open == 0);
    }
    Bench.waitUntil(() -> target.openFiles() <= fdsBefore + 10, 10_000);
    outcome.figure("callemu's open files once the harness closed them", target.openFiles());
    outcome.after(target);
    outcome.checkNoServerErrors();
  }
}
