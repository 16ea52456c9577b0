package io.callemu.emulator.testing;

import io.callemu.emulator.surface.acs.auth.AcsRequestSigner;
import io.callemu.emulator.Callemu;
import io.callemu.emulator.CallemuConfig;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * An embedded emulator (virtual clock, port 0, HTTP only, temp data dir) with blocking helpers to
 * call its ACS surface as the JS SDK does and its control API.
 */
public final class Harness implements AutoCloseable {

  public static final String JS_API = "2026-03-12";
  public static final String JAVA_API = "2023-03-06";
  private static final DateTimeFormatter RFC1123 =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

  private final Callemu callemu;
  private final Path dataDir;
  private final HttpClient http = HttpClient.newHttpClient();

  private Harness(Callemu callemu, Path dataDir) {
    this.callemu = callemu;
    this.dataDir = dataDir;
  }

  public static Harness start() {
    return start(c -> c);
  }

  public static Harness start(UnaryOperator<CallemuConfig> customize) {
    try {
      Path dir = Files.createTempDirectory("callemu-test");
      CallemuConfig config = customize.apply(CallemuConfig.defaults().withPort(0).withHttpsPort(-1)
          .withClock("virtual").withDataDir(dir));
      return new Harness(Callemu.start(config), dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Helpers for an emulator started elsewhere (e.g. by the JUnit extension); close() leaves it running. */
  public static Harness of(Callemu running) {
    return new Harness(running, null);
  }

  public Callemu callemu() {
    return callemu;
  }

  public static String now() {
    return RFC1123.format(ZonedDateTime.now(ZoneOffset.UTC));
  }

  /** A request signed like the JS SDK (Host with port, current date). */
  public Response acs(String method, String pathAndQuery, JsonObject body) {
    return acs(method, pathAndQuery, body, Map.of());
  }

  public Response acs(String method, String pathAndQuery, JsonObject body, Map<String, String> extraHeaders) {
    byte[] bytes = body == null ? new byte[0] : body.encode().getBytes(StandardCharsets.UTF_8);
    return signed(method, pathAndQuery, bytes, callemu.accessKey(), now(), extraHeaders);
  }

  /** Signs with the given key and date; sends {@code bytes} as the body. */
  public Response signed(String method, String pathAndQuery, byte[] bytes, String key, String date,
      Map<String, String> extraHeaders) {
    URI uri = URI.create(callemu.httpUrl() + pathAndQuery);
    String host = uri.getHost() + ":" + uri.getPort();
    HttpRequest.Builder b = HttpRequest.newBuilder(uri)
        .method(method, bytes.length == 0 ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(bytes));
    if (bytes.length > 0) {
      b.header("Content-Type", "application/json");
    }
    new AcsRequestSigner(key).sign(method, pathAndQuery, host, date, bytes).asMap().forEach(b::header);
    extraHeaders.forEach(b::header);
    return send(b.build());
  }

  public Response control(String method, String path, Object body) {
    return control(method, path, body, Map.of());
  }

  public Response control(String method, String path, Object body, Map<String, String> headers) {
    String text = body == null ? "" : body instanceof JsonObject o ? o.encode() : body.toString();
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(callemu.httpUrl() + path))
        .method(method, text.isEmpty() ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(text));
    headers.forEach(b::header);
    return send(b.build());
  }

  /** Moves the virtual clock; returns once the callbacks it caused were delivered. */
  public void advance(long ms) {
    Response r = control("POST", "/_emulator/clock/advance", new JsonObject().put("ms", ms));
    if (r.status() != 200) {
      throw new AssertionError("advance failed: " + r);
    }
  }

  /** Creates an outbound call to a phone number with the given callback; returns its id. */
  public String createCall(String callbackUri, String operationContext) {
    JsonObject body = new JsonObject()
        .put("targets", new io.vertx.core.json.JsonArray().add(new JsonObject().put("kind", "phoneNumber")
            .put("rawId", "4:+15551234567").put("phoneNumber", new JsonObject().put("value", "+15551234567"))))
        .put("sourceCallerIdNumber", new JsonObject().put("value", "+15550000000"))
        .put("callbackUri", callbackUri);
    if (operationContext != null) {
      body.put("operationContext", operationContext);
    }
    Response r = acs("POST", "/calling/callConnections?api-version=" + JS_API, body);
    if (r.status() != 201) {
      throw new AssertionError("createCall failed: " + r);
    }
    return r.json().getString("callConnectionId");
  }

  public int callCount() {
    return control("GET", "/_emulator/calls", null).json().getJsonArray("calls").size();
  }

  private Response send(HttpRequest request) {
    try {
      HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Response(r.statusCode(), r.headers().map(), r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    if (dataDir == null) {
      return;
    }
    callemu.close();
    try (var files = Files.walk(dataDir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a leftover temp dir is harmless
    }
  }

  /** A response with its body. */
  public record Response(int status, Map<String, java.util.List<String>> headers, String body) {

    public JsonObject json() {
      return new JsonObject(body);
    }

    public String header(String name) {
      for (Map.Entry<String, java.util.List<String>> e : headers.entrySet()) {
        if (e.getKey().equalsIgnoreCase(name)) {
          return e.getValue().get(0);
        }
      }
      return null;
    }

    /** The error envelope's code. */
    public String errorCode() {
      return json().getJsonObject("error").getString("code");
    }
  }
}
