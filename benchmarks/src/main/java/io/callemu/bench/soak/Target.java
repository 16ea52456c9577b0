package io.callemu.bench.soak;

import io.callemu.bench.load.CallemuProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The callemu one scenario runs against: a child started for it (with its log in a file, so that
 * stack traces can be counted) or one already running ({@code --url}, memory only with
 * {@code --callemu-pid}). Blocking: for the harness's main thread.
 */
final class Target implements AutoCloseable {

  private final CallemuProcess child;
  private final String url;
  private final long pid;
  private final Path log;

  private Target(CallemuProcess child, String url, long pid, Path log) {
    this.child = child;
    this.url = url;
    this.pid = pid;
    this.log = log;
  }

  /** Starts a child for {@code launch}; its stderr goes to {@code log}. */
  static Target start(Path jar, ChildLaunch launch, Path log) throws IOException {
    CallemuProcess child = CallemuProcess.start(jar, launch.jvmOptions(), launch.arguments(),
        launch.openFilesLimit(), log);
    return new Target(child, child.httpUrl(), child.pid(), log);
  }

  /** A running callemu; the launch's settings are applied through the control API. */
  static Target running(String url, long pid, ChildLaunch launch) throws IOException {
    Target target = new Target(null, url, pid, null);
    if (!launch.settings().isEmpty()) {
      StringBuilder json = new StringBuilder("{");
      for (Map.Entry<String, String> e : launch.settings().entrySet()) {
        json.append(json.length() > 1 ? "," : "").append('"').append(e.getKey()).append("\":\"")
            .append(e.getValue()).append('"');
      }
      RawHttp.Response answer = RawHttp.send(target, "POST", "/_emulator/settings", json.append('}').toString());
      if (answer.status() != 200) {
        throw new IOException("cannot apply the settings " + launch.settings() + ": " + answer.status()
            + " " + answer.text());
      }
    }
    return target;
  }

  String url() {
    return url;
  }

  URI uri() {
    return URI.create(url);
  }

  /** The child, or null for a running callemu. */
  CallemuProcess child() {
    return child;
  }

  long pid() {
    return pid;
  }

  long rssKb() {
    return pid > 0 ? CallemuProcess.rssKb(pid) : -1;
  }

  long peakRssKb() {
    return pid > 0 ? CallemuProcess.peakRssKb(pid) : -1;
  }

  /** Live heap in KiB after a full collection (pauses callemu), or -1. */
  long liveHeapKb() {
    long[] heap = pid > 0 ? CallemuProcess.liveHeapKb(pid) : null;
    return heap == null ? -1 : heap[0];
  }

  /** Open file descriptors of the process, or -1. */
  long openFiles() {
    if (pid <= 0) {
      return -1;
    }
    try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
      return fds.count();
    } catch (IOException | UncheckedIOException e) {
      return -1;
    }
  }

  /** Lines of the child's log so far that contain {@code text}; -1 without a log. */
  long logLines(String text) {
    if (log == null) {
      return -1;
    }
    try (Stream<String> lines = Files.lines(log, StandardCharsets.ISO_8859_1)) {
      return lines.filter(l -> l.contains(text)).count();
    } catch (IOException | UncheckedIOException e) {
      return -1;
    }
  }

  /** Stack-trace frames ({@code "\tat "} lines) in the child's log so far; -1 without a log. */
  long stackTraceLines() {
    return logLines("\tat ");
  }

  /** SIGTERM and the milliseconds until the child was gone; -1 for a running callemu (left alone). */
  long terminate() {
    return child == null ? -1 : child.terminate(20);
  }

  @Override
  public void close() {
    if (child != null) {
      child.close();
    }
  }
}
