package io.callemu.emulator.platform.http;

import io.callemu.emulator.platform.http.RepeatabilityCache.StoredResponse;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The OASIS Repeatable Requests stages (Azure REST APIs): a request with {@code
 * Repeatability-Request-ID} that was already carried out is answered with the stored answer and
 * not carried out again; every answer to such a request says {@code Repeatability-Result}.
 */
public final class Repeatability {

  public static final String REQUEST_ID = "Repeatability-Request-ID";

  private Repeatability() {
  }

  /**
   * Marks every answer to a repeatable request, refusals included: {@code accepted} when it was
   * carried out, {@code rejected} otherwise. Put it before the stages that may refuse.
   */
  public static Handler<RoutingContext> resultHeader() {
    return ctx -> {
      if (ctx.request().getHeader(REQUEST_ID) != null) {
        Replies.beforeSend(ctx, (c, r) -> r.with("Repeatability-Result", r.status() < 400 ? "accepted" : "rejected"));
      }
      ctx.next();
    };
  }

  /** Replays a stored answer, or keeps this request's answer (not a 5xx) for later repeats. */
  public static Handler<RoutingContext> replayOrKeep(RepeatabilityCache cache) {
    return ctx -> {
      String id = ctx.request().getHeader(REQUEST_ID);
      if (id == null) {
        ctx.next();
        return;
      }
      String method = ctx.request().method().name();
      String path = ctx.request().path();
      StoredResponse stored = cache.get(method, path, id).orElse(null);
      if (stored != null) {
        ctx.put(RequestPipeline.REPLAYED, true);
        Replies.send(ctx, toReply(stored));
        return;
      }
      Replies.beforeSend(ctx, (c, r) -> {
        if (r.status() < 500) {
          cache.put(method, path, id, toStored(r));
        }
        return r;
      });
      ctx.next();
    };
  }

  private static HttpReply toReply(StoredResponse s) {
    Map<String, String> headers = new LinkedHashMap<>();
    s.headers().forEach((name, values) -> headers.put(name, String.join(", ", values)));
    return new HttpReply(s.status(), headers, Buffer.buffer(s.body()));
  }

  private static StoredResponse toStored(HttpReply r) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    r.headers().forEach((name, value) -> {
      if (!name.equalsIgnoreCase("Repeatability-Result")) {
        headers.put(name, List.of(value));
      }
    });
    return new StoredResponse(r.status(), headers, r.body().getBytes());
  }
}
