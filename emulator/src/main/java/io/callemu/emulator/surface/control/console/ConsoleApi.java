package io.callemu.emulator.surface.control.console;

import static io.callemu.emulator.platform.http.RequestPipeline.answer;

import io.callemu.emulator.core.call.Call;
import io.callemu.emulator.core.call.CallService;
import io.callemu.emulator.platform.http.HttpReply;
import io.callemu.emulator.surface.control.ControlError;
import io.callemu.emulator.surface.control.ControlExtension;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The console's part of the control API, behind the control token like the rest:
 * {@code GET /_emulator/feed} (the live feed as Server-Sent Events) and
 * {@code GET /_emulator/calls/{id}/timeline} (a call's row and the items its timeline holds).
 */
public final class ConsoleApi implements ControlExtension {

  private final ConsoleFeed feed;
  private final CallService calls;

  public ConsoleApi(ConsoleFeed feed, CallService calls) {
    this.feed = feed;
    this.calls = calls;
  }

  @Override
  public void mount(Router router) {
    router.get("/feed").handler(this::feed);
    router.get("/calls/:id/timeline").handler(answer(this::timeline));
  }

  @Override
  public void reset() {
    feed.reset();
  }

  private void feed(RoutingContext ctx) {
    HttpServerResponse response = ctx.response();
    if (feed.tabs() >= ConsoleFeed.MAX_TABS) {
      // Checked before the headers go out, so the refusal is an ordinary error answer.
      ctx.fail(new ControlError(503, "TooManyConsoles", "at most " + ConsoleFeed.MAX_TABS
          + " consoles may read the feed at once; close a tab"));
      return;
    }
    response.setChunked(true).setStatusCode(200)
        .putHeader("Content-Type", "text/event-stream; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .putHeader("X-Accel-Buffering", "no");
    feed.subscribe(response);
  }

  private HttpReply timeline(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    Call call = calls.find(id);
    if (call == null) {
      throw new ControlError(404, "CallNotFound", "no call " + id);
    }
    return HttpReply.json(200, feed.timeline(call));
  }
}
