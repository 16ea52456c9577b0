package io.callemu.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Node app of src/test/node (app.mjs, transcription-app.mjs) as a child process: it uses
 * {@code @azure/communication-call-automation} 1.6.0 exactly as an app does and receives the
 * callbacks on its own loopback web server. Commands go as JSON lines on stdin, replies come back
 * as JSON lines on stdout (the protocol of harness.mjs); every wait is bounded.
 */
public final class NodeApp implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);
  /** Extra time on top of a command's own timeout for the reply to come back. */
  private static final Duration REPLY_MARGIN = Duration.ofSeconds(10);
  private static final int STDERR_KEEP_CHARS = 64 * 1024;

  private final Process process;
  private final OutputStream stdin;
  private final Map<Long, CompletableFuture<Reply>> pending = new ConcurrentHashMap<>();
  private final CompletableFuture<JsonNode> ready = new CompletableFuture<>();
  private final StringBuilder stderr = new StringBuilder();
  private final AtomicLong ids = new AtomicLong();
  private final JsonNode hello;

  /** One reply of the app: {@code value} when ok, else {@code failure}; {@code wire} is every HTTP exchange the SDK made. */
  public record Reply(String op, boolean ok, JsonNode value, JsonNode failure, JsonNode wire) {

    /** The result of a command that must have succeeded. */
    public JsonNode result() {
      if (!ok) {
        throw new AssertionError("JS SDK op " + op + " failed: " + failure + "\nwire: " + wire);
      }
      return value;
    }

    /** The error of a command that must have failed. */
    public JsonNode error() {
      if (ok) {
        throw new AssertionError("JS SDK op " + op + " was expected to fail but returned " + value + "\nwire: " + wire);
      }
      return failure;
    }

    /** The last HTTP exchange the SDK made for this command. */
    public JsonNode lastExchange() {
      if (wire == null || wire.isEmpty()) {
        throw new AssertionError("JS SDK op " + op + " made no HTTP request; error: " + failure);
      }
      return wire.get(wire.size() - 1);
    }
  }

  private NodeApp(Process process) {
    this.process = process;
    this.stdin = process.getOutputStream();
    Thread out = new Thread(this::readStdout, "node-app-stdout");
    out.setDaemon(true);
    out.start();
    Thread err = new Thread(this::readStderr, "node-app-stderr");
    err.setDaemon(true);
    err.start();
    try {
      this.hello = ready.get(STARTUP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
      throw new IllegalStateException("interrupted while starting the Node app", e);
    } catch (ExecutionException | TimeoutException e) {
      close();
      throw new IllegalStateException("the Node app " + process.info().commandLine().orElse("") + " did not start within " + STARTUP_TIMEOUT + "; stderr:\n" + stderr(), e);
    }
  }

  /** Starts {@code node app.mjs}, the app of the io.callemu.conformance classes. */
  static NodeApp start(Path extraCaPem) {
    return start("app.mjs", extraCaPem, Map.of());
  }

  /**
   * Starts {@code node <script>} in the driver directory (installed by the build's {@code npm ci}).
   *
   * @param script a script of src/test/node that speaks harness.mjs's protocol
   * @param extraCaPem a PEM file Node must trust (NODE_EXTRA_CA_CERTS) for HTTPS, or null
   * @param environment further environment variables of the script
   */
  public static NodeApp start(String script, Path extraCaPem, Map<String, String> environment) {
    return start(Path.of(System.getProperty("callemu.nodeDriverDir", "src/test/node")), script,
        "@azure/communication-call-automation", extraCaPem, environment);
  }

  /**
   * Starts {@code node <script>} in another Node project of the suite.
   *
   * @param requiredModule the SDK the build's {@code npm ci} installs there, checked first
   */
  public static NodeApp start(Path projectDir, String script, String requiredModule, Path extraCaPem,
      Map<String, String> environment) {
    Path dir = projectDir.toAbsolutePath();
    if (!Files.isDirectory(dir.resolve("node_modules").resolve(requiredModule))) {
      throw new IllegalStateException(requiredModule + " is not installed in " + dir
          + "; run the Maven build (it runs `npm ci` there) or `npm ci` in that directory");
    }
    ProcessBuilder builder = new ProcessBuilder("node", script).directory(dir.toFile());
    builder.environment().putAll(environment);
    if (extraCaPem != null) {
      builder.environment().put("NODE_EXTRA_CA_CERTS", extraCaPem.toAbsolutePath().toString());
    }
    try {
      return new NodeApp(builder.start());
    } catch (IOException e) {
      throw new IllegalStateException("conformance-tests needs Node 20 (`node`) on the PATH: " + e.getMessage(), e);
    }
  }

  /** The app's ready line: {@code callbackBaseUrl} and what else the script announces. */
  public JsonNode hello() {
    return hello;
  }

  /** Base URL of the app's web server, e.g. {@code http://127.0.0.1:40123}. */
  String callbackBaseUrl() {
    return hello.path("callbackBaseUrl").asText();
  }

  /** The app's callback URL for a tag (one tag per test keeps the callbacks apart). */
  public String callbackUrl(String tag) {
    return callbackBaseUrl() + "/callbacks/" + tag;
  }

  String eventGridWebhookUrl() {
    return callbackBaseUrl() + "/eventgrid";
  }

  /** Runs one command; arguments are the command's fields besides "op". Waits at most its timeoutMs plus a margin. */
  public Reply call(String op, Map<String, ?> arguments) {
    long id = ids.incrementAndGet();
    ObjectNode command = JSON.valueToTree(arguments);
    command.put("id", id).put("op", op);
    long timeoutMs = command.path("timeoutMs").asLong(10_000) + REPLY_MARGIN.toMillis();
    CompletableFuture<Reply> reply = new CompletableFuture<>();
    pending.put(id, reply);
    try {
      synchronized (stdin) {
        stdin.write((command + "\n").getBytes(StandardCharsets.UTF_8));
        stdin.flush();
      }
      return reply.get(timeoutMs, TimeUnit.MILLISECONDS);
    } catch (IOException e) {
      throw new UncheckedIOException("the Node app is gone; stderr:\n" + stderr(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException | TimeoutException e) {
      throw new AssertionError("no reply from the Node app to " + command + " within " + timeoutMs + " ms; stderr:\n" + stderr(), e);
    } finally {
      pending.remove(id);
    }
  }

  /** Everything the app wrote to stderr (parse failures are reported there too), truncated to the last 64 KiB. */
  public String stderr() {
    synchronized (stderr) {
      return stderr.toString();
    }
  }

  private void readStdout() {
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        JsonNode message;
        try {
          message = JSON.readTree(line);
        } catch (IOException e) {
          appendStderr("[unparsable stdout line] " + line + "\n");
          continue;
        }
        if (message.path("ready").asBoolean(false)) {
          ready.complete(message);
          continue;
        }
        CompletableFuture<Reply> reply = pending.get(message.path("id").asLong());
        if (reply != null) {
          reply.complete(new Reply(message.path("op").asText(null), message.path("ok").asBoolean(false),
              message.get("result"), message.get("error"), message.get("wire")));
        }
      }
    } catch (IOException e) {
      appendStderr("[stdout closed] " + e + "\n");
    }
    IllegalStateException gone = new IllegalStateException("the Node app exited; stderr:\n" + stderr());
    ready.completeExceptionally(gone);
    pending.values().forEach(f -> f.completeExceptionally(gone));
  }

  private void readStderr() {
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        appendStderr(line + "\n");
      }
    } catch (IOException e) {
      appendStderr("[stderr closed] " + e + "\n");
    }
  }

  private void appendStderr(String text) {
    synchronized (stderr) {
      stderr.append(text);
      if (stderr.length() > STDERR_KEEP_CHARS) {
        stderr.delete(0, stderr.length() - STDERR_KEEP_CHARS);
      }
    }
  }

  /** Closes stdin (the app exits on its own), then kills it if it has not exited within 5 s. */
  @Override
  public void close() {
    try {
      stdin.close();
    } catch (IOException ignored) {
      // already gone
    }
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
