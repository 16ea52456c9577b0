package io.callemu.emulator.core.media;

import io.callemu.emulator.core.settings.Settings;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long a play source "plays": text at {@code prompt.wordsPerMinute}, SSML by its
 * words and {@code <break>}s, a WAV/MP3 file by its real length when it can be fetched — from a
 * loopback http(s) URI (asynchronously, never blocking the event loop) or a {@code file:} URI
 * under the data dir — and {@code prompt.defaultFileMs} for any other host (callemu is offline).
 * A file that cannot be fetched or is no WAV/MP3 fails with a {@link SourceFailure} saying which.
 */
public final class PlayDurations {

  /** Largest prompt file read; bigger ones count as unreadable. */
  static final int MAX_FILE_BYTES = 32 << 20;
  private static final Pattern WORD = Pattern.compile("\\S+");
  private static final Pattern TAG = Pattern.compile("<[^>]*>");
  private static final Pattern BREAK = Pattern.compile("<break\\b([^>]*)/?>", Pattern.CASE_INSENSITIVE);
  private static final Pattern TIME = Pattern.compile("time\\s*=\\s*[\"']\\s*([0-9.]+)\\s*(ms|s)\\s*[\"']",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern STRENGTH = Pattern.compile("strength\\s*=\\s*[\"']([a-z-]+)[\"']",
      Pattern.CASE_INSENSITIVE);

  private final Vertx vertx;
  private final HttpClient client;
  private final Settings settings;
  private final Path dataDir;
  /** {@link #total} calls not yet complete, and who waits for none to be left (emulator context only). */
  private int inFlight;
  private final List<Runnable> idleWaiters = new ArrayList<>();

  public PlayDurations(Vertx vertx, HttpClient client, Settings settings, Path dataDir) {
    this.vertx = vertx;
    this.client = client;
    this.settings = settings;
    this.dataDir = dataDir.toAbsolutePath().normalize();
  }

  /** The duration in ms; fails with a {@link SourceFailure} for an unplayable file. */
  public Future<Long> of(PlaySource source) {
    return switch (source.kind()) {
      case TEXT -> Future.succeededFuture(textMillis(source.content(), wordsPerMinute()));
      case SSML -> Future.succeededFuture(ssmlMillis(source.content(), wordsPerMinute()));
      case FILE -> fileMillis(source.content());
    };
  }

  /**
   * The total duration of {@code sources} played in order; fails with a {@link SourceFailure}
   * whose {@code index} is the first source that cannot be played.
   */
  public Future<Long> total(List<PlaySource> sources) {
    inFlight++;
    return sum(sources).onComplete(ar -> {
      inFlight--;
      if (inFlight == 0 && !idleWaiters.isEmpty()) {
        List<Runnable> waking = List.copyOf(idleWaiters);
        idleWaiters.clear();
        waking.forEach(Runnable::run);
      }
    });
  }

  /**
   * Completes when no duration is being worked out (no prompt fetch in flight), at the latest after
   * {@code prompt.fetchTimeoutMs} of real time; never blocks. A virtual-clock advance waits for
   * this so that a prompt's fetch, which takes real time, is over before emulated time moves on.
   */
  public Future<Void> whenIdle() {
    if (inFlight == 0) {
      return Future.succeededFuture();
    }
    Context context = vertx.getOrCreateContext();
    Promise<Void> idle = Promise.promise();
    long bound = vertx.setTimer(Math.max(1, settings.get(MediaSettings.FETCH_TIMEOUT_MS)),
        id -> idle.tryComplete());
    // Woken a turn later, so the operation that asked has reacted to its duration first: set its
    // prompt timer, or failed and let the next queued operation start a fetch of its own.
    Runnable[] wake = new Runnable[1];
    wake[0] = () -> context.runOnContext(v -> {
      if (inFlight > 0) {
        idleWaiters.add(wake[0]);
        return;
      }
      vertx.cancelTimer(bound);
      idle.tryComplete();
    });
    idleWaiters.add(wake[0]);
    return idle.future();
  }

  private Future<Long> sum(List<PlaySource> sources) {
    Future<Long> sum = Future.succeededFuture(0L);
    for (int i = 0; i < sources.size(); i++) {
      int index = i;
      PlaySource source = sources.get(i);
      sum = sum.compose(so -> of(source)
          .recover(e -> Future.failedFuture(e instanceof SourceFailure f ? f.at(index)
              : new SourceFailure(SourceFailure.Reason.DOWNLOAD_FAILED,
                  String.valueOf(e.getMessage())).at(index)))
          .map(ms -> so + ms));
    }
    return sum;
  }

  private long wordsPerMinute() {
    return settings.get(MediaSettings.WORDS_PER_MINUTE);
  }

  public static long textMillis(String text, long wordsPerMinute) {
    Matcher m = WORD.matcher(text);
    long words = 0;
    while (m.find()) {
      words++;
    }
    return (words * 60_000 + wordsPerMinute - 1) / wordsPerMinute;
  }

  /** Words of the text content plus every break: {@code time} if given, else its strength. */
  static long ssmlMillis(String ssml, long wordsPerMinute) {
    long breaks = 0;
    Matcher b = BREAK.matcher(ssml);
    while (b.find()) {
      breaks += breakMillis(b.group(1));
    }
    return textMillis(TAG.matcher(ssml).replaceAll(" "), wordsPerMinute) + breaks;
  }

  private static long breakMillis(String attributes) {
    Matcher t = TIME.matcher(attributes);
    if (t.find()) {
      double v = Double.parseDouble(t.group(1));
      // Azure caps a break at 5 s (SSML "break" element documentation).
      return Math.min(5_000, Math.round(t.group(2).equalsIgnoreCase("s") ? v * 1000 : v));
    }
    Matcher s = STRENGTH.matcher(attributes);
    String strength = s.find() ? s.group(1).toLowerCase(Locale.ROOT) : "medium";
    switch (strength) {
      case "none": return 0;
      case "x-weak": return 250;
      case "weak": return 500;
      case "strong": return 1000;
      case "x-strong": return 1250;
      default: return 750;
    }
  }

  private Future<Long> fileMillis(String uriText) {
    URI uri;
    try {
      uri = new URI(uriText);
    } catch (java.net.URISyntaxException e) {
      return fail(SourceFailure.Reason.DOWNLOAD_FAILED, "not a URI: " + uriText);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (scheme.equals("file")) {
      Path path;
      try {
        path = Path.of(uri).toAbsolutePath().normalize();
      } catch (RuntimeException e) {
        return fail(SourceFailure.Reason.DOWNLOAD_FAILED, "bad file URI " + uriText);
      }
      if (!path.startsWith(dataDir)) {
        return fail(SourceFailure.Reason.DOWNLOAD_FAILED, "file URIs must point into the data dir " + dataDir);
      }
      return vertx.fileSystem().readFile(path.toString())
          .recover(e -> fail(SourceFailure.Reason.DOWNLOAD_FAILED, "cannot read " + path + ": " + e.getMessage()))
          .compose(this::parse);
    }
    if ((scheme.equals("http") || scheme.equals("https")) && isLoopback(uri.getHost())) {
      return download(uri).compose(this::parse);
    }
    return Future.succeededFuture(settings.get(MediaSettings.DEFAULT_FILE_MS));
  }

  private Future<Long> parse(Buffer bytes) {
    long ms = bytes.length() > MAX_FILE_BYTES ? -1 : AudioDuration.millis(bytes.getBytes());
    return ms < 0 ? fail(SourceFailure.Reason.INVALID_FILE, "neither a WAV nor an MP3 file")
        : Future.succeededFuture(ms);
  }

  private Future<Buffer> download(URI uri) {
    int port = uri.getPort() >= 0 ? uri.getPort() : uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    if (uri.getRawQuery() != null) {
      path += "?" + uri.getRawQuery();
    }
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost(uri.getHost())
        .setPort(port).setURI(path).setSsl(uri.getScheme().equalsIgnoreCase("https"))
        .setTimeout(settings.get(MediaSettings.FETCH_TIMEOUT_MS));
    return client.request(options)
        .compose(req -> req.send())
        .compose(resp -> {
          if (resp.statusCode() / 100 != 2) {
            return Future.failedFuture("HTTP " + resp.statusCode());
          }
          return boundedBody(resp);
        })
        .recover(e -> fail(SourceFailure.Reason.DOWNLOAD_FAILED, "cannot download " + uri + ": " + e.getMessage()));
  }

  /**
   * The body, read up to {@link #MAX_FILE_BYTES}; a bigger one stops being read and comes back
   * empty (an unreadable file, 8535), so an endless body cannot fill memory.
   */
  private static Future<Buffer> boundedBody(io.vertx.core.http.HttpClientResponse resp) {
    io.vertx.core.Promise<Buffer> body = io.vertx.core.Promise.promise();
    Buffer buffer = Buffer.buffer();
    resp.handler(chunk -> {
      if (buffer.length() + chunk.length() > MAX_FILE_BYTES) {
        body.tryComplete(Buffer.buffer());
        resp.request().reset();
      } else {
        buffer.appendBuffer(chunk);
      }
    });
    resp.endHandler(v -> body.tryComplete(buffer));
    resp.exceptionHandler(e -> body.tryFail(e));
    return body.future();
  }

  /** Literal loopback addresses and {@code localhost}; no name lookups (they could block). */
  static boolean isLoopback(String host) {
    if (host == null) {
      return false;
    }
    String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    if (h.equalsIgnoreCase("localhost") || h.toLowerCase(Locale.ROOT).endsWith(".localhost")) {
      return true;
    }
    if (!h.matches("[0-9.]+") && !h.contains(":")) {
      return false;
    }
    try {
      return InetAddress.getByName(h).isLoopbackAddress();
    } catch (java.net.UnknownHostException e) {
      return false;
    }
  }

  private static <T> Future<T> fail(SourceFailure.Reason reason, String detail) {
    return Future.failedFuture(new SourceFailure(reason, detail));
  }
}
