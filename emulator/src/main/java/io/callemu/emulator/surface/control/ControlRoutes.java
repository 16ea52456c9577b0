package io.callemu.emulator.surface.control;

import static io.callemu.emulator.platform.http.RequestPipeline.answer;
import static io.callemu.emulator.platform.http.RequestPipeline.answerLater;

import io.callemu.emulator.core.call.CallService;
import io.callemu.emulator.core.caller.CallerActions;
import io.callemu.emulator.core.clock.Clock;
import io.callemu.emulator.core.fault.Faults;
import io.callemu.emulator.core.media.MediaService;
import io.callemu.emulator.core.scenario.Scenarios;
import io.callemu.emulator.core.settings.Settings;
import io.callemu.emulator.core.transcription.TranscriptionService;
import io.callemu.emulator.platform.http.Replies;
import io.callemu.emulator.platform.http.RequestPipeline;
import io.callemu.emulator.platform.journal.Journal;
import io.callemu.emulator.platform.webhook.WebhookDelivery;
import io.callemu.emulator.surface.acs.eventgrid.EventGridPublisher;
import io.callemu.emulator.surface.graph.GraphIncomingCalls;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * callemu's own API under {@code /_emulator} (CONTRACT section 3): a route table over one small
 * handler class per resource — calls, caller input, incoming calls, events, clock, faults,
 * scenarios, settings, catalogue — kept apart from the emulated surfaces (WireMock's admin API
 * style). JSON in and out; errors {@code {"error":{"code","message"}}}.
 */
public final class ControlRoutes {

  static final long BODY_LIMIT = 1 << 20;

  /** What the control API works on. */
  public record Parts(Vertx vertx, Clock clock, CallService calls, MediaService media,
      TranscriptionService transcriptions, CallerActions caller, WebhookDelivery webhook, Journal journal,
      Faults faults, Scenarios scenarios, Settings settings, EventGridPublisher eventGrid,
      GraphIncomingCalls graphIncomingCalls, Path dataDir, Runnable reset, List<ControlExtension> extensions,
      Map<String, ScenarioSection> scenarioSections) {
  }

  private final Parts parts;
  private final byte[] controlToken;
  private Router routes;

  /** @param controlToken the bearer token the API needs, or null when it is open */
  public ControlRoutes(Parts parts, String controlToken) {
    this.parts = parts;
    this.controlToken = controlToken == null ? null : ("Bearer " + controlToken).getBytes(StandardCharsets.UTF_8);
  }

  /** Mounts the API under {@code /_emulator} of {@code root}. */
  public void mount(Router root) {
    SystemResource system = new SystemResource(parts.clock(), () -> {
      parts.extensions().forEach(ControlExtension::reset);
      parts.reset().run();
    });
    CallsResource calls = new CallsResource(parts.calls(), parts.media(), parts.transcriptions(), parts.webhook(),
        parts.caller());
    CallerInputResource input = new CallerInputResource(calls, parts.caller());
    IncomingCallsResource incoming = new IncomingCallsResource(parts.vertx(), parts.calls(), parts.settings(),
        parts.eventGrid(), parts.graphIncomingCalls());
    EventsResource events = new EventsResource(parts.vertx(), parts.journal());
    ClockResource clock = new ClockResource(parts.clock(), parts.media(), parts.webhook());
    FaultsResource faults = new FaultsResource(parts.faults(), parts.transcriptions());
    ScenariosResource scenarios = new ScenariosResource(parts.scenarios(), parts.dataDir(), parts.scenarioSections());
    SettingsResource settings = new SettingsResource(parts.settings());
    CatalogueResource catalogue = new CatalogueResource();

    Router r = Router.router(parts.vertx());
    routes = r;
    RequestPipeline pipeline = RequestPipeline.on(r, "control", null, new ControlErrors(), (ctx, reply) -> reply)
        .stage(this::checkToken)
        .readBody(BODY_LIMIT);
    r.get("/health").handler(answer(system::health));
    r.post("/reset").handler(answer(system::reset));
    r.get("/calls").handler(answer(calls::list));
    r.get("/calls/:id").handler(answer(calls::detail));
    r.post("/calls/:id/hangup").handler(answer(calls::hangUp));
    r.post("/calls/:id/dtmf").handler(answer(input::dtmf));
    r.post("/calls/:id/speech").handler(answer(input::speech));
    r.post("/calls/:id/audio").handler(answerLater(input::audio));
    r.post("/incoming-calls").handler(answerLater(incoming::offer));
    r.post("/graph/incoming-calls").handler(answerLater(incoming::offerGraph));
    r.get("/events").handler(answer(events::list));
    r.post("/events/wait").handler(answerLater(events::waitFor));
    r.get("/clock").handler(answer(clock::get));
    r.post("/clock/advance").handler(answerLater(clock::advance));
    r.get("/faults").handler(answer(faults::list));
    r.post("/faults").handler(answer(faults::add));
    r.delete("/faults").handler(answer(faults::clear));
    r.get("/scenarios").handler(answer(scenarios::list));
    r.post("/scenarios").handler(answer(scenarios::add));
    r.delete("/scenarios").handler(answer(scenarios::clear));
    r.get("/settings").handler(answer(settings::list));
    r.post("/settings").handler(answer(settings::change));
    r.get("/catalogue").handler(answer(catalogue::list));
    parts.extensions().forEach(e -> e.mount(r));
    pipeline.endWithNotFound();
    root.route("/_emulator*").subRouter(r);
  }

  /**
   * Every operation mounted, as {@code "GET /_emulator/calls/:id"}, for the documentation to be
   * checked against; empty before {@link #mount}.
   */
  public List<String> operations() {
    if (routes == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (Route route : routes.getRoutes()) {
      if (route.getPath() != null && route.methods() != null) {
        route.methods().forEach(m -> out.add(m.name() + " /_emulator" + route.getPath()));
      }
    }
    return out;
  }

  /** With a control token, every route but health needs {@code Authorization: Bearer <token>}. */
  private void checkToken(RoutingContext ctx) {
    if (controlToken != null && !ctx.request().path().equals("/_emulator/health")) {
      String given = ctx.request().getHeader("Authorization");
      if (given == null || !MessageDigest.isEqual(controlToken, given.getBytes(StandardCharsets.UTF_8))) {
        Replies.send(ctx, ControlErrors.reply(new ControlError(401, "Unauthorized",
            "the control API needs Authorization: Bearer <control token>")).with("WWW-Authenticate", "Bearer"));
        return;
      }
    }
    ctx.next();
  }
}
