package io.callemu.emulator.surface.control.console;

import io.callemu.emulator.core.call.Call;
import io.callemu.emulator.core.media.MediaService;
import io.callemu.emulator.core.media.MediaSnapshot;
import io.callemu.emulator.core.media.OperationSnapshot;
import io.callemu.emulator.core.media.OperationTimer;
import io.callemu.emulator.core.media.RecognizeSpec;
import io.callemu.emulator.core.party.Party;
import io.callemu.emulator.core.transcription.TranscriptionService;
import io.callemu.emulator.core.transcription.TranscriptionView;
import io.callemu.emulator.platform.http.WireNames;
import io.callemu.emulator.surface.control.CallViews;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A call as the console lists and shows it: the control API's summary of the call, its parties as
 * people read them, and its media now — each operation with its timers' due times and, where the
 * console knows it, how long each timer runs in all (a prompt from when it started playing, the
 * recognize timers from the request), so a page can count them down.
 */
final class CallRows {

  /** Operations whose prompt start the console remembers (oldest forgotten first). */
  static final int PROMPTS_REMEMBERED = 10_000;

  private final MediaService media;
  private final TranscriptionService transcriptions;
  /** Operation id → emulated ms its prompt (or play) started; bounded, oldest out. */
  private final Map<String, Long> promptStarts = new LinkedHashMap<>(16, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
      return size() > PROMPTS_REMEMBERED;
    }
  };

  CallRows(MediaService media, TranscriptionService transcriptions) {
    this.media = media;
    this.transcriptions = transcriptions;
  }

  /** An operation's prompt (a recognize's prompt or a play's sources) started playing now. */
  void promptStarted(String operationId, long at) {
    promptStarts.put(operationId, at);
  }

  void clear() {
    promptStarts.clear();
  }

  JsonObject render(Call call) {
    List<String> targets = new ArrayList<>();
    call.targets().forEach(t -> targets.add(TimelineItems.party(t)));
    JsonArray participants = new JsonArray();
    for (Party p : call.participants()) {
      participants.add(p.rawId());
    }
    // An outbound call shows the caller id the callee sees, when the app gave one, rather than its own identity.
    Party from = call.direction() == Call.Direction.OUTBOUND && call.setup().callerId() != null
        ? call.setup().callerId() : call.source();
    JsonObject row = CallViews.summary(call).put("from", TimelineItems.party(from))
        .put("to", String.join(", ", targets)).put("participants", participants);
    MediaSnapshot m = media.snapshot(call);
    JsonArray operations = new JsonArray();
    m.operations().forEach(op -> operations.add(operation(op)));
    row.put("operations", operations).put("continuousDtmf", m.continuousDtmf() != null);
    TranscriptionView t = transcriptions.view(call);
    if (t != null) {
      row.put("transcription", t.active() ? "active" : "inactive");
    }
    return row;
  }

  private JsonObject operation(OperationSnapshot op) {
    JsonObject o = CallViews.operation(op);
    Long promptStart = promptStarts.get(op.operation().id());
    RecognizeSpec spec = op.operation().recognize();
    JsonArray timers = o.getJsonArray("timers");
    for (int i = 0; i < timers.size(); i++) {
      JsonObject timer = timers.getJsonObject(i);
      Long length = length(timer.getString("name"), timer.getLong("dueAtMillis"), promptStart, spec);
      if (length != null) {
        timer.put("lengthMs", length);
      }
    }
    if (promptStart != null) {
      o.put("promptStartedAt", promptStart);
    }
    if (spec != null) {
      o.put("initialSilenceMs", spec.initialSilenceMs()).put("interToneMs", spec.interToneMs())
          .put("endSilenceMs", spec.endSilenceMs()).put("maxTones", spec.maxTones());
      JsonArray stop = new JsonArray();
      spec.stopTones().forEach(tone -> stop.add(String.valueOf(tone.key())));
      o.put("stopTones", stop).put("prompts", spec.prompts().size());
    }
    return o;
  }

  /** How long a timer runs in all, or null when the console cannot tell. */
  private static Long length(String name, long dueAt, Long promptStart, RecognizeSpec spec) {
    if (name.equals(WireNames.camel(OperationTimer.PROMPT)) || name.equals(WireNames.camel(OperationTimer.PLAY_END))) {
      return promptStart == null ? null : Math.max(0, dueAt - promptStart);
    }
    if (spec == null) {
      return null;
    }
    if (name.equals(WireNames.camel(OperationTimer.INITIAL_SILENCE))) {
      return spec.initialSilenceMs();
    }
    if (name.equals(WireNames.camel(OperationTimer.INTER_TONE))) {
      return spec.interToneMs();
    }
    if (name.equals(WireNames.camel(OperationTimer.END_SILENCE))) {
      return spec.endSilenceMs();
    }
    return null;
  }
}
