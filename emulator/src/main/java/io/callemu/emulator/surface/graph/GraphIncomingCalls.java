package io.callemu.emulator.surface.graph;

import io.callemu.emulator.core.call.AppIdentity;
import io.callemu.emulator.core.call.Call;
import io.callemu.emulator.core.call.CallService;
import io.callemu.emulator.core.call.CallSetup;
import io.callemu.emulator.core.call.Platform;
import io.callemu.emulator.core.party.Cloud;
import io.callemu.emulator.core.party.Party;
import io.callemu.emulator.core.party.TeamsApp;
import io.callemu.emulator.core.settings.Settings;
import io.callemu.emulator.surface.graph.identity.RegisteredApps;
import io.vertx.core.Future;

/**
 * Offers inbound calls to Graph bots (the control API's {@code POST /_emulator/graph/incoming-calls},
 * CONTRACT section 6): the call rings at the bot as a {@code created} notification and can be
 * answered, rejected or redirected for {@code graph.answerTimeoutMs}.
 */
public final class GraphIncomingCalls {

  /** An offered call and when its answer window closes (emulated epoch ms). */
  public record Offered(Call call, long expiresAt) {
  }

  private final CallService calls;
  private final BotNotificationTokens notifications;
  private final RegisteredApps apps;
  private final Settings settings;

  GraphIncomingCalls(CallService calls, BotNotificationTokens notifications, RegisteredApps apps, Settings settings) {
    this.calls = calls;
    this.notifications = notifications;
    this.apps = apps;
    this.settings = settings;
  }

  /**
   * Rings a call from {@code from} at bot {@code appId} (null: the first registered application),
   * whose notifications go to {@code callbackUri}; fails with a {@link GraphError} (503) when the
   * notification token cannot be signed, with a {@code Refusal} when no call fits.
   *
   * @param to whom the caller dialled (null: the bot's application)
   * @param tenantId the bot's tenant (null: {@link RegisteredApps#DEFAULT_TENANT_ID})
   */
  public Future<Offered> offer(Party from, Party to, String appId, String tenantId, String callbackUri) {
    AppIdentity app = new AppIdentity(appId != null ? appId : apps.defaultClientId(),
        tenantId != null ? tenantId : RegisteredApps.DEFAULT_TENANT_ID);
    Party target = to != null ? to : TeamsApp.of(app.appId(), Cloud.PUBLIC);
    return notifications.sign(app.appId(), app.tenantId())
        .recover(e -> Future.failedFuture(GraphErrors.serviceUnavailable("callemu cannot sign notifications: "
            + e.getMessage())))
        .map(token -> {
          long window = settings.get(GraphSettings.ANSWER_TIMEOUT_MS);
          Call call = calls.ring(Platform.GRAPH, from, target, CallSetup.forApp(callbackUri, app), window);
          return new Offered(call, call.createdAt() + window);
        });
  }
}
