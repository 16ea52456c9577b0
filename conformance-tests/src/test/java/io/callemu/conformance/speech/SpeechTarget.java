package io.callemu.conformance.speech;

import com.fasterxml.jackson.databind.JsonNode;
import io.callemu.conformance.CallemuTarget;
import io.callemu.emulator.Callemu;
import io.callemu.emulator.client.ControlClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The callemu a Speech conformance class talks to ({@link CallemuTarget}: embedded, or a running one with
 * {@code -Dcallemu.connectionString=…}), with its Speech key ({@code -Dcallemu.speechKey}, default the
 * well-known key) and the URLs a Speech app is given.
 */
final class SpeechTarget implements AutoCloseable {

  final CallemuTarget callemu;
  final String key = System.getProperty("callemu.speechKey", Callemu.WELL_KNOWN_SPEECH_KEY);
  private final Path dataDir;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();

  private SpeechTarget(CallemuTarget callemu, Path dataDir) {
    this.callemu = callemu;
    this.dataDir = dataDir;
  }

  static SpeechTarget start() {
    try {
      Path dir = Files.createTempDirectory("callemu-speech-conformance-");
      return new SpeechTarget(CallemuTarget.start(dir, c -> c), dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  ControlClient control() {
    return callemu.control();
  }

  /** {@code http://127.0.0.1:port}. */
  String http() {
    return callemu.httpEndpoint();
  }

  /** {@code ws://127.0.0.1:port}: what {@code SpeechConfig.fromHost} takes. */
  String ws() {
    return http().replaceFirst("^http", "ws");
  }

  /** A recognition endpoint for {@code SpeechConfig.fromEndpoint}. */
  String endpoint(String mode) {
    return ws() + "/speech/recognition/" + mode + "/cognitiveservices/v1";
  }

  /** A token from {@code POST /sts/v1.0/issueToken}. */
  String token() {
    HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(http() + "/sts/v1.0/issueToken"))
        .header("Ocp-Apim-Subscription-Key", key).POST(HttpRequest.BodyPublishers.noBody()));
    if (r.statusCode() != 200) {
      throw new AssertionError("issueToken answered " + r.statusCode() + ": " + r.body());
    }
    return r.body();
  }

  HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The journal's Speech recognitions after {@code since} (a journal sequence number, or null). */
  JsonNode recognitions(Long since) {
    return control().events(null, "speech", since).path("events");
  }

  /** The journal's latest sequence number (0 when empty). */
  long journalMark() {
    JsonNode events = control().events(null, null, null).path("events");
    return events.isEmpty() ? 0 : events.get(events.size() - 1).path("seq").asLong();
  }

  @Override
  public void close() {
    callemu.close();
    try (Stream<Path> files = Files.walk(dataDir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
