package io.callemu.emulator.surface.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.callemu.emulator.CallemuConfig;
import io.callemu.emulator.testing.CallbackReceiver;
import io.callemu.emulator.testing.Harness;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * An emulator on the virtual clock with lenient Graph auth over plain http (the token checks have
 * tests of their own), a bot's notification endpoint, and helpers for Graph calls.
 */
final class GraphFixture implements AutoCloseable {

  static final String CALLER = "+15551234567";
  static final String CB = "/bot";

  final Harness emu;
  final CallbackReceiver bot;

  private GraphFixture(Harness emu, CallbackReceiver bot) {
    this.emu = emu;
    this.bot = bot;
  }

  static GraphFixture start(Vertx vertx) {
    return start(vertx, c -> c);
  }

  static GraphFixture start(Vertx vertx, UnaryOperator<CallemuConfig> config) {
    Harness emu = Harness.start(c -> config.apply(c.withSetting("graph.auth", "lenient")));
    return new GraphFixture(emu, CallbackReceiver.start(vertx));
  }

  /** A Graph request under {@code /v1.0} ({@code path} starts with {@code /}). */
  Harness.Response graph(String method, String path, Object body) {
    return emu.control(method, "/v1.0" + path, body, body == null ? Map.of() : Map.of("Content-Type", "application/json"));
  }

  Harness.Response action(String callId, String action, JsonObject body) {
    return graph("POST", "/communications/calls/" + callId + "/" + action, body);
  }

  /** Offers a call from {@link #CALLER} to the bot; returns its id (the created notification is queued). */
  String offer() {
    Harness.Response r = emu.control("POST", "/_emulator/graph/incoming-calls",
        new JsonObject().put("callbackUri", bot.url(CB)).put("from", CALLER));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().getString("id");
  }

  static JsonObject answerBody() {
    return new JsonObject().put("acceptedModalities", new JsonArray().add("audio"))
        .put("mediaConfig", new JsonObject().put("@odata.type", "#microsoft.graph.serviceHostedMediaConfig"));
  }

  /** An offered call, answered and established. */
  String established() {
    String id = offer();
    Harness.Response r = action(id, "answer", answerBody());
    assertThat(r.status()).as(r.body()).isEqualTo(202);
    emu.advance(0);
    return id;
  }

  /** Every notification's single commsNotification, in arrival order. */
  List<JsonObject> notifications() {
    return bot.received().stream().map(r -> ((JsonObject) r.body()).getJsonArray("value").getJsonObject(0)).toList();
  }

  /** Short names: {@code created}, {@code updated:established}, {@code deleted:recordOperation}. */
  List<String> kinds() {
    return notifications().stream().map(GraphFixture::kind).toList();
  }

  static String kind(JsonObject n) {
    JsonObject data = n.getJsonObject("resourceData");
    String type = data.getString("@odata.type").replace("#microsoft.graph.", "");
    if (type.equals("call")) {
      return n.getString("changeType") + ":" + (data.getValue("toneInfo") != null ? "toneInfo" : data.getString("state"));
    }
    return n.getString("changeType") + ":" + type;
  }

  /** The resourceData of the last operation notification. */
  JsonObject lastOperation() {
    List<JsonObject> all = notifications();
    for (int i = all.size() - 1; i >= 0; i--) {
      if (all.get(i).getString("resourceUrl").contains("/operations/")) {
        return all.get(i).getJsonObject("resourceData");
      }
    }
    throw new AssertionError("no operation notification among " + kinds());
  }

  long now() {
    return emu.control("GET", "/_emulator/clock", null).json().getLong("nowMillis");
  }

  void press(String callId, String keys, long delayMs) {
    Harness.Response r = emu.control("POST", "/_emulator/calls/" + callId + "/dtmf",
        new JsonObject().put("tones", keys).put("delayMs", delayMs));
    assertThat(r.status()).as(r.body()).isEqualTo(202);
  }

  void say(String callId, String text, long delayMs, long durationMs) {
    Harness.Response r = emu.control("POST", "/_emulator/calls/" + callId + "/speech",
        new JsonObject().put("text", text).put("delayMs", delayMs).put("durationMs", durationMs));
    assertThat(r.status()).as(r.body()).isEqualTo(202);
  }

  /** The caller sends {@code wav} after {@code delayMs}. */
  void audio(String callId, byte[] wav, long delayMs) {
    Bytes r = raw("POST", emu.callemu().httpUrl() + "/_emulator/calls/" + callId + "/audio?delayMs=" + delayMs, wav,
        Map.of("Content-Type", "audio/wav"));
    assertThat(r.status()).as(new String(r.body())).isEqualTo(202);
  }

  /** GET of a recording location with {@code bearer} (null: no Authorization). */
  Bytes download(String location, String bearer) {
    return raw("GET", location, null, bearer == null ? Map.of() : Map.of("Authorization", "Bearer " + bearer));
  }

  /** An answer with a binary body. */
  record Bytes(int status, String contentType, byte[] body) {
  }

  private static Bytes raw(String method, String url, byte[] body, Map<String, String> headers) {
    java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).method(method,
        body == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
            : java.net.http.HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(b::header);
    try {
      java.net.http.HttpResponse<byte[]> r = java.net.http.HttpClient.newHttpClient().send(b.build(),
          java.net.http.HttpResponse.BodyHandlers.ofByteArray());
      return new Bytes(r.statusCode(), r.headers().firstValue("Content-Type").orElse(null), r.body());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    bot.close();
    emu.close();
  }
}
