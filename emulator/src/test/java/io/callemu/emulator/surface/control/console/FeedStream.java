package io.callemu.emulator.surface.control.console;

import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A test's reader of GET /_emulator/feed: its frames, parsed, waited for with a timeout. */
final class FeedStream implements AutoCloseable {

  /** One Server-Sent Event. */
  record Frame(String event, JsonObject data) {
  }

  /** The end of the stream. */
  static final Frame END = new Frame("<end>", new JsonObject());

  private final HttpClient client = HttpClient.newHttpClient();
  private final BlockingQueue<Frame> frames = new LinkedBlockingQueue<>();
  private final List<Frame> received = new ArrayList<>();
  private final HttpResponse<InputStream> response;
  private final Thread reader;

  FeedStream(String baseUrl, Map<String, String> headers) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + "/_emulator/feed"))
        .timeout(Duration.ofSeconds(10));
    headers.forEach(b::header);
    response = client.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
    reader = new Thread(this::read, "feed-reader");
    reader.setDaemon(true);
    reader.start();
  }

  int status() {
    return response.statusCode();
  }

  String header(String name) {
    return response.headers().firstValue(name).orElse(null);
  }

  private void read() {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      String event = null;
      StringBuilder data = new StringBuilder();
      String line;
      while ((line = in.readLine()) != null) {
        if (line.isEmpty()) {
          if (data.length() > 0) {
            frames.add(new Frame(event, new JsonObject(data.toString())));
          }
          event = null;
          data.setLength(0);
        } else if (line.startsWith("event: ")) {
          event = line.substring(7);
        } else if (line.startsWith("data: ")) {
          data.append(line.substring(6));
        }
      }
    } catch (IOException | RuntimeException e) {
      // the stream ended (closed by the test or by callemu)
    }
    frames.add(END);
  }

  /**
   * The first frame received that matches and was not taken yet (or the end of the stream), waiting
   * for it up to {@code seconds}; frames that do not match stay for later questions.
   */
  Frame next(Predicate<Frame> wanted, int seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    for (int i = 0; ; i++) {
      while (i >= received.size()) {
        Frame f = frames.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        if (f == null) {
          throw new AssertionError("no matching frame within " + seconds + " s; received " + received);
        }
        received.add(f);
      }
      Frame f = received.get(i);
      if (f == END || wanted.test(f)) {
        if (f != END) {
          received.remove(i);
        }
        return f;
      }
    }
  }

  Frame next(String event) throws InterruptedException {
    return next(f -> event.equals(f.event()), 10);
  }

  /** The next item of this source and type. */
  Frame item(String source, String type) throws InterruptedException {
    return next(f -> "item".equals(f.event()) && source.equals(f.data().getString("source"))
        && type.equals(f.data().getString("type")), 10);
  }

  @Override
  public void close() throws IOException {
    response.body().close();
  }
}
