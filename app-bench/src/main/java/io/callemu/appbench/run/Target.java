package io.callemu.appbench.run;

import io.callemu.appbench.plan.ClockMode;
import io.callemu.appbench.plan.EntryKind;
import io.callemu.appbench.plan.Plan;
import io.callemu.emulator.Callemu;
import io.callemu.emulator.CallemuConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The callemu a plan runs against: one started in this JVM for the plan (its clock, its Event Grid
 * webhook, the plan's settings), or one already running at a target URL.
 */
public final class Target implements AutoCloseable {

  /** Journal entries the embedded callemu keeps unless the plan says otherwise (about 20 s at 200 calls/s). */
  static final String JOURNAL_CAPACITY = "50000";

  private final String url;
  private final String controlToken;
  private final Callemu embedded;
  private final Path dataDir;

  private Target(String url, String controlToken, Callemu embedded, Path dataDir) {
    this.url = url;
    this.controlToken = controlToken;
    this.embedded = embedded;
    this.dataDir = dataDir;
  }

  /** A callemu already running at {@code url} (its clock must match the plan's). */
  public static Target remote(String url, String controlToken) {
    return new Target(url, controlToken, null, null);
  }

  /**
   * Starts a callemu for {@code plan} on 127.0.0.1 at the plan's port, HTTPS off.
   *
   * @throws IllegalStateException when it cannot start (e.g. the port is taken)
   */
  public static Target embedded(Plan plan) {
    Path dir;
    try {
      dir = Files.createTempDirectory("callemu-bench-");
    } catch (IOException e) {
      throw new IllegalStateException("cannot create a data dir for the embedded callemu: " + e.getMessage(), e);
    }
    CallemuConfig config = CallemuConfig.defaults().withHost("127.0.0.1").withPort(plan.callemuPort())
        .withHttpsPort(-1).withDataDir(dir)
        .withClock(plan.clock().mode() == ClockMode.VIRTUAL ? "virtual" : "wall")
        .withTimeScale(plan.clock().factor())
        .withSetting("journal.capacity", JOURNAL_CAPACITY);
    if (plan.entry().kind() == EntryKind.INBOUND) {
      config = config.withEventGridWebhook(plan.entry().url());
    }
    for (var s : plan.settings().entrySet()) {
      config = config.withSetting(s.getKey(), s.getValue());
    }
    Callemu callemu = Callemu.start(config);
    return new Target(callemu.httpUrl(), null, callemu, dir);
  }

  public String url() { return url; }
  public String controlToken() { return controlToken; }
  public boolean isEmbedded() { return embedded != null; }

  /** {@code embedded callemu at http://…} or {@code callemu at http://…}. */
  public String describe() {
    return (embedded != null ? "embedded callemu at " : "callemu at ") + url;
  }

  @Override
  public void close() {
    if (embedded != null) {
      embedded.close();
      try (var files = Files.walk(dataDir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        // a temp dir left behind is harmless
      }
    }
  }
}
