package io.callemu.bench.soak;

import io.callemu.bench.load.CallemuClient;
import java.util.List;

/**
 * Scenario documents whose {@code audio} step names {@code /dev/zero} or {@code ../../etc/passwd}:
 * whether they are refused, and, when {@code /dev/zero} is accepted, what playing it to a call does
 * to callemu (heap capped at 512 MB here so that the damage stays small).
 */
final class ScenarioAudioPaths implements Scenario {

  @Override
  public String name() {
    return "scenario-audio-paths";
  }

  @Override
  public String finding() {
    return "a scenario's audio path may name any file (/dev/zero, ../../etc/…) and is read whole";
  }

  @Override
  public ChildLaunch launch(Bench bench) {
    return ChildLaunch.defaults().jvm("-Xmx512m").set("call.ringMs", 0);
  }

  @Override
  public void run(Bench bench, Target target, Outcome outcome) throws Exception {
    outcome.before(target);
    long accepted = 0;
    long serverErrors = 0;
    for (String path : List.of("../../etc/passwd", "/dev/zero")) {
      RawHttp.Response r = Bench.control(target, "POST", "/_emulator/scenarios",
          "{\"rules\":[{\"on\":\"callConnected\",\"do\":[{\"audio\":\"" + path + "\"}]}]}");
      outcome.figure("audio \"" + path + "\"", r.status() + " " + abbreviate(r.text()));
      accepted += r.status() / 100 == 2 ? 1 : 0;
      serverErrors += r.status() >= 500 ? 1 : 0;
      if (!path.equals("/dev/zero") && r.status() / 100 == 2) {
        Bench.control(target, "DELETE", "/_emulator/scenarios", null);
      }
    }
    AppServer app = bench.app();
    CallemuClient acs = bench.acs(target, 2);
    try (HealthProbe probe = HealthProbe.start(target)) {
      // A call whose CallConnected fires the rule, if it was accepted.
      String call = Bench.createCall(acs, app.uri(AppServer.Behaviour.OK, 0), "audio");
      Thread.sleep(10_000);
      outcome.during(target, probe);
      outcome.health(probe);
      Bench.hangUp(acs, List.of(call));
    }
    outcome.figure("log lines 'OutOfMemoryError'", target.logLines("OutOfMemoryError"));
    outcome.serverErrors(serverErrors);
    Bench.reset(target);
    outcome.after(target);
    outcome.check("audio paths outside the scenario's folder and the data dir accepted", "0", accepted,
        accepted == 0);
    outcome.checkNoServerErrors();
  }

  private static String abbreviate(String s) {
    return s.length() <= 160 ? s : s.substring(0, 160) + "…";
  }
}
