package io.callemu.emulator.core.scenario;

import io.callemu.emulator.core.call.Call;
import io.callemu.emulator.core.call.CallConnected;
import io.callemu.emulator.core.call.CallOffered;
import io.callemu.emulator.core.call.CallService;
import io.callemu.emulator.core.caller.CallerActions;
import io.callemu.emulator.core.event.DomainEvent;
import io.callemu.emulator.core.event.Notice;
import io.callemu.emulator.core.media.MediaActionAccepted;
import io.callemu.emulator.core.outcome.InvalidRequest;
import io.callemu.emulator.core.party.Party;
import io.callemu.emulator.core.party.PhoneNumber;
import io.callemu.emulator.core.transcription.TranscriptionStarted;
import io.vertx.core.Vertx;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Carries out scenario steps for the remote party when their trigger happens (a call rang at the
 * app, the call connected, the app asked for a play, a recognize, a playPrompt or a recordResponse,
 * transcription started). Each step runs {@code delayMs}
 * after its trigger through {@link CallerActions}, on the call's timers (so it never outlives the
 * call); a step that cannot run (an unknown participant, an unreadable file) is journalled.
 */
public final class ScenarioRunner {

  private final Vertx vertx;
  private final Scenarios scenarios;
  private final CallService calls;
  private final CallerActions caller;

  public ScenarioRunner(Vertx vertx, Scenarios scenarios, CallService calls, CallerActions caller) {
    this.vertx = vertx;
    this.scenarios = scenarios;
    this.calls = calls;
    this.caller = caller;
  }

  /** Reacts to the events that trigger rules; subscribe it to the domain events. */
  public void on(DomainEvent event) {
    if (event instanceof CallConnected c) {
      trigger(Trigger.CALL_CONNECTED, c.call(), connectedFacts(c.call()));
    } else if (event instanceof CallOffered o) {
      trigger(Trigger.INCOMING_CALL, o.call(), offeredFacts(o.call()));
    } else if (event instanceof MediaActionAccepted a) {
      Trigger t = switch (a.action()) {
        case PLAY -> Trigger.PLAY;
        case RECOGNIZE -> Trigger.RECOGNIZE;
        case PLAY_PROMPT -> Trigger.PLAY_PROMPT;
        case RECORD_RESPONSE -> Trigger.RECORD_RESPONSE;
        default -> null;
      };
      if (t != null) {
        trigger(t, a.call(), a.facts());
      }
    } else if (event instanceof TranscriptionStarted s) {
      Map<String, Object> facts = new HashMap<>();
      facts.put("locale", s.locale());
      if (s.context() != null) {
        facts.put("operationContext", s.context());
      }
      trigger(Trigger.TRANSCRIPTION_STARTED, s.call(), facts);
    }
  }

  /** What {@code match} compares for callConnected: the fields of the request that made the call. */
  private static Map<String, Object> connectedFacts(Call call) {
    Map<String, Object> facts = new HashMap<>();
    if (call.setup().context() != null) {
      facts.put("operationContext", call.setup().context());
    }
    facts.put("callbackUri", call.setup().callbackUri());
    facts.put("direction", call.direction().name().toLowerCase(Locale.ROOT));
    if (!call.targets().isEmpty()) {
      facts.put("target", call.targets().get(0).rawId());
    }
    return facts;
  }

  /**
   * What {@code match} compares for incomingCall: the fields of the offer (a phone number as it was
   * written, {@code +1555…}; other parties by raw id).
   */
  private static Map<String, Object> offeredFacts(Call call) {
    Map<String, Object> facts = new HashMap<>();
    facts.put("callbackUri", call.setup().callbackUri());
    facts.put("from", written(call.source()));
    facts.put("to", written(call.targets().get(0)));
    if (call.setup().app() != null) {
      facts.put("appId", call.setup().app().appId());
    }
    return facts;
  }

  private static String written(Party party) {
    return party instanceof PhoneNumber p ? p.value() : party.rawId();
  }

  private void trigger(Trigger trigger, Call call, Map<String, Object> requestFacts) {
    // Beside the request's fields, match sees who the remote party is, so that one scenario can
    // script different callers differently (a benchmark's caller profiles).
    Map<String, Object> facts = new HashMap<>(requestFacts);
    facts.putIfAbsent("remoteParty", call.remoteParty().rawId());
    for (ScenarioRule rule : scenarios.fire(trigger, facts)) {
      for (Step step : rule.steps()) {
        calls.schedule(call, step.delayMs(), () -> run(step, call));
      }
    }
  }

  private void run(Step step, Call call) {
    if (!call.isActive()) {
      return;
    }
    String participant;
    try {
      participant = caller.participant(call, step.participant());
    } catch (InvalidRequest e) {
      calls.publish(new Notice(call.id(), "scenario step skipped: " + e.getMessage()));
      return;
    }
    if (step instanceof Step.HangUp) {
      caller.hangUp(call);
    } else if (step instanceof Step.PressKeys k) {
      caller.pressKeys(call, participant, k.tones(), k.toneMs(), k.gapMs(), 0);
    } else if (step instanceof Step.Say s) {
      caller.say(call, participant, s.text(), 0, s.durationMs(), s.confidence());
    } else if (step instanceof Step.PlayAudio a) {
      vertx.fileSystem().readFile(a.file().toString())
          .compose(bytes -> caller.playAudio(call, participant, bytes.getBytes(), a.text(), a.confidence(), 0))
          .onFailure(e -> calls.publish(new Notice(call.id(), "scenario audio " + a.file() + " not played: "
              + e.getMessage())));
    }
  }
}
