package io.callemu.bench.load;

import io.callemu.emulator.Callemu;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The callemu a harness drives: one already running ({@code --url}) or one it starts as a child
 * process ({@code --start-callemu}); the options for it and its memory figures. Blocking: for the
 * harness's main thread.
 */
final class CallemuTarget implements AutoCloseable {

  static final Set<String> VALUED =
      Set.of("url", "access-key", "callemu-pid", "callemu-jar", "callemu-jvm", "callemu-set", "ring-ms");
  static final Set<String> FLAGS = Set.of("start-callemu");
  static final String USAGE = String.join("\n",
      "  against a running callemu:  --url http://127.0.0.1:9080 [--access-key BASE64] [--callemu-pid PID]",
      "  or start one as a child:    --start-callemu [--callemu-jar emulator/target/callemu.jar]",
      "                              [--callemu-jvm \"-Xmx1g\"] [--ring-ms 500]",
      "                              [--callemu-set key=value,key=value]  (settings, as --set)");

  private final LoadArgs args;
  private final int ringMs;
  private CallemuProcess child;
  private String url;
  private long pid;
  private long idleRssKb = -1;

  /** @throws IllegalArgumentException for options that contradict each other or are out of range */
  CallemuTarget(LoadArgs args) {
    this.args = args;
    this.ringMs = args.integer("ring-ms", 500, 0, 600_000);
    this.pid = args.integer("callemu-pid", -1, 1, Integer.MAX_VALUE);
    this.url = args.string("url", null);
    if (args.flag("start-callemu") == (url != null)) {
      throw new IllegalArgumentException("give either --url or --start-callemu");
    }
  }

  /** The harness's own option names plus these. */
  static Set<String> with(Set<String> harnessOptions, Set<String> mine) {
    Set<String> all = new HashSet<>(harnessOptions);
    all.addAll(mine);
    return all;
  }

  /** Starts the child when asked to and notes callemu's memory before any load. */
  void start() throws IOException {
    if (args.flag("start-callemu")) {
      List<String> settings = new ArrayList<>();
      settings.add("call.ringMs=" + ringMs);
      String more = args.string("callemu-set", "");
      if (!more.isBlank()) {
        settings.addAll(List.of(more.trim().split(",")));
      }
      child = CallemuProcess.start(Path.of(args.string("callemu-jar", "emulator/target/callemu.jar")),
          CallemuProcess.splitOptions(args.string("callemu-jvm", "")), settings);
      url = child.httpUrl();
      pid = child.pid();
      System.out.println("started callemu (pid " + pid + "): " + child.commandLine());
    }
    idleRssKb = pid > 0 ? CallemuProcess.rssKb(pid) : -1;
  }

  String url() {
    return url;
  }

  /** callemu's process id, or -1 when unknown (a running callemu without {@code --callemu-pid}). */
  long pid() {
    return pid;
  }

  String accessKey() {
    return args.string("access-key", Callemu.WELL_KNOWN_ACCESS_KEY);
  }

  /** RSS before the load, now and at its peak, and the heap now; take it while the calls exist. */
  String memoryReport() {
    if (pid <= 0) {
      return "memory not measured (give --callemu-pid)";
    }
    return String.format("RSS %s before the load, %s now, peak %s; heap %s",
        mb(idleRssKb), mb(CallemuProcess.rssKb(pid)), mb(CallemuProcess.peakRssKb(pid)),
        CallemuProcess.heapSummary(pid));
  }

  /** Live heap KiB after a full collection (pauses callemu), or -1 when it cannot be read. */
  long liveHeapKb() {
    long[] heap = pid > 0 ? CallemuProcess.liveHeapKb(pid) : null;
    return heap == null ? -1 : heap[0];
  }

  private static String mb(long kb) {
    return kb < 0 ? "unknown" : String.format("%.0f MB", kb / 1024.0);
  }

  @Override
  public void close() {
    if (child != null) {
      child.close();
    }
  }
}
