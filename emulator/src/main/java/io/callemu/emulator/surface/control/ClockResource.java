package io.callemu.emulator.surface.control;

import static io.callemu.emulator.surface.control.ControlReplies.iso;

import io.callemu.emulator.core.clock.Clock;
import io.callemu.emulator.core.clock.TimerLateness;
import io.callemu.emulator.core.clock.VirtualClock;
import io.callemu.emulator.core.clock.WallClock;
import io.callemu.emulator.core.media.MediaService;
import io.callemu.emulator.platform.http.HttpReply;
import io.callemu.emulator.platform.http.JsonReader;
import io.callemu.emulator.platform.webhook.WebhookDelivery;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** {@code /_emulator/clock}: the emulated time, and advancing the virtual clock. */
final class ClockResource {

  /** The longest single advance (31 days). */
  static final long MAX_ADVANCE_MS = 31L * 24 * 3600 * 1000;

  private final Clock clock;
  private final MediaService media;
  private final WebhookDelivery webhook;

  ClockResource(Clock clock, MediaService media, WebhookDelivery webhook) {
    this.clock = clock;
    this.media = media;
    this.webhook = webhook;
  }

  HttpReply get(RoutingContext ctx) {
    return HttpReply.json(200, json());
  }

  /** Moves the virtual clock; answers once every timer due meanwhile fired and its callbacks settled. */
  Future<HttpReply> advance(RoutingContext ctx) {
    if (!(clock instanceof VirtualClock virtual)) {
      throw new ControlError(409, "WallClock",
          "the clock is wall time; start callemu with --clock virtual to advance it");
    }
    JsonReader body = ControlReplies.body(ctx);
    if (!body.has("ms")) {
      throw ControlErrors.invalid("ms must be a whole number from 0 to " + MAX_ADVANCE_MS + " (31 days)");
    }
    long ms = body.optLong("ms", 0, MAX_ADVANCE_MS, 0);
    return virtual.advance(ms, this::settled).map(now -> HttpReply.json(200, json()));
  }

  /**
   * Completes when nothing that takes real time is under way: no prompt file being fetched (its
   * end sets the prompt's timer or fails the operation) and then no callback being sent.
   */
  private Future<Void> settled() {
    return media.whenPromptsFetched().compose(v -> webhook.whenSettled());
  }

  private JsonObject json() {
    JsonObject o = new JsonObject().put("mode", clock.mode().wire()).put("now", iso(clock.nowMillis()))
        .put("nowMillis", clock.nowMillis());
    if (clock instanceof VirtualClock v) {
      o.put("pendingTimers", v.pending());
      if (v.nextDueAt() >= 0) {
        o.put("nextDueAt", iso(v.nextDueAt()));
      }
    }
    if (clock instanceof WallClock w) {
      o.put("timerLateness", lateness(w.lateness().snapshot()));
    }
    return o;
  }

  /** {@code {fired, totalMs, maxMs, buckets:[{leMs, count}…, {leMs:null, count}]}}, cumulative since start. */
  private static JsonObject lateness(TimerLateness.Snapshot s) {
    JsonArray buckets = new JsonArray();
    s.buckets().forEach(b -> buckets.add(new JsonObject().put("leMs", b.leMs()).put("count", b.count())));
    return new JsonObject().put("fired", s.fired()).put("totalMs", s.totalMs()).put("maxMs", s.maxMs())
        .put("buckets", buckets);
  }
}
