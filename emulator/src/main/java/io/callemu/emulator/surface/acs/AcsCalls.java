package io.callemu.emulator.surface.acs;

import io.callemu.emulator.core.call.Call;
import io.callemu.emulator.core.call.CallService;
import io.callemu.emulator.core.call.CallSetup;
import io.callemu.emulator.core.call.CallState;
import io.callemu.emulator.core.call.Platform;
import io.callemu.emulator.core.outcome.Outcome;
import io.callemu.emulator.core.outcome.Refusal;
import io.callemu.emulator.core.party.AcsUser;
import io.callemu.emulator.core.party.Party;
import io.callemu.emulator.core.transcription.TranscriptionService;
import io.callemu.emulator.core.transcription.TranscriptionView;
import io.callemu.emulator.platform.http.HttpReply;
import io.callemu.emulator.platform.http.JsonReader;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The call routes of the ACS surface: createCall, answer, redirect, reject, get, hang up,
 * terminate and participants. Each request is validated completely before the {@link CallService}
 * is told; answers render CallConnectionProperties.
 */
final class AcsCalls {

  private static final int MAX_TARGETS = 100;
  private static final Set<String> REJECT_REASONS = Set.of("none", "busy", "forbidden");

  private final CallService calls;
  private final TranscriptionService transcriptions;

  AcsCalls(CallService calls, TranscriptionService transcriptions) {
    this.calls = calls;
    this.transcriptions = transcriptions;
  }

  HttpReply create(RoutingContext ctx) {
    JsonReader f = AcsRoutes.body(ctx);
    List<Party> targets = new ArrayList<>();
    for (JsonReader t : f.requireObjects("targets", false, MAX_TARGETS, "identifiers")) {
      targets.add(AcsIdentifiers.read(t));
    }
    CallSetup setup = AcsCallSetups.ofCreate(f, targets);
    JsonReader source = f.optObject("source");
    Party from = source == null ? null : new AcsUser(source.requireString("id"));
    Call call = calls.create(Platform.ACS, from, targets, setup);
    return AcsRoutes.forCall(ctx, call, HttpReply.json(201, properties(call, null)));
  }

  HttpReply answer(RoutingContext ctx) {
    JsonReader f = AcsRoutes.body(ctx);
    String context = f.requireString("incomingCallContext");
    CallSetup setup = AcsCallSetups.ofAnswer(f);
    Call call = calls.answer(Platform.ACS, context, setup);
    // The recorded answer response reports "unknown" until CallConnected.
    return AcsRoutes.forCall(ctx, call, HttpReply.json(200, properties(call, "unknown")));
  }

  HttpReply redirect(RoutingContext ctx) {
    JsonReader f = AcsRoutes.body(ctx);
    String context = f.requireString("incomingCallContext");
    AcsIdentifiers.read(f.requireObject("target"));
    calls.dismiss(context);
    return HttpReply.empty(204);
  }

  HttpReply reject(RoutingContext ctx) {
    JsonReader f = AcsRoutes.body(ctx);
    String context = f.requireString("incomingCallContext");
    String reason = f.optString("callRejectReason");
    if (reason != null && !REJECT_REASONS.contains(reason)) {
      throw f.invalid("callRejectReason", "must be none, busy or forbidden, got '" + reason + "'");
    }
    calls.dismiss(context);
    return HttpReply.empty(204);
  }

  HttpReply get(RoutingContext ctx) {
    Call call = active(ctx);
    return AcsRoutes.forCall(ctx, call, HttpReply.json(200, properties(call, null)));
  }

  HttpReply hangUp(RoutingContext ctx) {
    Call call = active(ctx);
    calls.hangUpByApp(call);
    return AcsRoutes.forCall(ctx, call, HttpReply.empty(204));
  }

  HttpReply participants(RoutingContext ctx) {
    Call call = active(ctx);
    JsonArray list = new JsonArray();
    call.participants().forEach(p -> list.add(AcsIdentifiers.participant(p)));
    return AcsRoutes.forCall(ctx, call, HttpReply.json(200, new JsonObject().put("value", list)));
  }

  HttpReply participant(RoutingContext ctx) {
    Call call = active(ctx);
    // Java 1.0.4 sends the raw id as is, JS percent-encodes it: the router decoded it exactly once.
    String rawId = ctx.pathParam("rawId");
    Party p = call.participant(rawId);
    if (p == null) {
      throw new Refusal(Outcome.PARTICIPANT_NOT_FOUND, rawId);
    }
    return AcsRoutes.forCall(ctx, call, HttpReply.json(200, AcsIdentifiers.participant(p)));
  }

  /** The ACS call named in the path, if it still lasts (a Graph call's id is no call connection). */
  Call active(RoutingContext ctx) {
    Call call = calls.active(ctx.pathParam("id"));
    if (call.platform() != Platform.ACS) {
      throw new Refusal(Outcome.CALL_NOT_FOUND);
    }
    return call;
  }

  /** CallConnectionProperties with the call's state, or {@code stateOverride} when not null. */
  private JsonObject properties(Call call, String stateOverride) {
    JsonArray targets = new JsonArray();
    call.targets().forEach(t -> targets.add(AcsIdentifiers.render(t)));
    JsonObject o = new JsonObject()
        .put("callConnectionId", call.id())
        .put("serverCallId", call.serverCallId())
        .put("targets", targets)
        .put("callConnectionState", stateOverride != null ? stateOverride : state(call.state()))
        .put("callbackUri", call.setup().callbackUri())
        .put("source", AcsIdentifiers.render(call.source()))
        .put("correlationId", call.correlationId());
    CallSetup setup = call.setup();
    if (setup.callerId() != null) {
      o.put("sourceCallerIdNumber", new JsonObject().put("value", setup.callerId().value()));
    }
    if (setup.displayName() != null) {
      o.put("sourceDisplayName", setup.displayName());
    }
    if (setup.answeredBy() != null) {
      o.put("answeredBy", new JsonObject().put("id", setup.answeredBy().rawId()));
    }
    TranscriptionView t = transcriptions.view(call);
    if (t != null) {
      o.put("transcriptionSubscription", TranscriptionSubscriptions.render(t));
    }
    return o;
  }

  private static String state(CallState state) {
    return state.name().toLowerCase(Locale.ROOT);
  }
}
