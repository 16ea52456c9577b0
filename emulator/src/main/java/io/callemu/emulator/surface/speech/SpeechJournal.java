package io.callemu.emulator.surface.speech;

import io.callemu.emulator.platform.journal.DetailEntry;
import io.callemu.emulator.platform.journal.Journal;
import io.callemu.emulator.platform.journal.JournalEntry;
import io.callemu.emulator.platform.journal.RequestEntry;
import io.callemu.emulator.surface.speech.recognition.RecognitionOutcome;
import io.callemu.emulator.surface.speech.recognition.RecognitionSettings;
import io.callemu.emulator.surface.speech.recognition.SpeechMode;
import io.callemu.emulator.surface.speech.usp.TurnRecord;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The Speech surface's journal entries: every recognition ({@code type} {@code speech}: a REST request or
 * a WebSocket turn, with its audio's SHA-256 so a test author can register a transcript for it, and
 * each result with where its words came from), and every request refused or answered without
 * recognition ({@code kind} {@code request}).
 */
final class SpeechJournal {

  static final String TYPE = "speech";

  private final Journal journal;

  SpeechJournal(Journal journal) {
    this.journal = journal;
  }

  void restRecognition(String path, SpeechMode mode, RecognitionSettings settings, String pcmSha256, long audioMs,
      List<RecognitionOutcome> outcomes) {
    record(recognition("rest", path, mode, settings, pcmSha256, audioMs, outcomes).put("status", 200));
  }

  void turn(String path, String connectionId, TurnRecord t) {
    JsonObject e = recognition("websocket", path, t.settings().mode(), t.settings(), t.pcmSha256(), t.audioMillis(),
        t.outcomes()).put("requestId", t.requestId()).put("completed", t.completed());
    if (connectionId != null) {
      e.put("connectionId", connectionId);
    }
    if (t.continuationTicks() != null) {
      e.put("continuationOffset", t.continuationTicks());
    }
    record(e);
  }

  void request(String method, String path, int status, String message) {
    journal.record(new RequestEntry("speech", method, path, status, null, false,
        message == null ? null : new JsonObject().put("message", message)));
  }

  private void record(JsonObject recognition) {
    journal.record(new DetailEntry(JournalEntry.Kind.SPEECH, null, TYPE, recognition));
  }

  private static JsonObject recognition(String surface, String path, SpeechMode mode, RecognitionSettings s,
      String pcmSha256, long audioMs, List<RecognitionOutcome> outcomes) {
    JsonArray results = new JsonArray();
    for (RecognitionOutcome o : outcomes) {
      JsonObject r = new JsonObject().put("recognitionStatus", o.phrase().status().wireName())
          .put("offset", o.phrase().offsetTicks()).put("duration", o.phrase().durationTicks())
          .put("transcript", o.source().wireName());
      if (!o.phrase().displayText().isEmpty()) {
        r.put("displayText", o.phrase().displayText());
      }
      if (o.withheld()) {
        r.put("withheld", true);
      }
      results.add(r);
    }
    return new JsonObject().put("surface", surface).put("path", path)
        .put("mode", mode.wireName()).put("language", s.locale()).put("format", s.format().wireName())
        .put("profanity", s.profanity().wireName()).put("pcmSha256", pcmSha256).put("audioMs", audioMs)
        .put("results", results);
  }
}
