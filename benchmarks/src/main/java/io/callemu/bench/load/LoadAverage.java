package io.callemu.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine's load average, printed with every run since other work skews wall-clock figures. */
public final class LoadAverage {

  private LoadAverage() {
  }

  /** {@code "1.23 0.98 0.70"} (1, 5 and 15 minutes) from {@code /proc/loadavg}, or "unknown". */
  public static String read() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (IOException | ArrayIndexOutOfBoundsException e) {
      return "unknown";
    }
  }
}
