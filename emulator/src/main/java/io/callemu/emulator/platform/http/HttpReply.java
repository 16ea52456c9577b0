package io.callemu.emulator.platform.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a surface's handler answers: status, headers and body, sent by {@link Replies} (which adds
 * what every answer of the surface carries and keeps repeatable answers).
 */
public record HttpReply(int status, Map<String, String> headers, Buffer body) {

  public static final String JSON = "application/json; charset=utf-8";

  public HttpReply {
    headers = Map.copyOf(headers);
  }

  /** A JSON body. */
  public static HttpReply json(int status, JsonObject body) {
    return new HttpReply(status, Map.of("Content-Type", JSON), body.toBuffer());
  }

  /** No body. */
  public static HttpReply empty(int status) {
    return new HttpReply(status, Map.of(), Buffer.buffer());
  }

  /** The same answer with one more header. */
  public HttpReply with(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new HttpReply(status, more, body);
  }
}
