package io.callemu.appbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit code 2 for a bad command line, a bad plan and a callemu that cannot be used. */
class BenchMainTest {

  @TempDir
  Path dir;
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return BenchMain.run(args, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aBadCommandLineShowsTheUsage() {
    assertThat(run()).isEqualTo(BenchMain.BAD_PLAN);
    assertThat(err()).contains("no plan given").contains("usage: ./callemu bench");
    assertThat(run("plan.yaml", "--frobnicate")).isEqualTo(BenchMain.BAD_PLAN);
    assertThat(run("plan.yaml", "--target", "ftp://x")).isEqualTo(BenchMain.BAD_PLAN);
    assertThat(err()).contains("unknown option --frobnicate").contains("--target must be callemu's http URL");
  }

  @Test
  void aBadPlanNamesItsField() throws Exception {
    Path plan = dir.resolve("plan.yaml");
    Files.writeString(plan, "entry: {kind: inbound, webhook: 'http://127.0.0.1:1/x'}\ncalls: 1\narrival: {ratePerSecond: 0}\n"
        + "profiles: [{name: a, rules: []}]\n");
    assertThat(run(plan.toString())).isEqualTo(BenchMain.BAD_PLAN);
    assertThat(err()).contains("bad plan").contains("arrival.ratePerSecond must be a number");
    assertThat(run(dir.resolve("missing.yaml").toString())).isEqualTo(BenchMain.BAD_PLAN);
    assertThat(err()).contains("cannot read the plan");
  }

  @Test
  void aTargetThatDoesNotAnswerStopsTheRunBeforeItStarts() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Path plan = dir.resolve("plan.yaml");
    Files.writeString(plan, "entry: {kind: inbound, webhook: 'http://127.0.0.1:1/x'}\ncalls: 1\narrival: {concurrency: 1}\n"
        + "profiles: [{name: a, rules: []}]\n");
    assertThat(run(plan.toString(), "--target", "http://127.0.0.1:" + port, "--out", dir.resolve("out").toString()))
        .isEqualTo(BenchMain.BAD_PLAN);
    assertThat(err()).contains("does not answer");
    assertThat(dir.resolve("out")).doesNotExist();
  }
}
