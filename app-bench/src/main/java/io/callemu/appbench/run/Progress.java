package io.callemu.appbench.run;

import java.io.PrintStream;
import java.util.Locale;

/** The progress line, once a second: on a terminal it rewrites itself, elsewhere it is one line each time. */
final class Progress {

  private final PrintStream out;
  private final boolean terminal = System.console() != null;

  Progress(PrintStream out) {
    this.out = out;
  }

  void show(BenchRun run) {
    String planned = run.planned() >= 0 ? "/" + run.planned() : "";
    String line = String.format(Locale.ROOT, "bench %6.1fs  started %d%s  active %d  ended %d  failures %d  emulated %.1fs",
        run.elapsedSeconds(), run.started(), planned, run.activeCount(), run.endedCount(), run.failedCount(),
        run.emulatedSeconds());
    if (terminal) {
      out.print("\r" + line + "   ");
    } else {
      out.println(line);
    }
    out.flush();
  }

  /** Ends the rewritten line on a terminal. */
  void end() {
    if (terminal) {
      out.println();
    }
  }
}
