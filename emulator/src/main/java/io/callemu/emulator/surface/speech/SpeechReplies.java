package io.callemu.emulator.surface.speech;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.json.JsonObject;

/**
 * How the Speech surface answers over HTTP. Every answer has a {@code Content-Length} (the Java REST
 * sample sizes its read buffer from it). Refusals of credentials use the API gateway's envelope
 * {@code {"error":{"code":"401","message"}}}; other refusals the service's {@code {"Message"}}
 * (reference official-clients.md 5; observed bodies, e.g. {"Message":"Unsupported audio format"}).
 */
final class SpeechReplies {

  /** Body bytes read and dropped before answering a refused upload; past it the connection is closed. */
  static final long MAX_DRAINED_BYTES = 4L << 20;

  private SpeechReplies() {
  }

  static final String JSON = "application/json; charset=utf-8";

  static void answer(HttpServerRequest req, int status, String contentType, String body) {
    HttpServerResponse res = req.response();
    if (res.ended() || res.closed()) {
      return;
    }
    res.setStatusCode(status).putHeader("Content-Type", contentType).end(body);
  }

  static String errorBody(int status, String message) {
    if (status == 401 || status == 403) {
      return new JsonObject().put("error", new JsonObject().put("code", Integer.toString(status)).put("message", message))
          .encode();
    }
    return new JsonObject().put("Message", message).encode();
  }

  /**
   * Refuses a request whose body has not been read. A client waiting on {@code Expect: 100-continue}
   * has sent nothing, so the answer goes at once and the connection closes; otherwise the body is read
   * and dropped (up to {@link #MAX_DRAINED_BYTES}) so that the client, still writing, gets the answer.
   */
  static void refuse(HttpServerRequest req, int status, String message) {
    String body = errorBody(status, message);
    if (!req.isEnded() && "100-continue".equalsIgnoreCase(req.getHeader("Expect"))) {
      answerAndClose(req, status, JSON, body);
    } else {
      answerAfterBody(req, status, JSON, body);
    }
  }

  /** Reads and drops the request's body (closing past {@link #MAX_DRAINED_BYTES}), then answers. */
  static void answerAfterBody(HttpServerRequest req, int status, String contentType, String body) {
    if (req.isEnded()) {
      answer(req, status, contentType, body);
      return;
    }
    long[] drained = {0};
    req.handler(buf -> {
      drained[0] += buf.length();
      if (drained[0] > MAX_DRAINED_BYTES) {
        req.handler(null);
        answerAndClose(req, status, contentType, body);
      }
    });
    req.endHandler(v -> answer(req, status, contentType, body));
    req.exceptionHandler(e -> { }); // the client went away: nobody to answer
  }

  /** Answers at once, the rest of the body unread: the HTTP/1 connection cannot be reused and is closed. */
  static void answerAndClose(HttpServerRequest req, int status, String contentType, String body) {
    HttpServerResponse res = req.response();
    if (res.ended() || res.closed()) {
      return;
    }
    boolean http1 = req.version() != HttpVersion.HTTP_2;
    if (http1) {
      res.putHeader("Connection", "close");
    }
    res.setStatusCode(status).putHeader("Content-Type", contentType).end(body).onComplete(ar -> {
          if (http1) {
            req.connection().close();
          }
        });
  }
}
