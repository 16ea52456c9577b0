package io.callemu.emulator.surface.control;

import io.callemu.emulator.platform.build.Version;
import io.callemu.emulator.core.clock.Clock;
import io.callemu.emulator.platform.http.HttpReply;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** {@code /_emulator/health} and {@code /_emulator/reset}. */
final class SystemResource {

  private final Clock clock;
  private final Runnable reset;

  /** @param reset drops all calls, faults, scenarios and the journal */
  SystemResource(Clock clock, Runnable reset) {
    this.clock = clock;
    this.reset = reset;
  }

  HttpReply health(RoutingContext ctx) {
    return HttpReply.json(200, new JsonObject().put("status", "ready").put("version", Version.get())
        .put("clock", clock.mode().wire()));
  }

  HttpReply reset(RoutingContext ctx) {
    reset.run();
    return HttpReply.empty(204);
  }
}
