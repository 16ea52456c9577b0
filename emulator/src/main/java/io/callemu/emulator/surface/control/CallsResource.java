package io.callemu.emulator.surface.control;

import io.callemu.emulator.core.call.Call;
import io.callemu.emulator.core.call.CallService;
import io.callemu.emulator.core.caller.CallerActions;
import io.callemu.emulator.core.media.MediaService;
import io.callemu.emulator.core.transcription.TranscriptionService;
import io.callemu.emulator.platform.http.HttpReply;
import io.callemu.emulator.platform.webhook.WebhookDelivery;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** {@code /_emulator/calls}: every call, one call's whole state, and the remote party's hang-up. */
final class CallsResource {

  private final CallService calls;
  private final MediaService media;
  private final TranscriptionService transcriptions;
  private final WebhookDelivery webhook;
  private final CallerActions caller;

  CallsResource(CallService calls, MediaService media, TranscriptionService transcriptions, WebhookDelivery webhook,
      CallerActions caller) {
    this.calls = calls;
    this.media = media;
    this.transcriptions = transcriptions;
    this.webhook = webhook;
    this.caller = caller;
  }

  HttpReply list(RoutingContext ctx) {
    JsonArray list = new JsonArray();
    calls.all().forEach(call -> list.add(CallViews.summary(call)));
    return HttpReply.json(200, new JsonObject().put("calls", list));
  }

  HttpReply detail(RoutingContext ctx) {
    Call call = find(ctx);
    return HttpReply.json(200, CallViews.detail(call, media.snapshot(call), transcriptions.view(call),
        webhook.waiting(call.id())));
  }

  HttpReply hangUp(RoutingContext ctx) {
    Call call = find(ctx);
    if (!call.isActive()) {
      throw new ControlError(409, "CallEnded", "call " + call.id() + " has already ended");
    }
    caller.hangUp(call);
    return HttpReply.json(200, CallViews.summary(call));
  }

  /** The call named in the path, in any state. */
  Call find(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    Call call = calls.find(id);
    if (call == null) {
      throw ControlErrors.callNotFound(id);
    }
    return call;
  }
}
