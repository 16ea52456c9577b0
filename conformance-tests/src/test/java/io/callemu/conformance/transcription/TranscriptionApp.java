package io.callemu.conformance.transcription;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The Node app of src/test/node/transcription-app.mjs as a child process: the JS SDK for calls and
 * transcription operations, a {@code ws} WebSocket server for the frames. Commands go to its
 * {@code POST /control/<op>}; it answers {@code {"ok", "result"|"error"}}.
 */
final class TranscriptionApp implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
  /** Added to a command's own timeoutMs for the answer to come back. */
  private static final Duration MARGIN = Duration.ofSeconds(10);

  private final Process process;
  // HTTP/1.1: the default h2c upgrade request would reach the app's WebSocket upgrade handler.
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final StringBuilder stderr = new StringBuilder();
  private final String baseUrl;
  private final String wsBaseUrl;
  private final String secureWsBaseUrl;

  private TranscriptionApp(Process process) {
    this.process = process;
    Thread err = new Thread(this::drainStderr, "transcription-app-stderr");
    err.setDaemon(true);
    err.start();
    CompletableFuture<JsonNode> ready = CompletableFuture.supplyAsync(this::readyLine);
    try {
      JsonNode hello = ready.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      baseUrl = hello.path("baseUrl").asText();
      wsBaseUrl = hello.path("wsBaseUrl").asText();
      secureWsBaseUrl = hello.path("secureWsBaseUrl").asText(null);
    } catch (Exception e) {
      close();
      throw new IllegalStateException("transcription-app.mjs did not start; stderr:\n" + stderr(), e);
    }
  }

  /**
   * Starts {@code node transcription-app.mjs} in the driver directory (installed by the build's npm ci).
   *
   * @param extraCaPem what Node trusts for HTTPS besides its own CAs (NODE_EXTRA_CA_CERTS), or null
   * @param tlsDir a dir with {@code cert.pem} and {@code key.pem} for the app's wss server, or null for none
   */
  static TranscriptionApp start(Path extraCaPem, Path tlsDir) {
    Path dir = Path.of(System.getProperty("callemu.nodeDriverDir", "src/test/node")).toAbsolutePath();
    if (!Files.isDirectory(dir.resolve("node_modules/ws"))) {
      throw new IllegalStateException("ws and the JS SDK are not installed in " + dir + "; run the Maven build (npm ci)");
    }
    ProcessBuilder builder = new ProcessBuilder("node", "transcription-app.mjs").directory(dir.toFile());
    if (extraCaPem != null) {
      builder.environment().put("NODE_EXTRA_CA_CERTS", extraCaPem.toAbsolutePath().toString());
    }
    if (tlsDir != null) {
      builder.environment().put("CALLEMU_TLS_DIR", tlsDir.toAbsolutePath().toString());
    }
    try {
      return new TranscriptionApp(builder.start());
    } catch (IOException e) {
      throw new IllegalStateException("conformance-tests needs Node 20 (`node`) on the PATH: " + e.getMessage(), e);
    }
  }

  private JsonNode readyLine() {
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      String line = out.readLine();
      if (line == null) {
        throw new IllegalStateException("the app exited");
      }
      return JSON.readTree(line);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The app's callback URL for a tag. */
  String callbackUrl(String tag) {
    return baseUrl + "/callbacks/" + tag;
  }

  /** The app's transcription WebSocket URL for a tag. */
  String webSocketUrl(String tag) {
    return wsBaseUrl + "/ws/" + tag;
  }

  /** The app's transcription WebSocket URL over TLS for a tag (started with a tlsDir). */
  String secureWebSocketUrl(String tag) {
    if (secureWsBaseUrl == null) {
      throw new IllegalStateException("the app was started without a TLS dir");
    }
    return secureWsBaseUrl + "/ws/" + tag;
  }

  /** Runs {@code op}; returns {@code {"ok", "result"|"error"}}. */
  JsonNode call(String op, Map<String, ?> arguments) {
    long timeoutMs = arguments.get("timeoutMs") instanceof Number n ? n.longValue() : 10_000;
    try {
      HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/control/" + op))
          .timeout(Duration.ofMillis(timeoutMs).plus(MARGIN))
          .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(arguments)))
          .header("Content-Type", "application/json").build();
      return JSON.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
    } catch (IOException e) {
      throw new UncheckedIOException("transcription-app.mjs did not answer " + op + "; stderr:\n" + stderr(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The result of a command that must succeed. */
  JsonNode ok(String op, Map<String, ?> arguments) {
    JsonNode reply = call(op, arguments);
    if (!reply.path("ok").asBoolean()) {
      throw new AssertionError("JS app op " + op + " " + arguments + " failed: " + reply.path("error")
          + "\nstderr:\n" + stderr());
    }
    return reply.path("result");
  }

  /** The error of a command that must fail. */
  JsonNode error(String op, Map<String, ?> arguments) {
    JsonNode reply = call(op, arguments);
    if (reply.path("ok").asBoolean()) {
      throw new AssertionError("JS app op " + op + " was expected to fail but returned " + reply.path("result"));
    }
    return reply.path("error");
  }

  String stderr() {
    synchronized (stderr) {
      return stderr.toString();
    }
  }

  private void drainStderr() {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        synchronized (stderr) {
          stderr.append(line).append('\n');
          if (stderr.length() > 64 * 1024) {
            stderr.delete(0, stderr.length() - 64 * 1024);
          }
        }
      }
    } catch (IOException e) {
      // the process went away
    }
  }

  /** Closes stdin (the app exits on its own); kills it after 5 s otherwise. */
  @Override
  public void close() {
    try {
      process.getOutputStream().close();
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
