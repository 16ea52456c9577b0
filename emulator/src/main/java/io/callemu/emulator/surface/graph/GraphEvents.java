package io.callemu.emulator.surface.graph;

import io.callemu.emulator.core.call.AppIdentity;
import io.callemu.emulator.core.call.Call;
import io.callemu.emulator.core.call.CallConnected;
import io.callemu.emulator.core.call.CallConnecting;
import io.callemu.emulator.core.call.CallEnded;
import io.callemu.emulator.core.call.CallOffered;
import io.callemu.emulator.core.call.CallSetupFailed;
import io.callemu.emulator.core.call.Platform;
import io.callemu.emulator.core.event.DomainEvent;
import io.callemu.emulator.core.media.MediaEvent;
import io.callemu.emulator.core.media.MediaResult;
import io.callemu.emulator.core.outcome.Forced;
import io.callemu.emulator.core.outcome.GraphColumn;
import io.callemu.emulator.core.outcome.Outcome;
import io.callemu.emulator.core.settings.Settings;
import io.callemu.emulator.platform.webhook.Callback;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Renders the core's events of Graph calls as {@code commsNotifications} (reference
 * graph-and-speech.md A3.1, A5, A7.4, A9) and hands them, signed for the bot (CONTRACT section 6),
 * to the webhook delivery in the order they happened:
 *
 * <ul>
 *   <li>an offered call: {@code created} with the whole call, state {@code incoming};
 *   <li>being set up: {@code updated} {@code establishing}; connected: {@code updated}
 *       {@code established} with {@code mediaState.audio: active} (settings may repeat it, or send
 *       establishing after it);
 *   <li>ended: {@code updated} {@code terminating}, then {@code deleted} {@code terminated} with the
 *       end's {@code resultInfo} (an unanswered or declined call only the latter);
 *   <li>a media operation finished: {@code deleted} on the operation with its final state;
 *   <li>a key of a tone subscription: {@code updated} with {@code toneInfo}.
 * </ul>
 *
 * Journal types: {@code call.<state>}, {@code call.toneInfo}, {@code <operation type>.<status>}
 * ({@code recordOperation.completed}).
 */
public final class GraphEvents {

  /** Where {@code recordingLocation}s point, under the origin the bot used. */
  public static final String RECORDINGS_PATH = "/_emulator/graph/recordings/";
  private static final String USER_AGENT = "Microsoft-Skype/3.0,(Calling/1.0)";

  private final Consumer<Callback> webhook;
  private final BotNotificationTokens tokens;
  private final Settings settings;
  /** Per call, the notifications still waiting for a token, so later ones queue behind them. */
  private final Map<String, Future<Void>> waiting = new HashMap<>();
  private long etag;

  /** @param webhook where signed notifications go (the webhook delivery) */
  public GraphEvents(Consumer<Callback> webhook, BotNotificationTokens tokens, Settings settings) {
    this.webhook = webhook;
    this.tokens = tokens;
    this.settings = settings;
  }

  /** Renders {@code event} if it is one of a Graph call's; subscribe it to the domain events. */
  public void on(DomainEvent event) {
    if (event instanceof CallOffered o && isGraph(o.call())) {
      Call call = o.call();
      send(call, "created", GraphResources.path(call), GraphResources.call(call), "call.incoming");
    } else if (event instanceof CallConnecting c && isGraph(c.call())) {
      if (!settings.get(GraphSettings.OUT_OF_ORDER)) {
        state(c.call(), "establishing", null);
      }
    } else if (event instanceof CallConnected c && isGraph(c.call())) {
      state(c.call(), "established", GraphResources.mediaActive());
      if (settings.get(GraphSettings.REPEAT_ESTABLISHED)) {
        state(c.call(), "established", GraphResources.mediaActive());
      }
      if (settings.get(GraphSettings.OUT_OF_ORDER)) {
        state(c.call(), "establishing", null);
      }
    } else if (event instanceof CallEnded e && isGraph(e.call())) {
      state(e.call(), "terminating", null);
      terminated(e.call(), e.outcome());
    } else if (event instanceof CallSetupFailed f && isGraph(f.call())) {
      terminated(f.call(), f.outcome());
    } else if (event instanceof MediaEvent m && isGraph(m.call()) && m.outcome().graph() != null) {
      GraphColumn graph = m.outcome().graph();
      if (graph.shape() == GraphColumn.Shape.OPERATION) {
        operation(m, graph);
      } else if (graph.shape() == GraphColumn.Shape.TONE && m.result() instanceof MediaResult.Tone t) {
        JsonObject data = callData(m.call(), "established").put("toneInfo", new JsonObject()
            .put("@odata.type", "#microsoft.graph.toneInfo").put("sequenceId", t.sequenceId())
            .put("tone", t.tone().graphName()));
        send(m.call(), "updated", GraphResources.path(m.call()), data, "call.toneInfo");
      }
    }
  }

