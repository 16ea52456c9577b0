package io.callemu.bench.soak;

/**
 * callemu under a low open-files limit ({@code ulimit -n}) and more idle connections than it
 * allows: whether its acceptor survives and it accepts again once the connections are gone, what
 * its log says meanwhile, and how long SIGTERM then takes.
 */
final class OpenFilesLimit implements Scenario {

  private static final int LIMIT = 256;
  private static final int CONNECTIONS = 400;
  private static final long RECOVERY_TARGET_MS = 10_000;
  private static final long SIGTERM_TARGET_MS = 3_000;

  @Override
  public String name() {
    return "open-files-limit";
  }

  @Override
  public String finding() {
    return "at the open-files limit the acceptor dies (NoClassDefFoundError) and callemu never accepts again;"
        + " SIGTERM then takes 10 s";
  }

  @Override
  public ChildLaunch launch(Bench bench) {
    return ChildLaunch.defaults().openFiles(LIMIT);
  }

  @Override
  public void run(Bench bench, Target target, Outcome outcome) throws Exception {
    outcome.before(target);
    long fdsBefore = target.openFiles();
    long recovery;
    try (HealthProbe probe = HealthProbe.start(target)) {
      try (RawConnections idle = RawConnections.open(target.uri(), CONNECTIONS)) {
        Thread.sleep(3_000);
        outcome.figure("connections opened", idle.opened() + " (" + idle.connectFailures() + " failed to connect)");
        outcome.figure("callemu's open files", fdsBefore + " before, " + target.openFiles() + " at the limit "
            + LIMIT);
        outcome.during(target, probe);
      }
      recovery = HealthProbe.recovery(target, 1_000, 30_000);
      outcome.health(probe);
    }
    outcome.recoveryMs(recovery);
    outcome.figure("log lines 'Too many open files'", target.logLines("Too many open files"));
    long noClass = target.logLines("NoClassDefFoundError");
    outcome.figure("log lines 'NoClassDefFoundError'", noClass);
    outcome.after(target);
    long sigterm = target.terminate();
    outcome.figure("SIGTERM until exit (ms)", sigterm);
    outcome.check("accepts again once the connections are gone", "≤ " + RECOVERY_TARGET_MS + " ms",
        recovery < 0 ? "never (30 s)" : recovery + " ms", recovery >= 0 && recovery <= RECOVERY_TARGET_MS);
    outcome.check("NoClassDefFoundError in the log", "0", noClass, noClass == 0);
    outcome.check("SIGTERM until exit", "≤ " + SIGTERM_TARGET_MS + " ms", sigterm + " ms",
        sigterm >= 0 && sigterm <= SIGTERM_TARGET_MS);
  }
}
