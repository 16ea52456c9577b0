package io.callemu.emulator.surface.control;

import static io.callemu.emulator.surface.control.ControlReplies.iso;

import io.callemu.emulator.core.call.CallService;
import io.callemu.emulator.core.call.IncomingCall;
import io.callemu.emulator.core.outcome.InvalidRequest;
import io.callemu.emulator.core.party.Parties;
import io.callemu.emulator.core.party.Party;
import io.callemu.emulator.platform.http.HttpReply;
import io.callemu.emulator.platform.http.JsonReader;
import io.callemu.emulator.surface.acs.AcsIdentifiers;
import io.callemu.emulator.surface.acs.eventgrid.EventGridPublisher;
import io.callemu.emulator.core.settings.Settings;
import io.callemu.emulator.surface.acs.AcsSettings;
import io.callemu.emulator.surface.graph.GraphError;
import io.callemu.emulator.surface.graph.GraphIncomingCalls;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code POST /_emulator/incoming-calls}: an inbound ACS call, offered to the app as Event Grid's
 * IncomingCall at {@code --eventgrid-webhook}; {@code POST /_emulator/graph/incoming-calls}: an
 * inbound Graph call, offered to a bot as a {@code created} notification at its callback.
 */
final class IncomingCallsResource {

  private final Vertx vertx;
  private final CallService calls;
  private final Settings settings;
  private final EventGridPublisher eventGrid;
  private final GraphIncomingCalls graph;

  /** @param eventGrid the publisher, or null without {@code --eventgrid-webhook} */
  IncomingCallsResource(Vertx vertx, CallService calls, Settings settings, EventGridPublisher eventGrid,
      GraphIncomingCalls graph) {
    this.vertx = vertx;
    this.calls = calls;
    this.settings = settings;
    this.eventGrid = eventGrid;
    this.graph = graph;
  }

  /**
   * {@code {"callbackUri", "from", "to"?, "appId"?, "tenantId"?}} → 201 {@code {"id", ...}}: the call
   * rings at the bot until it answers, rejects or redirects it, or {@code graph.answerTimeoutMs}
   * passed.
   */
  Future<HttpReply> offerGraph(RoutingContext ctx) {
    JsonReader body = ControlReplies.body(ctx);
    String callbackUri = body.requireHttpUri("callbackUri");
    Party from = party(body, "from");
    Party to = body.has("to") ? party(body, "to") : null;
    String appId = body.optString("appId");
    String tenantId = body.optString("tenantId");
    if ((appId != null && appId.isBlank()) || (tenantId != null && tenantId.isBlank())) {
      throw new InvalidRequest("appId and tenantId must not be blank");
    }
    return graph.offer(from, to, appId, tenantId, callbackUri)
        .recover(e -> Future.failedFuture(e instanceof GraphError g ? new ControlError(g.status(), g.code(),
            g.getMessage()) : e))
        .map(offered -> HttpReply.json(201, new JsonObject().put("id", offered.call().id())
            .put("callChainId", offered.call().correlationId())
            .put("from", AcsIdentifiers.render(offered.call().source()))
            .put("to", AcsIdentifiers.render(offered.call().targets().get(0)))
            .put("expiresAt", iso(offered.expiresAt()))));
  }

  Future<HttpReply> offer(RoutingContext ctx) {
    JsonReader body = ControlReplies.body(ctx);
    if (eventGrid == null) {
      throw new ControlError(409, "NoEventGridWebhook", "inbound calls need --eventgrid-webhook "
          + "(CALLEMU_EVENTGRID_WEBHOOK): callemu has nowhere to post the IncomingCall event");
    }
    Party from = party(body, "from");
    Party to = party(body, "to");
    String displayName = body.optString("callerDisplayName");
    IncomingCall offered = calls.offer(from, to, displayName);
    EventGridPublisher.Posting posting = eventGrid.publishIncomingCall(offered);
    JsonObject reply = new JsonObject()
        .put("incomingCallContext", offered.incomingCallContext())
        .put("serverCallId", offered.serverCallId())
        .put("correlationId", offered.correlationId())
        .put("from", AcsIdentifiers.render(from)).put("to", AcsIdentifiers.render(to))
        .put("expiresAt", iso(offered.expiresAt()))
        .put("event", posting.event());
    // The app may answer the call before it answers the post, or never answer the post at all: wait
    // a little (real time), then say what happened so far rather than hold the test up.
    Promise<HttpReply> answer = Promise.promise();
    long waitMs = settings.get(AcsSettings.EVENT_GRID_ANSWER_WAIT_MS);
    long timer = vertx.setTimer(Math.max(1, waitMs), id -> answer.tryComplete(HttpReply.json(201,
        reply.put("delivery", "noAnswer").put("detail", "the webhook has not answered the IncomingCall post within "
            + waitMs + " ms; the call stays offered until it is answered or its answer window ends"))));
    posting.answered().onComplete(ar -> {
      vertx.cancelTimer(timer);
      if (ar.succeeded()) {
        answer.tryComplete(HttpReply.json(201, reply.put("delivery", "delivered")));
      } else if (answer.tryFail(new ControlError(502, "EventGridDeliveryFailed", ar.cause().getMessage()))) {
        dismissQuietly(offered);
      }
    });
    return answer.future();
  }

  /** Takes back an offer whose post failed, unless the app answered or it ended meanwhile. */
  private void dismissQuietly(IncomingCall offered) {
    if (calls.incoming(offered.incomingCallContext()) != null) {
      calls.dismiss(offered.incomingCallContext());
    }
  }

  /** {@code "+1555..."} (a phone number), a raw id ({@code "8:acs:..."}), or an identifier object. */
  private static Party party(JsonReader body, String field) {
    Object v = body.json().getValue(field);
    if (v instanceof String s && !s.isBlank()) {
      return Parties.fromText(s);
    }
    if (v instanceof JsonObject) {
      return AcsIdentifiers.read(body.requireObject(field));
    }
    throw new InvalidRequest(field + " is required: a phone number like \"+15551234567\", "
        + "a raw id like \"8:acs:...\" or an identifier object");
  }
}
