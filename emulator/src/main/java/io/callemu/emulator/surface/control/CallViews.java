package io.callemu.emulator.surface.control;

import static io.callemu.emulator.surface.control.ControlReplies.iso;

import io.callemu.dtmf.DecodeResult;
import io.callemu.dtmf.DtmfTone;
import io.callemu.emulator.core.call.Call;
import io.callemu.emulator.core.call.EndCause;
import io.callemu.emulator.core.media.MediaSnapshot;
import io.callemu.emulator.core.media.OperationSnapshot;
import io.callemu.emulator.core.media.RecognizeSpec;
import io.callemu.emulator.core.transcription.TranscriptionView;
import io.callemu.emulator.platform.http.WireNames;
import io.callemu.emulator.surface.acs.AcsIdentifiers;
import io.callemu.emulator.surface.acs.TranscriptionSubscriptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Locale;
import java.util.Map;

/**
 * How the control API shows calls: a summary for the list, the whole state for one call (the web
 * console shows the same views).
 */
public final class CallViews {

  private static final Map<EndCause, String> ENDED_BY = Map.of(EndCause.APP_HUNG_UP, "app",
      EndCause.REMOTE_HUNG_UP, "remote", EndCause.DECLINED, "declined", EndCause.SETUP_FAILED, "failed",
      EndCause.NOT_ANSWERED, "unanswered", EndCause.DISMISSED, "dismissed", EndCause.RESET, "reset");
  private static final Map<RecognizeSpec.InputType, String> INPUT_TYPES = Map.of(
      RecognizeSpec.InputType.DTMF, "dtmf", RecognizeSpec.InputType.CHOICES, "choices",
      RecognizeSpec.InputType.SPEECH, "speech", RecognizeSpec.InputType.SPEECH_OR_DTMF, "speechOrDtmf");

  private CallViews() {
  }

  public static JsonObject summary(Call call) {
    JsonObject o = new JsonObject()
        .put("callConnectionId", call.id())
        .put("platform", lower(call.platform()))
        .put("serverCallId", call.serverCallId())
        .put("correlationId", call.correlationId())
        .put("direction", lower(call.direction()))
        .put("state", lower(call.state()))
        .put("callbackUri", call.setup().callbackUri())
        .put("createdAt", iso(call.createdAt()));
    if (call.setup().context() != null) {
      o.put("operationContext", call.setup().context());
    }
    if (call.connectedAt() >= 0) {
      o.put("connectedAt", iso(call.connectedAt()));
    }
    if (call.disconnectedAt() >= 0) {
      o.put("disconnectedAt", iso(call.disconnectedAt())).put("endedBy", ENDED_BY.get(call.endCause()));
    }
    return o;
  }

  /**
   * One call's whole state: parties, pending timers and callbacks, media operations with their
   * timers' due times, transcription.
   */
  static JsonObject detail(Call call, MediaSnapshot media, TranscriptionView transcription, int pendingCallbacks) {
    JsonArray targets = new JsonArray();
    call.targets().forEach(t -> targets.add(AcsIdentifiers.render(t)));
    JsonArray participants = new JsonArray();
    call.participants().forEach(p -> participants.add(AcsIdentifiers.participant(p)));
    JsonArray timers = new JsonArray();
    call.timers().forEach(t -> timers.add(new JsonObject().put("dueAt", iso(t.dueAt()))));
    return summary(call)
        .put("source", AcsIdentifiers.render(call.source()))
        .put("targets", targets)
        .put("participants", participants)
        .put("timers", timers)
        .put("pendingCallbacks", pendingCallbacks)
        .put("media", media(media).put("transcription", transcription == null ? null : transcription(transcription)));
  }

  private static JsonObject media(MediaSnapshot media) {
    JsonArray ops = new JsonArray();
    media.operations().forEach(op -> ops.add(operation(op)));
    JsonObject o = new JsonObject().put("operations", ops);
    MediaSnapshot.ContinuousDtmf c = media.continuousDtmf();
    if (c != null) {
      JsonObject dtmf = new JsonObject().put("targetParticipant", c.targetRawId()).put("lastSequenceId",
          c.lastSequenceId());
      if (c.context() != null) {
        dtmf.put("operationContext", c.context());
      }
      o.put("continuousDtmf", dtmf);
    } else {
      o.putNull("continuousDtmf");
    }
    MediaSnapshot.Rtp r = media.rtp();
    if (r != null) {
      JsonObject decoded = new JsonObject();
      for (DecodeResult d : DecodeResult.values()) {
        decoded.put(d.name().toLowerCase(Locale.ROOT), r.decoded().getOrDefault(d, 0L));
      }
      o.put("rtp", new JsonObject().put("host", r.host()).put("port", r.port()).put("payloadType", r.payloadType())
          .put("clockRate", r.clockRate()).put("packetsReceived", r.packetsReceived())
          .put("droppedOverRate", r.droppedOverRate()).put("droppedOversize", r.droppedOversize())
          .put("decoded", decoded).put("ssrcEvictions", r.ssrcEvictions()));
    } else {
      o.putNull("rtp");
    }
    return o;
  }

  /** One media operation with its timers' due times. */
  public static JsonObject operation(OperationSnapshot op) {
    JsonArray timers = new JsonArray();
    op.timers().forEach((name, dueAt) -> timers.add(new JsonObject().put("name", WireNames.camel(name))
        .put("dueAt", iso(dueAt)).put("dueAtMillis", dueAt)));
    JsonObject o = new JsonObject().put("id", op.operation().id()).put("kind", op.operation().kind().wire())
        .put("state", WireNames.camel(op.state())).put("timers", timers).put("running", op.running());
    if (op.operation().requester().context() != null) {
      o.put("operationContext", op.operation().requester().context());
    }
    if (op.loop() != null) {
      o.put("loop", op.loop()).put("sources", op.sources());
    }
    RecognizeSpec spec = op.operation().recognize();
    if (spec != null) {
      o.put("recognizeInputType", INPUT_TYPES.get(spec.inputType())).put("interruptPrompt", spec.interruptPrompt());
      if (op.lockedToTones() != null) {
        o.put("lockedTo", op.lockedToTones() ? "dtmf" : "speech");
      }
      if (!op.tones().isEmpty()) {
        JsonArray names = new JsonArray();
        op.tones().forEach((DtmfTone t) -> names.add(t.acsName()));
        o.put("tones", names);
      }
    }
    return o;
  }

  /** The transcription subscription with the stream's connection and counters. */
  private static JsonObject transcription(TranscriptionView t) {
    JsonObject o = TranscriptionSubscriptions.render(t).put("transportUrl", t.transportUrl());
    if (t.stream() != null) {
      var s = t.stream();
      o.put("stream", new JsonObject().put("url", s.url()).put("connection", s.connection())
          .put("framesSent", s.framesSent()).put("framesWaiting", s.framesWaiting())
          .put("droppedIntermediate", s.droppedIntermediate()).put("droppedFinal", s.droppedFinal())
          .put("failedAttempts", s.failedAttempts()));
    }
    return o;
  }

  private static String lower(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }
}
