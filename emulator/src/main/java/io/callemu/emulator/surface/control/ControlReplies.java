package io.callemu.emulator.surface.control;

import io.callemu.emulator.platform.http.HttpReply;
import io.callemu.emulator.platform.http.JsonReader;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;

/** What the control API's handlers share: reading the body and writing times. */
final class ControlReplies {

  private ControlReplies() {
  }

  /** The body as a JSON object; an empty body reads as {@code {}}. */
  static JsonReader body(RoutingContext ctx) {
    return JsonReader.parse(ctx.body() == null ? null : ctx.body().buffer(), true);
  }

  static HttpReply ok(int status, io.vertx.core.json.JsonObject body) {
    return HttpReply.json(status, body);
  }

  /** Emulated epoch ms as an ISO-8601 instant. */
  static String iso(long epochMillis) {
    return Instant.ofEpochMilli(epochMillis).toString();
  }
}
