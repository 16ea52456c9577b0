package io.callemu.emulator.surface.graph;

import io.callemu.emulator.platform.journal.Journal;
import io.callemu.emulator.platform.jwt.SigningKeyFile;
import io.callemu.emulator.core.settings.Settings;
import io.callemu.emulator.surface.graph.identity.GraphAccessTokens;
import io.callemu.emulator.surface.graph.identity.IdentityRoutes;
import io.callemu.emulator.surface.graph.identity.RegisteredApps;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.time.Clock;

/**
 * Everything of the Graph surface that stands apart from calls, wired and mounted in one step:
 * the Entra ID stand-in (HTTPS only), Graph request authentication, and the bot-notification
 * signer with its published keys. Mounted by {@link GraphSurface} before the control API (whose
 * token check would otherwise cover the notification keys) and before its fallback route.
 *
 * <p>Keys are kept in the data dir ({@link #ENTRA_KEY_FILE}, {@link #NOTIFICATION_KEY_FILE}) so that
 * tokens a client cached and keys a bot cached stay valid across restarts, as the development
 * certificate does; each is made on first use.
 */
public final class GraphIdentity {

  /** The key of the Graph access tokens, under the data dir. */
  public static final String ENTRA_KEY_FILE = "keys/entra-id.jwk.json";
  /** The key of the notification tokens, under the data dir: a key of its own, as in the cloud. */
  public static final String NOTIFICATION_KEY_FILE = "keys/graph-notifications.jwk.json";

  private final RegisteredApps apps;
  private final GraphAccessTokens tokens;
  private final GraphAuth auth;
  private final BotNotificationTokens notifications;

  private GraphIdentity(RegisteredApps apps, GraphAccessTokens tokens, GraphAuth auth,
      BotNotificationTokens notifications) {
    this.apps = apps;
    this.tokens = tokens;
    this.auth = auth;
    this.notifications = notifications;
  }

  /**
   * Builds the pieces and adds their routes to {@code router}; call on the emulator's context.
   *
   * @param graphApps client id to secret of the applications that may get tokens ({@code --graph-app})
   * @param dataDir where the signing keys are kept
   */
  public static GraphIdentity mount(Router router, Vertx vertx, java.util.Map<String, String> graphApps,
      java.nio.file.Path dataDir, Settings settings, Journal journal) {
    Clock realTime = Clock.systemUTC();
    RegisteredApps apps = RegisteredApps.of(graphApps);
    GraphAccessTokens tokens = new GraphAccessTokens(new SigningKeyFile(vertx, dataDir.resolve(ENTRA_KEY_FILE)),
        realTime);
    GraphAuth auth = new GraphAuth(tokens, apps, settings);
    BotNotificationTokens notifications = new BotNotificationTokens(
        new SigningKeyFile(vertx, dataDir.resolve(NOTIFICATION_KEY_FILE)), realTime);
    new IdentityRoutes(apps, tokens, journal, realTime).mount(router);
    notifications.mount(router);
    return new GraphIdentity(apps, tokens, auth, notifications);
  }

  public RegisteredApps apps() {
    return apps;
  }

  public GraphAccessTokens tokens() {
    return tokens;
  }

  /** Request authentication for the Graph operations' routes. */
  public GraphAuth auth() {
    return auth;
  }

  /** Signs the notifications to bots. */
  public BotNotificationTokens notifications() {
    return notifications;
  }
}
