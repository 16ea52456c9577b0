package io.callemu.emulator.scenario;

import io.callemu.dtmf.DtmfTone;
import io.callemu.emulator.call.Call;
import io.callemu.emulator.call.CallService;
import io.callemu.emulator.media.CallerAudio;
import io.callemu.emulator.media.MediaService;
import io.callemu.emulator.media.Phrases;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * Carries out scenario actions for the remote party when their trigger happens: the call
 * connected, or the app asked for a play or a recognize. Each action runs {@code delayMs} after its
 * trigger, on the call's timers (so it never outlives the call).
 */
public final class ScenarioRunner {

  private final Scenarios scenarios;
  private final CallService calls;
  private final MediaService media;
  private final Vertx vertx;

  public ScenarioRunner(Vertx vertx, Scenarios scenarios, CallService calls, MediaService media) {
    this.scenarios = scenarios;
    this.calls = calls;
    this.media = media;
    this.vertx = vertx;
    calls.onConnected(this::callConnected);
    media.onAction((call, facts) -> trigger(facts.getString("action"), call, facts));
  }

  private void callConnected(Call call) {
    // match compares the fields of the request that made the call.
    JsonObject facts = new JsonObject()
        .put("operationContext", call.operationContext())
        .put("callbackUri", call.callbackUri())
        .put("direction", call.direction().name().toLowerCase(java.util.Locale.ROOT));
    if (!call.targets().isEmpty()) {
      facts.put("target", call.targets().get(0).rawId());
    }
    trigger("callConnected", call, facts);
  }

  /**
   * Transcription started on {@code call} (its first connection opened); {@code facts} hold the
   * start's {@code operationContext} and {@code locale} for {@code match}.
   */
  public void transcriptionStarted(Call call, JsonObject facts) {
    trigger("transcriptionStarted", call, facts);
  }

  private void trigger(String trigger, Call call, JsonObject facts) {
    // Beside the request's fields, match sees who the remote party is, so that one scenario can
    // script different callers differently (a benchmark's caller profiles).
    if (!facts.containsKey("remoteParty")) {
      facts.put("remoteParty", call.remoteParty().rawId());
    }
    for (ScenarioRule rule : scenarios.fire(trigger, facts)) {
      for (ScenarioRule.Action action : rule.actions()) {
        calls.schedule(call, action.delayMs(), () -> run(action, call));
      }
    }
  }

  private void run(ScenarioRule.Action action, Call call) {
    if (!call.isActive()) {
      return;
    }
    String participant = participant(action, call);
    JsonObject o = action.options();
    switch (action.kind()) {
      case "hangup":
        calls.hangUpByRemote(call);
        break;
      case "dtmf":
        media.pressKeys(call, participant, tones(action.argument()), o.getInteger("toneMs", 100),
            o.getInteger("gapMs", 150), 0);
        break;
      case "speech": {
        String text = (String) action.argument();
        long duration = o.getLong("durationMs", Phrases.speakingMillis(text));
        media.say(call, participant, Phrases.of(text, o.getDouble("confidence", 0.9), "en-US", duration),
            0, duration);
        break;
      }
      case "audio":
        playAudio(call, participant, action);
        break;
      default:
        break;
    }
  }

  /** Reads and analyses the WAV off the event loop; a bad file is journalled by the media service. */
  private void playAudio(Call call, String participant, ScenarioRule.Action action) {
    String text = action.options().getString("text", "");
    long segmentation = media.segmentationSilenceMs();
    vertx.fileSystem().readFile(action.file().toString())
        .compose(bytes -> vertx.executeBlocking(() -> CallerAudio.utterances(bytes.getBytes(), text, segmentation), false))
        .onComplete(ar -> {
          if (ar.failed()) {
            media.note(call, "scenario audio " + action.file() + " not played: " + ar.cause().getMessage());
          } else if (call.isActive()) {
            media.sayAudio(call, participant, ar.result(), action.options().getDouble("confidence", 0.9), 0);
          }
        });
  }

  private static String participant(ScenarioRule.Action action, Call call) {
    String given = action.options().getString("participant");
    return given != null && call.participant(given) != null ? given : call.remoteParty().rawId();
  }

  private static List<DtmfTone> tones(Object argument) {
    if (argument instanceof JsonArray names) {
      return names.stream().map(n -> DtmfTone.fromAcsName(String.valueOf(n))).toList();
    }
    return DtmfTone.parseKeys((String) argument);
  }
}
