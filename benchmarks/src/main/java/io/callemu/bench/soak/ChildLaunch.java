package io.callemu.bench.soak;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a scenario wants its callemu started: bind address, clock, HTTPS, settings, JVM options and
 * the open-files limit. The defaults are those of the load harnesses (plain HTTP on a free loopback
 * port, wall clock, time scale 1); a launch that changes anything but settings needs a child of its
 * own, since a running callemu cannot be given it.
 */
final class ChildLaunch {

  private String host = "127.0.0.1";
  private String clock = "wall";
  private double timeScale = 1;
  private boolean https;
  private int openFiles;
  private java.nio.file.Path dataDir;
  private final List<String> jvm = new ArrayList<>();
  private final Map<String, String> settings = new LinkedHashMap<>();

  static ChildLaunch defaults() {
    return new ChildLaunch();
  }

  ChildLaunch host(String address) {
    this.host = address;
    return this;
  }

  ChildLaunch virtualClock() {
    this.clock = "virtual";
    return this;
  }

  ChildLaunch timeScale(double scale) {
    this.timeScale = scale;
    return this;
  }

  ChildLaunch https() {
    this.https = true;
    return this;
  }

  /** Runs the child under {@code ulimit -n limit}. */
  ChildLaunch openFiles(int limit) {
    this.openFiles = limit;
    return this;
  }

  /** A data dir of the caller's (kept), instead of a fresh one per start. */
  ChildLaunch dataDir(java.nio.file.Path dir) {
    this.dataDir = dir;
    return this;
  }

  ChildLaunch jvm(String option) {
    jvm.add(option);
    return this;
  }

  ChildLaunch set(String key, Object value) {
    settings.put(key, String.valueOf(value));
    return this;
  }

  Map<String, String> settings() {
    return settings;
  }

  List<String> jvmOptions() {
    return jvm;
  }

  int openFilesLimit() {
    return openFiles;
  }

  /** True when only a child started for it can run the scenario (not a running callemu). */
  boolean needsOwnChild() {
    return !host.equals("127.0.0.1") || !clock.equals("wall") || timeScale != 1 || https || openFiles > 0
        || !jvm.isEmpty() || dataDir != null;
  }

  /** The command-line arguments; without {@code --data-dir} unless one was given (then a fresh one). */
  List<String> arguments() {
    List<String> args = new ArrayList<>(List.of("--host", host, "--port", "0",
        "--https-port", https ? "0" : "-1", "--clock", clock));
    if (clock.equals("wall")) {
      args.addAll(List.of("--time-scale", Double.toString(timeScale)));
    }
    settings.forEach((k, v) -> args.addAll(List.of("--set", k + "=" + v)));
    if (dataDir != null) {
      args.addAll(List.of("--data-dir", dataDir.toString()));
    }
    return args;
  }
}
