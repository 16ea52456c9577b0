package io.callemu.bench.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A callemu the harness started itself ({@code java -jar callemu.jar} on the wall clock, time scale
 * 1, plain HTTP on a free loopback port, HTTPS off), so that its memory can be read from
 * {@code /proc} and its heap with {@code jcmd}. Blocking: call from the harness's main thread only.
 */
final class CallemuProcess implements AutoCloseable {

  private static final long READY_TIMEOUT_SECONDS = 60;
  private static final Pattern HTTP_URL = Pattern.compile("\\bhttp=(\\S+)");
  private static final Pattern G1_HEAP = Pattern.compile("total (\\d+)K, used (\\d+)K");

  private final Process process;
  private final Path dataDir;
  private final String httpUrl;
  private final List<String> command;

  private CallemuProcess(Process process, Path dataDir, String httpUrl, List<String> command) {
    this.process = process;
    this.dataDir = dataDir;
    this.httpUrl = httpUrl;
    this.command = command;
  }

  /**
   * Starts callemu and waits for its ready line.
   *
   * @param jvmOptions extra JVM options, e.g. {@code -Xmx512m}
   * @param settings {@code key=value} fidelity switches passed as {@code --set}
   */
  static CallemuProcess start(Path jar, List<String> jvmOptions, List<String> settings) throws IOException {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalArgumentException(jar + " does not exist; build it with"
          + " mvn -B -q -pl emulator -am package -DskipTests");
    }
    Path dataDir = Files.createTempDirectory("callemu-load");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", jar.toString(), "--host", "127.0.0.1", "--port", "0",
        "--https-port", "-1", "--clock", "wall", "--time-scale", "1", "--data-dir", dataDir.toString()));
    for (String setting : settings) {
      command.addAll(List.of("--set", setting));
    }
    Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    CompletableFuture<String> readyLine = new CompletableFuture<>();
    // Drains stdout for the whole life of the child so that it never blocks on a full pipe.
    Thread reader = new Thread(() -> {
      try (BufferedReader out = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = out.readLine()) != null; ) {
          if (line.startsWith("callemu ready ")) {
            readyLine.complete(line);
          }
        }
      } catch (IOException e) {
        readyLine.completeExceptionally(e);
      }
      readyLine.completeExceptionally(new IOException("callemu exited before its ready line"));
    }, "callemu-stdout");
    reader.setDaemon(true);
    reader.start();
    try {
      Matcher url = HTTP_URL.matcher(readyLine.get(READY_TIMEOUT_SECONDS, TimeUnit.SECONDS));
      if (!url.find()) {
        throw new IOException("the ready line carries no http=<url>");
      }
      return new CallemuProcess(process, dataDir, url.group(1), command);
    } catch (InterruptedException | ExecutionException | TimeoutException | IOException e) {
      process.destroyForcibly();
      throw new IOException("callemu did not become ready: " + e, e);
    }
  }

  String httpUrl() {
    return httpUrl;
  }

  long pid() {
    return process.pid();
  }

  /** The command line it was started with, for the report. */
  String commandLine() {
    return String.join(" ", command);
  }

  /** Resident set size in KiB ({@code VmRSS}), or -1 when it cannot be read. */
  static long rssKb(long pid) {
    return procStatusKb(pid, "VmRSS:");
  }

  /** Peak resident set size since start in KiB ({@code VmHWM}), or -1. */
  static long peakRssKb(long pid) {
    return procStatusKb(pid, "VmHWM:");
  }

  private static long procStatusKb(long pid, String field) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith(field)) {
          return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
        }
      }
    } catch (IOException | NumberFormatException e) {
      // not Linux, or the process is gone: no figure rather than a wrong one
    }
    return -1;
  }

  /**
   * Live Java heap: {@code used of committed} from {@code jcmd <pid> GC.heap_info} right after a
   * full collection ({@code GC.run}), so that garbage not yet collected does not count; or a
   * sentence saying why there is none (works for the G1 and serial collectors' "total …K, used
   * …K" line). Run it after the measurement: the collection pauses callemu.
   */
  static String heapSummary(long pid) {
    long[] heap = liveHeapKb(pid);
    return heap == null ? "unavailable (jcmd failed, timed out or gave no heap line)"
        : String.format("%.1f MB live of %.1f MB committed", heap[0] / 1024.0, heap[1] / 1024.0);
  }

  /** {@code {used, committed}} KiB of the heap right after a full collection, or null (see {@link #heapSummary}). */
  static long[] liveHeapKb(long pid) {
    String heapInfo = jcmd(pid, "GC.run") == null ? null : jcmd(pid, "GC.heap_info");
    if (heapInfo == null) {
      return null;
    }
    Matcher m = G1_HEAP.matcher(heapInfo);
    long used = 0;
    long total = 0;
    while (m.find()) {
      total += Long.parseLong(m.group(1));
      used += Long.parseLong(m.group(2));
    }
    return total == 0 ? null : new long[] {used, total};
  }

  /** The output of {@code jcmd <pid> <command>}, or null when it failed or took over 20 s. */
  private static String jcmd(long pid, String command) {
    try {
      Process jcmd = new ProcessBuilder(
          Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(pid), command)
          .redirectErrorStream(true).start();
      CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
        try {
          return new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
          return "";
        }
      });
      if (!jcmd.waitFor(20, TimeUnit.SECONDS)) {
        jcmd.destroyForcibly();
        return null;
      }
      return jcmd.exitValue() == 0 ? output.get(5, TimeUnit.SECONDS) : null;
    } catch (IOException | InterruptedException | ExecutionException | TimeoutException e) {
      return null;
    }
  }

  /** SIGTERM, then a kill when it has not stopped within ten seconds; removes the data dir. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    try (var paths = Files.walk(dataDir)) {
      paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      System.err.println("could not remove " + dataDir + ": " + e.getMessage());
    }
  }

  /** Splits {@code "-Xmx1g -XX:+UseSerialGC"} into options. */
  static List<String> splitOptions(String options) {
    return options == null || options.isBlank() ? List.of() : Arrays.asList(options.trim().split("\\s+"));
  }
}
