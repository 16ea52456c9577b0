package io.callemu.bench.soak;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * callemu started with {@code --host 127.0.0.2} and with {@code --host ::1}: whether the ready line
 * advertises the address it bound (IPv6 in brackets) and whether that URL answers health.
 */
final class HostBinding implements Scenario {

  private static final Pattern HTTP_URL = Pattern.compile("\\bhttp=(\\S+)");

  @Override
  public String name() {
    return "host-binding";
  }

  @Override
  public String finding() {
    return "--host 127.0.0.2 or --host ::1 starts but prints a ready line with 127.0.0.1, which refuses connections";
  }

  @Override
  public ChildLaunch launch(Bench bench) {
    return ChildLaunch.defaults().host("127.0.0.2");
  }

  @Override
  public void run(Bench bench, Target target, Outcome outcome) throws Exception {
    outcome.before(target);
    long wrong = 0;
    wrong += judge(outcome, "127.0.0.2", "127.0.0.2", target.child().readyLine());
    Target ipv6;
    try {
      ipv6 = bench.startChild(ChildLaunch.defaults().host("::1"), name() + "-ipv6");
      wrong += judge(outcome, "::1", "[::1]", ipv6.child().readyLine());
    } catch (java.io.IOException e) {
      outcome.note("--host ::1 did not start: " + e.getMessage());
      wrong++;
    }
    outcome.after(target);
    outcome.check("ready lines advertising another address than the one bound, or not answering", "0", wrong,
        wrong == 0);
  }

  /** 0 when the ready line's http URL names {@code expectedHost} and answers health, else 1. */
  private static long judge(Outcome outcome, String bound, String expectedHost, String readyLine) {
    Matcher m = HTTP_URL.matcher(readyLine);
    String url = m.find() ? m.group(1) : "none";
    boolean answers;
    try {
      answers = RawHttp.exchange(URI.create(url), ("GET /_emulator/health HTTP/1.1\r\nHost: x\r\nConnection: close"
          + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)).status() == 200;
    } catch (Exception e) {
      answers = false;
    }
    boolean named = url.startsWith("http://" + expectedHost + ":");
    outcome.figure("--host " + bound, "ready line http=" + url + (answers ? ", answers" : ", does not answer"));
    return named && answers ? 0 : 1;
  }
}
