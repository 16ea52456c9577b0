package io.callemu.emulator.surface.speech;

import io.callemu.emulator.Callemu;
import io.callemu.emulator.CallemuConfig;
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
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/** An embedded callemu (HTTP on a free port) for the Speech surface's tests, with a plain HTTP/1.1 client. */
final class SpeechServer implements AutoCloseable {

  static final String KEY = Callemu.WELL_KNOWN_SPEECH_KEY;

  final Callemu callemu;
  final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();
  private final Path dataDir;

  private SpeechServer(Callemu callemu, Path dataDir) {
    this.callemu = callemu;
    this.dataDir = dataDir;
  }

  static SpeechServer start(UnaryOperator<CallemuConfig> customize) {
    try {
      Path dir = Files.createTempDirectory("callemu-speech-");
      return new SpeechServer(Callemu.start(customize.apply(CallemuConfig.defaults().withPort(0).withHttpsPort(-1)
          .withDataDir(dir))), dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  int port() {
    return Integer.parseInt(callemu.httpUrl().substring(callemu.httpUrl().lastIndexOf(':') + 1));
  }

  String url(String pathAndQuery) {
    return callemu.httpUrl() + pathAndQuery;
  }

  HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A REST recognition with the key, {@code audio/wav} and the whole body. */
  HttpResponse<String> recognize(String pathAndQuery, byte[] wav) {
    return send(HttpRequest.newBuilder(URI.create(url(pathAndQuery))).header("Ocp-Apim-Subscription-Key", KEY)
        .header("Content-Type", "audio/wav; codecs=audio/pcm; samplerate=16000")
        .POST(HttpRequest.BodyPublishers.ofByteArray(wav)));
  }

  /** A control API request with a JSON body (or none). */
  HttpResponse<String> control(String method, String path, String json) {
    return send(HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type", "application/json")
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)));
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
