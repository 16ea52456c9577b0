package io.callemu.bench.load;

import io.callemu.emulator.surface.acs.auth.AcsRequestSigner;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * Requests to callemu over plain HTTP: Call Automation ones HMAC-signed as the SDKs sign them
 * (without an SDK in the way, so the harness measures callemu and not a client library) and
 * control API reads. Requests beyond the connection pool wait in the pool's queue; nothing blocks.
 */
public final class CallemuClient {

  static final String API_VERSION = "2026-03-12";
  /** How long a response may stay silent once the request is sent. */
  private static final long IDLE_TIMEOUT_MS = 30_000;
  /** How long a request may wait for a pooled connection: the whole queue of a big run. */
  private static final long CONNECTION_WAIT_MS = 600_000;

  /**
   * What came back.
   *
   * @param sentNanos {@link System#nanoTime()} when the request got a connection and was written
   * @param answeredNanos when the whole response had arrived
   */
  public record Response(int status, Buffer body, long sentNanos, long answeredNanos) {
    public String bodyText() {
      return body == null ? "" : body.toString(StandardCharsets.UTF_8);
    }
  }

  private final HttpClient http;
  private final AcsRequestSigner signer;
  private final URI base;
  private final String hostHeader;

  public CallemuClient(Vertx vertx, String httpUrl, String accessKey, int connections) {
    this.base = URI.create(httpUrl.endsWith("/") ? httpUrl.substring(0, httpUrl.length() - 1) : httpUrl);
    if (!"http".equals(base.getScheme()) || base.getHost() == null) {
      throw new IllegalArgumentException("the callemu URL must be http://host:port, was '" + httpUrl + "'");
    }
    // The Host header Vert.x sends, which the signature must cover: the port only when not 80.
    int port = base.getPort();
    this.hostHeader = port == -1 || port == 80 ? base.getHost() : base.getHost() + ":" + port;
    this.signer = new AcsRequestSigner(accessKey);
    this.http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true),
        new PoolOptions().setHttp1MaxSize(connections));
  }

  /** {@code POST /calling/callConnections}: a call to {@code targetUserId} reporting to {@code callbackUri}. */
  public Future<Response> createCall(String targetUserId, String callbackUri, String operationContext) {
    return send(HttpMethod.POST, "/calling/callConnections", createBody(targetUserId, callbackUri, operationContext));
  }

  /**
   * A call whose en-US transcription starts when it connects and streams to {@code transportUrl}
   * (the Cognitive Services endpoint is required for transcription and never contacted).
   */
  public Future<Response> createTranscribedCall(String targetUserId, String callbackUri, String transportUrl,
      String operationContext) {
    JsonObject body = createBody(targetUserId, callbackUri, operationContext)
        .put("callIntelligenceOptions", new JsonObject().put("cognitiveServicesEndpoint", "https://cognitive.invalid/"))
        .put("transcriptionOptions", new JsonObject().put("transportUrl", transportUrl)
            .put("transportType", "websocket").put("locale", "en-US").put("startTranscription", true));
    return send(HttpMethod.POST, "/calling/callConnections", body);
  }

  /** {@code POST …:recognize}: DTMF, no prompt, failing after {@code initialSilenceSeconds} of silence. */
  Future<Response> recognizeDtmf(String callConnectionId, String targetUserId, int initialSilenceSeconds,
      String operationContext) {
    JsonObject body = new JsonObject()
        .put("recognizeInputType", "dtmf")
        .put("recognizeOptions", new JsonObject()
            .put("interruptPrompt", false)
            .put("initialSilenceTimeoutInSeconds", initialSilenceSeconds)
            .put("targetParticipant", user(targetUserId))
            .put("dtmfOptions", new JsonObject().put("interToneTimeoutInSeconds", 2).put("maxTonesToCollect", 4)))
        .put("operationContext", operationContext);
    return send(HttpMethod.POST, "/calling/callConnections/" + callConnectionId + ":recognize", body);
  }

  /** {@code DELETE /calling/callConnections/{id}}: the app leaves (hangs up) the call. */
  public Future<Response> hangUp(String callConnectionId) {
    return send(HttpMethod.DELETE, "/calling/callConnections/" + callConnectionId, null);
  }

  /** {@code POST …:<action>} with {@code body}, e.g. {@code play}. */
  public Future<Response> action(String callConnectionId, String action, JsonObject body) {
    return send(HttpMethod.POST, "/calling/callConnections/" + callConnectionId + ":" + action, body);
  }

  /**
   * {@code POST /_emulator/calls/{id}/speech}: the remote party says {@code text} from
   * {@code startEpochMillis} on (at once when that has passed), for {@code durationMs}. The delay
   * is computed when the request goes out, not while it waits for a connection.
   */
  Future<Response> say(String callConnectionId, String text, long startEpochMillis, long durationMs) {
    return sendLazily(HttpMethod.POST, "/_emulator/calls/" + callConnectionId + "/speech", () -> new JsonObject()
        .put("text", text)
        .put("delayMs", Math.max(0, startEpochMillis - System.currentTimeMillis()))
        .put("durationMs", durationMs));
  }

  /** {@code POST /_emulator/graph/incoming-calls}: a call from {@code from} rings at a Graph bot. */
  Future<Response> offerGraphCall(String callbackUri, String from) {
    return send(HttpMethod.POST, "/_emulator/graph/incoming-calls",
        new JsonObject().put("callbackUri", callbackUri).put("from", from));
  }

  /** {@code POST /v1.0/communications/calls/{id}/{action}} without a token (callemu with {@code graph.auth=lenient}). */
  Future<Response> graphAction(String callId, String action, JsonObject body) {
    return send(HttpMethod.POST, "/v1.0/communications/calls/" + callId + "/" + action, body);
  }

  /** {@code DELETE /v1.0/communications/calls/{id}}: the bot hangs up (no token: {@code graph.auth=lenient}). */
  Future<Response> graphHangUp(String callId) {
    return send(HttpMethod.DELETE, "/v1.0/communications/calls/" + callId, null);
  }

  /** {@code POST /_emulator/calls/{id}/audio}: the caller's WAV, starting after {@code delayMs}. */
  Future<Response> audio(String callId, byte[] wav, long delayMs) {
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST)
        .setAbsoluteURI(base + "/_emulator/calls/" + callId + "/audio?delayMs=" + delayMs)
        .setIdleTimeout(IDLE_TIMEOUT_MS).setConnectTimeout(CONNECTION_WAIT_MS);
    return http.request(options).compose(request -> {
      request.putHeader("Content-Type", "audio/wav");
      long sentNanos = System.nanoTime();
      return request.send(Buffer.buffer(wav)).compose(response -> response.body()
          .map(answer -> new Response(response.statusCode(), answer, sentNanos, System.nanoTime())));
    });
  }

  /** {@code POST /_emulator/settings}: changes settings at run time. */
  Future<Response> changeSettings(JsonObject settings) {
    return send(HttpMethod.POST, "/_emulator/settings", settings);
  }

  /** {@code GET /_emulator/events?kind=…}: the journal's entries of one kind. */
  Future<Response> journal(String kind) {
    return send(HttpMethod.GET, "/_emulator/events?kind=" + kind, null);
  }

  /** {@code GET /_emulator/settings}: every setting with its current value. */
  Future<Response> settings() {
    return send(HttpMethod.GET, "/_emulator/settings", null);
  }

  /** {@code GET /_emulator/calls/{id}}: the call with its media operations' timers (not signed). */
  Future<Response> callDetail(String callConnectionId) {
    return send(HttpMethod.GET, "/_emulator/calls/" + callConnectionId, null);
  }

  public Future<Void> close() {
    return http.close();
  }

  private Future<Response> send(HttpMethod method, String path, JsonObject json) {
    return sendLazily(method, path, () -> json);
  }

  /**
   * Sends a request whose body is built, and which is signed, only once it has a connection, so
   * that times in the body and the signature's date are those of the moment it goes out.
   */
  private Future<Response> sendLazily(HttpMethod method, String path, Supplier<JsonObject> json) {
    String target = path.startsWith("/calling/") ? path + "?api-version=" + API_VERSION : path;
    RequestOptions options = new RequestOptions().setMethod(method)
        .setAbsoluteURI(base + target)
        .setIdleTimeout(IDLE_TIMEOUT_MS).setConnectTimeout(CONNECTION_WAIT_MS);
    return http.request(options).compose(request -> {
      JsonObject content = json.get();
      byte[] body = content == null ? new byte[0] : content.encode().getBytes(StandardCharsets.UTF_8);
      signer.sign(method.name(), target, hostHeader, body).asMap().forEach(request::putHeader);
      if (content != null) {
        request.putHeader("Content-Type", "application/json");
      }
      long sentNanos = System.nanoTime();
      return request.send(Buffer.buffer(body))
          .compose(response -> response.body()
              .map(answer -> new Response(response.statusCode(), answer, sentNanos, System.nanoTime())));
    });
  }

  private static JsonObject createBody(String targetUserId, String callbackUri, String operationContext) {
    return new JsonObject()
        .put("targets", JsonArray.of(user(targetUserId)))
        .put("callbackUri", callbackUri)
        .put("operationContext", operationContext);
  }

  private static JsonObject user(String id) {
    return new JsonObject().put("rawId", id).put("communicationUser", new JsonObject().put("id", id));
  }
}
