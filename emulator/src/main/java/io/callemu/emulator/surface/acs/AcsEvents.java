package io.callemu.emulator.surface.acs;

import io.callemu.dtmf.DtmfTone;
import io.callemu.emulator.core.call.Call;
import io.callemu.emulator.core.call.CallConnected;
import io.callemu.emulator.core.call.CallEnded;
import io.callemu.emulator.core.call.CallSetupFailed;
import io.callemu.emulator.core.call.ParticipantsUpdated;
import io.callemu.emulator.core.call.Platform;
import io.callemu.emulator.core.call.Requester;
import io.callemu.emulator.core.clock.Clock;
import io.callemu.emulator.core.event.DomainEvent;
import io.callemu.emulator.core.media.MediaEvent;
import io.callemu.emulator.core.media.MediaResult;
import io.callemu.emulator.core.media.RecognizeSpec;
import io.callemu.emulator.core.outcome.AcsColumn;
import io.callemu.emulator.core.outcome.ActionKind;
import io.callemu.emulator.core.outcome.Forced;
import io.callemu.emulator.core.outcome.Outcome;
import io.callemu.emulator.core.settings.Settings;
import io.callemu.emulator.core.transcription.TranscriptionEvent;
import io.callemu.emulator.platform.http.WireNames;
import io.callemu.emulator.platform.webhook.Callback;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Renders the core's events of ACS calls as Call Automation callbacks (one CloudEvent in a JSON
 * array, the event {@code data} of the service's recorded events) and hands them to the webhook
 * delivery, in the order they happened.
 */
public final class AcsEvents {

  /** Event schema version carried in {@code data.version}, as the recorded 2025 events. */
  static final String EVENT_VERSION = "2025-06-15";

  private final Consumer<Callback> webhook;
  private final Clock clock;
  private final Settings settings;

  /** @param webhook where rendered callbacks go (the webhook delivery) */
  public AcsEvents(Consumer<Callback> webhook, Clock clock, Settings settings) {
    this.webhook = webhook;
    this.clock = clock;
    this.settings = settings;
  }

  /** Renders {@code event} if it is one of an ACS call's; subscribe it to the domain events. */
  public void on(DomainEvent event) {
    if (event instanceof CallConnected c && isAcs(c.call())) {
      send(c.call(), Requester.NONE, Outcome.CALL_CONNECTED, null, null, true);
    } else if (event instanceof ParticipantsUpdated p && isAcs(p.call())) {
      JsonArray list = new JsonArray();
      p.participants().forEach(party -> list.add(AcsIdentifiers.participant(party)));
      // ParticipantsUpdated carries no operationContext.
      send(p.call(), Requester.NONE, Outcome.PARTICIPANTS_UPDATED, null,
          new JsonObject().put("participants", list).put("sequenceNumber", p.sequenceNumber()), false);
    } else if (event instanceof CallEnded e && isAcs(e.call())) {
      send(e.call(), Requester.NONE, e.outcome(), null, null, true);
    } else if (event instanceof CallSetupFailed f && isAcs(f.call())) {
      send(f.call(), Requester.NONE, f.outcome(), null, null, true);
    } else if (event instanceof MediaEvent m && isAcs(m.call())) {
      media(m);
    } else if (event instanceof TranscriptionEvent t && isAcs(t.call())) {
      send(t.call(), t.requester(), t.outcome(), t.forced(), new JsonObject().put("transcriptionUpdate",
          new JsonObject().put("transcriptionStatus", WireNames.camel(t.status()))
              .put("transcriptionStatusDetails", WireNames.camel(t.details()))), false);
    }
  }

  private static boolean isAcs(Call call) {
    return call.platform() == Platform.ACS;
  }

  private void media(MediaEvent m) {
    ActionKind kind = m.operation().kind();
    boolean promptProgress = kind == ActionKind.RECOGNIZE && (m.outcome() == Outcome.PLAY_STARTED
        || m.outcome() == Outcome.PLAY_COMPLETED || m.outcome() == Outcome.PLAY_CANCELED);
    if (promptProgress && !settings.get(AcsSettings.PROMPT_EMITS_PLAY_EVENTS)) {
      return;
    }
    Requester requester = m.operation().requester();
    JsonObject extra = result(m.result());
    if (m.forced() != null && m.result() instanceof MediaResult.Nothing
        && (kind == ActionKind.PLAY || kind == ActionKind.RECOGNIZE)) {
      String name = eventName(m.outcome(), m.forced());
      if (name.endsWith("Failed")) {
        extra = new JsonObject().put("failedPlaySourceIndex", 0);
      } else if (name.equals("RecognizeCompleted")) {
        extra = emptyResult(m.operation().recognize());
      } else if (name.equals("PlayCompleted")) {
        // A forced completion still started first.
        send(m.call(), requester, Outcome.PLAY_STARTED, null, null, false);
      }
    }
    send(m.call(), requester, m.outcome(), m.forced(), extra, false);
  }

