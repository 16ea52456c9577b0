package io.callemu.emulator.surface.graph;

import io.callemu.emulator.core.call.CallService;
import io.callemu.emulator.core.media.MediaService;
import io.callemu.emulator.core.recording.Recordings;
import io.callemu.emulator.core.settings.Settings;
import io.callemu.emulator.platform.journal.Journal;
import io.callemu.emulator.platform.webhook.Callback;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The Microsoft Graph surface wired and mounted in one step (CONTRACT section 6): the identity
 * stand-in and notification keys ({@link GraphIdentity}), the calls API under {@code /v1.0} and
 * {@code /beta}, and the recording downloads. Mount it before the control API and before the
 * fallback route; subscribe its {@link #events} renderer to the domain events.
 */
public final class GraphSurface {

  private final GraphIdentity identity;
  private final GraphIncomingCalls incomingCalls;
  private final Settings settings;

  private GraphSurface(GraphIdentity identity, GraphIncomingCalls incomingCalls, Settings settings) {
    this.identity = identity;
    this.incomingCalls = incomingCalls;
    this.settings = settings;
  }

  /**
   * Builds the surface over the core and adds its routes to {@code router}; call on the emulator's context.
   *
   * @param graphApps the applications that may get tokens, client id to secret
   * @param dataDir where the token-signing keys are kept
   */
  public static GraphSurface mount(Router router, Vertx vertx, Map<String, String> graphApps, Path dataDir,
      Settings settings, Journal journal, CallService calls, MediaService media, Recordings recordings) {
    Clock realTime = Clock.systemUTC();
    GraphIdentity identity = GraphIdentity.mount(router, vertx, graphApps, dataDir, settings, journal);
    new GraphRecordings(recordings, journal, realTime).mount(vertx, router);
    new GraphRoutes(identity.auth(), new GraphCalls(calls, identity.notifications()), new GraphMedia(media),
        journal, realTime).mount(vertx, router);
    return new GraphSurface(identity,
        new GraphIncomingCalls(calls, identity.notifications(), identity.apps(), settings), settings);
  }

  /** The renderer of Graph calls' notifications, delivering through {@code webhook}. */
  public GraphEvents events(Consumer<Callback> webhook) {
    return new GraphEvents(webhook, identity.notifications(), settings);
  }

  /** Inbound calls for the control API. */
  public GraphIncomingCalls incomingCalls() {
    return incomingCalls;
  }
}
