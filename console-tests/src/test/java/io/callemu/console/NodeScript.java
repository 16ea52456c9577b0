package io.callemu.console;

import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One of the browser scripts in src/test/node, run with Node: its stdout lines are JSON answers,
 * read with a timeout; its stderr goes to the test's. Stopped on close.
 */
final class NodeScript implements AutoCloseable {

  static final Path DIR = Path.of(System.getProperty("callemu.browserDriverDir", "src/test/node"));
  private static final String END = "\u0000end";

  private final Process process;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final Writer stdin;

  private NodeScript(Process process) {
    this.process = process;
    this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    Thread reader = new Thread(() -> {
      try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = out.readLine()) != null) {
          lines.add(line);
        }
      } catch (IOException e) {
        // the script ended
      }
      lines.add(END);
    }, "node-script-stdout");
    reader.setDaemon(true);
    reader.start();
  }

  static NodeScript start(String script, List<String> args) {
    List<String> command = new java.util.ArrayList<>(List.of("node", script));
    command.addAll(args);
    try {
      return new NodeScript(new ProcessBuilder(command).directory(DIR.toFile())
          .redirectError(ProcessBuilder.Redirect.INHERIT).start());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The next JSON line the script prints (other lines are skipped), within {@code seconds}. */
  JsonObject next(int seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    for (;;) {
      String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (line == null) {
        throw new AssertionError(DIR.resolve("…") + ": no answer within " + seconds + " s");
      }
      if (line.equals(END)) {
        throw new AssertionError("the browser script ended without an answer (exit " + process.waitFor() + ")");
      }
      if (line.startsWith("{")) {
        return new JsonObject(line);
      }
    }
  }

  /** Sends a line to the script's stdin. */
  void tell(String line) throws IOException {
    stdin.write(line + "\n");
    stdin.flush();
  }

  /** Waits for the script to exit by itself; returns its exit code. */
  int waitFor(int seconds) throws InterruptedException {
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      throw new AssertionError("the browser script did not end within " + seconds + " s");
    }
    return process.exitValue();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }
}
