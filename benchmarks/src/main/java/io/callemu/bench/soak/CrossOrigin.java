package io.callemu.bench.soak;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Control requests as a web page on another origin can send them without a preflight (a "simple"
 * POST with {@code Content-Type: text/plain}): whether callemu acts on them. A same-origin request
 * must keep working (the web console).
 */
final class CrossOrigin implements Scenario {

  private static final String EVIL = "http://evil.example";

  @Override
  public String name() {
    return "cross-origin";
  }

  @Override
  public String finding() {
    return "any web page can drive the control API: cross-origin text/plain POSTs are accepted whatever the Origin";
  }

  @Override
  public ChildLaunch launch(Bench bench) {
    return ChildLaunch.defaults();
  }

  @Override
  public void run(Bench bench, Target target, Outcome outcome) throws Exception {
    outcome.before(target);
    String host = RawHttp.hostHeader(target.uri());
    long accepted = 0;
    long serverErrors = 0;
    for (String[] r : List.of(
        new String[] {"/_emulator/faults", "{\"action\":\"callback\",\"times\":1}"},
        new String[] {"/_emulator/settings", "{\"call.ringMs\":\"1234\"}"},
        new String[] {"/_emulator/scenarios", "{\"rules\":[{\"on\":\"callConnected\",\"do\":[{\"hangup\":{}}]}]}"},
        new String[] {"/_emulator/reset", ""})) {
      RawHttp.Response answer = post(target, host, r[0], r[1], EVIL);
      outcome.figure("text/plain POST " + r[0] + " from " + EVIL, answer.status());
      accepted += answer.status() / 100 == 2 ? 1 : 0;
      serverErrors += answer.status() >= 500 ? 1 : 0;
    }
    RawHttp.Response same = post(target, host, "/_emulator/reset", "", "http://" + host);
    outcome.figure("POST /_emulator/reset from its own origin", same.status());
    outcome.serverErrors(serverErrors);
    outcome.after(target);
    outcome.check("cross-origin control requests acted on", "0", accepted, accepted == 0);
    outcome.check("same-origin control request", "2xx", same.status(), same.status() / 100 == 2);
    outcome.checkNoServerErrors();
  }

  private static RawHttp.Response post(Target target, String host, String path, String body, String origin)
      throws java.io.IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    String head = "POST " + path + " HTTP/1.1\r\nHost: " + host + "\r\nOrigin: " + origin
        + "\r\nContent-Type: text/plain;charset=UTF-8\r\nContent-Length: " + bytes.length
        + "\r\nConnection: close\r\n\r\n";
    return RawHttp.exchange(target.uri(), RawHttp.concat(head.getBytes(StandardCharsets.ISO_8859_1), bytes));
  }
}
