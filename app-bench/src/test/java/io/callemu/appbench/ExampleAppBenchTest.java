package io.callemu.appbench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's example end to end: the example IVR (Node, the official JS SDK) benchmarked with
 * the example plan (fewer calls) against an embedded callemu on the virtual clock; then the same
 * with the slow handler made slower, which must fail a threshold; and the report opened in
 * headless Chromium (the screenshot stays in target/).
 */
class ExampleAppBenchTest {

  static final Path APP_DIR = Path.of(System.getProperty("callemu.exampleAppDir", "../examples/ivr-js"));
  static final Path BROWSER_DIR = Path.of(System.getProperty("callemu.browserDriverDir", "src/test/node"));
  static final String KEY = io.callemu.emulator.Callemu.WELL_KNOWN_ACCESS_KEY;
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  @Test
  void theExamplePlanPassesWritesItsFilesAndItsReportShowsThePlotsInChromium() throws Exception {
    Path out = Path.of("target/bench-e2e/passing");
    Run run = bench(250, out);
    assertThat(run.exit).as(run.stdout + run.stderr).isEqualTo(BenchMain.PASSED);
    assertThat(run.stdout).contains("virtual clock").contains("PASS  p99ReactionMs[RecognizeFailed] < 1000");
    assertThat(run.stderr).contains("started 13/13");
    JsonNode summary = JSON.readTree(out.resolve("summary.json").toFile());
    assertThat(summary.get("passed").asBoolean()).isTrue();
    assertThat(summary.at("/overall/calls").asInt()).isEqualTo(13);
    assertThat(summary.at("/overall/failed").asInt()).isZero();
    assertThat(summary.at("/profiles/silent/resultCodes/RecognizeFailed~18510").asInt()).isEqualTo(3);
    // The slow handler is what the report shows as the slowest reaction.
    assertThat(summary.at("/overall/reactionByEvent/RecognizeFailed/p50Ms").asDouble()).isGreaterThanOrEqualTo(250.0);
    assertThat(summary.at("/overall/reactionByEvent/RecognizeCompleted/p50Ms").asDouble()).isLessThan(250.0);
    List<String> csv = Files.readAllLines(out.resolve("calls.csv"));
    assertThat(csv).hasSize(14);
    assertThat(csv.get(0)).startsWith("call,profile,callConnectionId");

    Path screenshot = Path.of("target/report-screenshot.png").toAbsolutePath();
    Files.deleteIfExists(screenshot);
    Process node = new ProcessBuilder("node", "screenshot.mjs", out.resolve("report.html").toAbsolutePath().toString(),
        screenshot.toString()).directory(BROWSER_DIR.toFile()).redirectErrorStream(true).start();
    String printed = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(node.waitFor(120, TimeUnit.SECONDS)).isTrue();
    JsonNode page = JSON.readTree(printed.lines().reduce((a, b) -> b).orElse("{}"));
    assertThat(page.get("errors")).as(printed).isEmpty();
    assertThat(page.get("network")).as("requests that left the file").isEmpty();
    assertThat(page.get("clock").asText()).isEqualTo("clock: virtual");
    assertThat(page.get("charts")).extracting(c -> c.get("id").asText())
        .containsExactly("distribution", "overTime", "outcomes", "timelines");
    // Axes alone paint a few thousand pixels; each chart here has its lines, bars or points too.
    page.get("charts").forEach(c -> assertThat(c.get("painted").asInt()).as(c.toString()).isGreaterThan(5_000));
    assertThat(Files.size(screenshot)).isGreaterThan(20_000);
  }

  @Test
  void makingTheSlowHandlerSlowerFailsTheRun() throws Exception {
    Path out = Path.of("target/bench-e2e/slower");
    Run run = bench(1_500, out);
    assertThat(run.exit).as(run.stdout + run.stderr).isEqualTo(BenchMain.THRESHOLD_FAILED);
    assertThat(run.stdout).contains("FAIL  p99ReactionMs[RecognizeFailed] < 1000");
    JsonNode summary = JSON.readTree(out.resolve("summary.json").toFile());
    assertThat(summary.get("passed").asBoolean()).isFalse();
    assertThat(summary.at("/overall/reactionByEvent/RecognizeFailed/p50Ms").asDouble()).isGreaterThanOrEqualTo(1_500.0);
  }

  /** Starts the IVR, runs the example plan with 13 calls against an embedded callemu, stops the IVR. */
  private Run bench(int slowMs, Path out) throws Exception {
    int callemuPort;
    try (ServerSocket s = new ServerSocket(0)) {
      callemuPort = s.getLocalPort();
    }
    ProcessBuilder pb = new ProcessBuilder("node", "app.mjs").directory(APP_DIR.toFile());
    pb.environment().put("PORT", "0");
    pb.environment().put("IVR_SLOW_MS", String.valueOf(slowMs));
    pb.environment().put("CALLEMU_CONNECTION_STRING", "endpoint=http://127.0.0.1:" + callemuPort + "/;accesskey=" + KEY);
    pb.redirectError(ProcessBuilder.Redirect.INHERIT);
    Process app = pb.start();
    try {
      BufferedReader lines = new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8));
      String ready = CompletableFuture.supplyAsync(() -> {
        try {
          return lines.readLine();
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).get(30, TimeUnit.SECONDS);
      assertThat(ready).startsWith("ivr listening on ");
      String appUrl = ready.substring("ivr listening on ".length()).trim();
      String plan = Files.readString(APP_DIR.resolve("bench.yaml"))
          .replace("http://127.0.0.1:8080", appUrl)
          .replace("calls: 30", "calls: 13\ncallemu: {port: " + callemuPort + "}")
          .replace("scenario: profiles/", "scenario: " + APP_DIR.toAbsolutePath().resolve("profiles") + "/");
      Path planFile = dir.resolve("bench.yaml");
      Files.writeString(planFile, plan);
      ByteArrayOutputStream stdout = new ByteArrayOutputStream();
      ByteArrayOutputStream stderr = new ByteArrayOutputStream();
      int exit = BenchMain.run(new String[] {planFile.toString(), "--out", out.toString()},
          new PrintStream(stdout, true, StandardCharsets.UTF_8), new PrintStream(stderr, true, StandardCharsets.UTF_8));
      return new Run(exit, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
    } finally {
      app.destroy();
      app.waitFor(10, TimeUnit.SECONDS);
    }
  }

  private record Run(int exit, String stdout, String stderr) {
  }
}
