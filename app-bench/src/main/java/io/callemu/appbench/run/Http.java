package io.callemu.appbench.run;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;

/**
 * The bench's non-blocking HTTP client: callemu's control API (with its token, when set) and the
 * app's trigger URL. Answers with their status and JSON body (an empty or non-JSON body as {}).
 */
final class Http {

  /** One answer. */
  record Answer(int status, JsonObject body) {
    boolean ok() {
      return status >= 200 && status < 300;
    }

    /** {@code 409 NoEventGridWebhook: inbound calls need ...}, from callemu's error envelope. */
    String describe() {
      JsonObject error = body.getJsonObject("error");
      return status + (error == null ? "" : " " + error.getString("code", "") + ": " + error.getString("message", ""));
    }
  }

  /** Bodies larger than this are decoded on a worker thread, so a long journal page never stalls the loop. */
  static final int DECODE_ON_WORKER_BYTES = 256 * 1024;

  private final Vertx vertx;
  private final HttpClient client;
  private final String controlBase;
  private final String controlToken;

  Http(Vertx vertx, String controlBase, String controlToken) {
    this.vertx = vertx;
    this.client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setIdleTimeout(60),
        new PoolOptions().setHttp1MaxSize(64));
    this.controlBase = controlBase.endsWith("/") ? controlBase.substring(0, controlBase.length() - 1) : controlBase;
    this.controlToken = controlToken;
  }

  Future<Answer> control(HttpMethod method, String path, Object body) {
    RequestOptions options = new RequestOptions().setMethod(method).setAbsoluteURI(controlBase + "/_emulator" + path);
    if (controlToken != null) {
      options.putHeader("Authorization", "Bearer " + controlToken);
    }
    return send(options, body);
  }

  Future<Answer> post(String url, JsonObject body) {
    return send(new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(url), body);
  }

  private Future<Answer> send(RequestOptions options, Object body) {
    options.setIdleTimeout(120_000).putHeader("Content-Type", "application/json");
    Buffer payload = body == null ? Buffer.buffer() : Buffer.buffer(body instanceof JsonObject o ? o.encode() : body.toString());
    try {
      return client.request(options)
          .compose(req -> req.send(payload))
          .compose(resp -> resp.body().compose(b -> b.length() > DECODE_ON_WORKER_BYTES
              ? vertx.executeBlocking(() -> new Answer(resp.statusCode(), json(b)), false)
              : Future.succeededFuture(new Answer(resp.statusCode(), json(b)))));
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  private static JsonObject json(Buffer b) {
    if (b.length() == 0) {
      return new JsonObject();
    }
    try {
      Object v = Json.decodeValue(b);
      return v instanceof JsonObject o ? o : new JsonObject();
    } catch (DecodeException e) {
      return new JsonObject();
    }
  }

  Future<Void> close() {
    return client.close();
  }
}