  /** The event {@code data} fields a media result adds. */
  private static JsonObject result(MediaResult result) {
    if (result instanceof MediaResult.FailedSource f) {
      return new JsonObject().put("failedPlaySourceIndex", f.index());
    }
    if (result instanceof MediaResult.Tones t) {
      return dtmfResult(t.tones());
    }
    if (result instanceof MediaResult.Choice c) {
      JsonObject choice = new JsonObject().put("label", c.label());
      if (c.phrase() != null) {
        choice.put("recognizedPhrase", c.phrase()).put("confidence", c.confidence());
      }
      return new JsonObject().put("recognitionType", "choices").put("choiceResult", choice);
    }
    if (result instanceof MediaResult.Speech s) {
      return new JsonObject().put("recognitionType", "speech")
          .put("speechResult", new JsonObject().put("speech", s.text()).put("confidence", s.confidence()));
    }
    if (result instanceof MediaResult.Tone t) {
      return new JsonObject().put("sequenceId", t.sequenceId()).put("tone", t.tone().acsName());
    }
    return null;
  }

  private static JsonObject dtmfResult(List<DtmfTone> tones) {
    JsonArray names = new JsonArray();
    tones.forEach(t -> names.add(t.acsName()));
    return new JsonObject().put("recognitionType", "dtmf").put("dtmfResult", new JsonObject().put("tones", names));
  }

  /** What a fault that names a RecognizeCompleted row carries: an empty result of the input type. */
  private static JsonObject emptyResult(RecognizeSpec spec) {
    return switch (spec.inputType()) {
      case CHOICES -> new JsonObject().put("recognitionType", "choices")
          .put("choiceResult", new JsonObject().put("label", spec.choices().get(0).label()));
      case SPEECH -> new JsonObject().put("recognitionType", "speech")
          .put("speechResult", new JsonObject().put("speech", "").put("confidence", 0.0));
      default -> dtmfResult(List.of());
    };
  }

  private static String eventName(Outcome outcome, Forced forced) {
    if (forced != null && forced.eventName() != null) {
      return forced.eventName().replace(CloudEvents.TYPE_PREFIX, "");
    }
    return outcome.acs().event();
  }

  private static JsonObject resultInformation(Outcome outcome, Forced forced) {
    AcsColumn acs = outcome.acs();
    if (forced == null) {
      return new JsonObject().put("code", acs.code()).put("subCode", acs.subCode()).put("message", acs.message());
    }
    return new JsonObject().put("code", forced.code()).put("subCode", forced.subCode())
        .put("message", forced.message() != null ? forced.message() : acs.message());
  }

  /**
   * Sends one event: the data every call event shares (ids, resultInformation, operationContext
   * only when there is one, {@code version}/{@code publicEventType} as the newer service), then
   * {@code extra}.
   *
   * @param callContext whether the event echoes the call's own context (call life-cycle events)
   */
  private void send(Call call, Requester requester, Outcome outcome, Forced forced, JsonObject extra,
      boolean callContext) {
    String name = eventName(outcome, forced);
    String context = callContext ? call.setup().context() : requester.context();
    JsonObject data = new JsonObject();
    if (context != null) {
      data.put("operationContext", context);
    }
    data.put("version", EVENT_VERSION)
        .put("resultInformation", resultInformation(outcome, forced))
        .put("callConnectionId", call.id())
        .put("serverCallId", call.serverCallId())
        .put("correlationId", call.correlationId())
        .put("publicEventType", CloudEvents.TYPE_PREFIX + name);
    if (extra != null) {
      data.mergeIn(extra);
    }
    JsonObject event = CloudEvents.callEvent(call.id(), name, data, clock.now());
    String url = requester.callbackUri() != null ? requester.callbackUri() : call.setup().callbackUri();
    webhook.accept(new Callback(call.id(), name, url, Map.of("Content-Type", "application/json"),
        new JsonArray().add(event).toBuffer(), event));
  }
}