  private static boolean isGraph(Call call) {
    return call.platform() == Platform.GRAPH;
  }

  /** A sparse call update: its state, and what else changed. */
  private void state(Call call, String state, JsonObject mediaState) {
    JsonObject data = callData(call, state);
    if (mediaState != null) {
      data.put("mediaState", mediaState);
    }
    send(call, "updated", GraphResources.path(call), data, "call." + state);
  }

  private void terminated(Call call, Outcome outcome) {
    GraphColumn graph = outcome.graph();
    JsonObject data = callData(call, "terminated");
    if (graph != null) {
      data.put("resultInfo", resultInfo(graph.code(), graph.subcode(), graph.message()));
    }
    send(call, "deleted", GraphResources.path(call), data, "call.terminated");
  }

  private JsonObject callData(Call call, String state) {
    return new JsonObject().put("@odata.type", "#microsoft.graph.call")
        .put("@odata.id", GraphResources.path(call))
        .put("@odata.etag", nextEtag())
        .put("state", state);
  }

  /** An operation's final state: its row's status and completionReason, the (forced) resultInfo, the recording. */
  private void operation(MediaEvent m, GraphColumn graph) {
    String url = GraphResources.path(m.call()) + "/operations/" + m.operation().id();
    String type = GraphResources.operationType(m.operation().kind());
    Forced forced = m.forced();
    JsonObject data = new JsonObject()
        .put("@odata.type", type)
        .put("@odata.id", url)
        .put("@odata.etag", nextEtag())
        .put("id", m.operation().id())
        .put("clientContext", m.operation().requester().context())
        .put("status", graph.status().wire())
        .put("completionReason", graph.completionReason())
        .put("resultInfo", forced == null ? resultInfo(graph.code(), graph.subcode(), graph.message())
            : resultInfo(forced.code(), forced.subCode(), forced.message() != null ? forced.message() : graph.message()));
    if (type.equals("#microsoft.graph.recordOperation")) {
      if (m.result() instanceof MediaResult.Recorded r) {
        String origin = m.operation().requester().origin();
        data.put("recordingLocation", (origin == null ? "" : origin) + RECORDINGS_PATH + r.recording().id())
            .put("recordingAccessToken", r.recording().accessToken());
      } else {
        // As the cancelled-operation example shows: empty, not absent (reference A7.4).
        data.put("recordingLocation", "").put("recordingAccessToken", "");
      }
    }
    send(m.call(), "deleted", url, data, type.substring("#microsoft.graph.".length()) + "." + graph.status().wire());
  }

  private static JsonObject resultInfo(int code, int subcode, String message) {
    return new JsonObject().put("@odata.type", GraphResources.RESULT_INFO).put("code", code).put("subcode", subcode)
        .put("message", message);
  }

  private String nextEtag() {
    return "W/\"" + (++etag) + "\"";
  }

  /**
   * Sends one notification to the call's callback with the bot's token. Normally the token is
   * ready (the routes wait for it before a call's first notification) and this is synchronous;
   * otherwise the call's notifications queue behind the signature, in order.
   */
  private void send(Call call, String changeType, String resourceUrl, JsonObject resourceData, String type) {
    JsonObject notification = new JsonObject()
        .put("@odata.type", "#microsoft.graph.commsNotifications")
        .put("value", new JsonArray().add(new JsonObject()
            .put("@odata.type", "#microsoft.graph.commsNotification")
            .put("changeType", changeType)
            .put("resource", resourceUrl.replace("/communications/calls/", "/app/calls/"))
            .put("resourceUrl", resourceUrl)
            .put("resourceData", resourceData)));
    AppIdentity app = call.setup().app();
    Future<String> token = tokens.sign(app.appId(), app.tenantId());
    Future<Void> before = waiting.get(call.id());
    if (before == null && token.isComplete()) {
      deliver(call, type, notification, token);
      return;
    }
    Future<Void> queued = (before == null ? token : before.transform(v -> token)).transform(t -> {
      deliver(call, type, notification, token);
      return Future.<Void>succeededFuture();
    });
    waiting.put(call.id(), queued);
    queued.onComplete(v -> waiting.remove(call.id(), queued));
  }

  private void deliver(Call call, String type, JsonObject notification, Future<String> token) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    if (token.succeeded()) {
      headers.put("Authorization", "Bearer " + token.result());
    }
    headers.put("User-Agent", USER_AGENT);
    headers.put("Client-Request-Id", UUID.randomUUID().toString());
    headers.put("X-Microsoft-Skype-Chain-ID", call.correlationId());
    headers.put("X-Microsoft-Skype-Message-ID", UUID.randomUUID().toString());
    webhook.accept(new Callback(call.id(), type, call.setup().callbackUri(), headers, notification.toBuffer(),
        notification));
  }
}
