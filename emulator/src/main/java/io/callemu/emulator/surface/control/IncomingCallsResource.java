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
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code POST /_emulator/incoming-calls}: an inbound ACS call, offered to the app as Event Grid's
 * IncomingCall at {@code --eventgrid-webhook}.
 */
final class IncomingCallsResource {

  private final Vertx vertx;
  private final CallService calls;
  private final Settings settings;
  private final EventGridPublisher eventGrid;

  /** @param eventGrid the publisher, or null without {@code --eventgrid-webhook} */
  IncomingCallsResource(Vertx vertx, CallService calls, Settings settings, EventGridPublisher eventGrid) {
    this.vertx = vertx;
    this.calls = calls;
    this.settings = settings;
    this.eventGrid = eventGrid;
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
