package io.callemu.emulator.platform.http;

import io.vertx.ext.web.RoutingContext;

/**
 * Sends {@link HttpReply}s. A pipeline stage may hook into every answer of a request (repeatability
 * stores it, a surface adds its headers) through {@link #beforeSend}.
 */
public final class Replies {

  /** Changes an answer just before it is sent. */
  @FunctionalInterface
  public interface Hook {
    HttpReply apply(RoutingContext ctx, HttpReply reply);
  }

  private static final String HOOKS = "callemu.replyHooks";

  private Replies() {
  }

  /** Adds a hook for the answer of this request; hooks run in the order added. */
  public static void beforeSend(RoutingContext ctx, Hook hook) {
    Hook previous = ctx.get(HOOKS);
    ctx.put(HOOKS, previous == null ? hook : (Hook) (c, r) -> hook.apply(c, previous.apply(c, r)));
  }

  /** Sends {@code reply}, unless an answer was already sent or the client left. */
  public static void send(RoutingContext ctx, HttpReply reply) {
    if (ctx.response().ended() || ctx.response().closed()) {
      return;
    }
    Hook hook = ctx.get(HOOKS);
    HttpReply r = hook == null ? reply : hook.apply(ctx, reply);
    ctx.response().setStatusCode(r.status());
    r.headers().forEach(ctx.response()::putHeader);
    ctx.response().end(r.body());
  }
}
