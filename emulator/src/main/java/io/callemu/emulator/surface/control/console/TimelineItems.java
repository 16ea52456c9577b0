package io.callemu.emulator.surface.control.console;

import io.callemu.dtmf.DtmfTone;
import io.callemu.emulator.core.call.Call;
import io.callemu.emulator.core.call.CallConnected;
import io.callemu.emulator.core.call.CallEnded;
import io.callemu.emulator.core.call.CallSetupFailed;
import io.callemu.emulator.core.call.ParticipantsUpdated;
import io.callemu.emulator.core.event.DomainEvent;
import io.callemu.emulator.core.event.Notice;
import io.callemu.emulator.core.input.SpeechInput;
import io.callemu.emulator.core.input.SpeechStart;
import io.callemu.emulator.core.input.ToneInput;
import io.callemu.emulator.core.media.MediaActionAccepted;
import io.callemu.emulator.core.media.MediaEvent;
import io.callemu.emulator.core.media.MediaResult;
import io.callemu.emulator.core.outcome.AcsColumn;
import io.callemu.emulator.core.outcome.Forced;
import io.callemu.emulator.core.outcome.Outcome;
import io.callemu.emulator.core.party.Party;
import io.callemu.emulator.core.party.PhoneNumber;
import io.callemu.emulator.core.transcription.TranscriptionEvent;
import io.callemu.emulator.core.transcription.TranscriptionStarted;
import io.callemu.emulator.platform.http.WireNames;
import io.callemu.emulator.platform.journal.JournalEntry;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * How a timeline shows a {@link Happening}: one item with a stable {@code key}, the emulated time,
 * where it came from ({@code source}: call, operation, media, transcription, input, or the journal
 * kind — callback, request, websocket, media note, eventgrid, speech), its {@code type}, a one-line
 * {@code summary}, a {@code status} (ok, failed, pending, info), ordered {@code fields}
 * ({@code [label, value]} pairs) and, for a journal entry, the entry itself as
 * {@code GET /_emulator/events} lists it ({@code detail}). Known types get their own wording; any
 * other domain event (its record components) or journal kind (its fields) is shown generically, so
 * that new event types appear on the page without changing it.
 */
final class TimelineItems {

  static final int MAX_FIELDS = 24;
  static final int MAX_TEXT = 240;
  private static final int MAX_DEPTH = 3;
  /** Journal fields every entry has, shown in the item's own members rather than as fields. */
  private static final Set<String> JOURNAL_STAMPS = Set.of("kind", "type", "callConnectionId", "seq", "time",
      "wallTime", "wallNanos");
  private static final Set<String> REQUEST_SHOWN = stampsAnd("method", "uri", "status");
  /** Event payload members that repeat what the timeline already says. */
  private static final Set<String> EVENT_IDS = Set.of("callConnectionId", "serverCallId", "correlationId",
      "version", "publicEventType", "resultInformation", "resultInfo");

  /** The call a domain event is about, or null (known types directly, others by a record component). */
  static String callIdOf(DomainEvent event) {
    if (event instanceof Notice n) {
      return n.callId();
    }
    if (event instanceof Record r) {
      for (RecordComponent c : r.getClass().getRecordComponents()) {
        Object value = component(r, c);
        if (value instanceof Call call) {
          return call.id();
        }
        if (value instanceof String s && (c.getName().equals("callId") || c.getName().equals("callConnectionId"))) {
          return s;
        }
      }
    }
    return null;
  }

  JsonObject render(Happening h) {
    Item item = new Item();
    Object s = h.subject();
    if (s instanceof JournalEntry entry) {
      journal(item, entry.toJson());
    } else if (s instanceof ToneInput t) {
      item.is("input", "tone", "pressed " + t.tone().key(), "info").field("participant", t.participantRawId());
    } else if (s instanceof SpeechStart start) {
      item.is("input", "speechStarted", start.planned() == null ? "started speaking"
          : "started saying \u201c" + start.planned().phrase().text() + "\u201d", "info")
          .field("participant", start.participantRawId());
    } else if (s instanceof SpeechInput speech) {
      item.is("input", "speech", "said \u201c" + speech.phrase().text() + "\u201d", "info")
          .field("participant", speech.participantRawId())
          .field("durationMs", Long.toString(speech.durationMillis()))
          .field("confidence", Double.toString(speech.phrase().confidence()));
    } else if (s instanceof DomainEvent event) {
      domain(item, event);
    } else {
      item.is("event", s.getClass().getSimpleName(), text(s), "info");
    }
    return item.json(h);
  }

  // ---- domain events ----

  private void domain(Item item, DomainEvent event) {
    if (event instanceof CallConnected) {
      item.is("call", "CallConnected", "connected", "ok");
    } else if (event instanceof CallEnded e) {
      item.is("call", "CallEnded", "ended: " + words(e.cause()), "info").outcome(e.outcome(), null);
    } else if (event instanceof CallSetupFailed f) {
      item.is("call", "CallSetupFailed", "the call never connected", "failed").outcome(f.outcome(), null);
    } else if (event instanceof ParticipantsUpdated p) {
      List<String> names = new ArrayList<>();
      p.participants().forEach(party -> names.add(party(party)));
      item.is("call", "ParticipantsUpdated", "participants: " + String.join(", ", names), "info")
          .field("sequenceNumber", Integer.toString(p.sequenceNumber()));
    } else if (event instanceof MediaActionAccepted a) {
      item.is("operation", a.action().wire(), a.action().wire() + " requested", "info");
      new TreeMap<>(a.facts()).forEach((k, v) -> item.field(k, text(v)));
    } else if (event instanceof MediaEvent m) {
      media(item, m);
    } else if (event instanceof TranscriptionEvent t) {
      item.is("transcription", eventName(t.outcome(), t.forced()),
          WireNames.camel(t.status()) + " (" + WireNames.camel(t.details()) + ")", "info")
          .outcome(t.outcome(), t.forced());
      if (t.requester().context() != null) {
        item.field("operationContext", t.requester().context());
      }
    } else if (event instanceof TranscriptionStarted s) {
      item.is("transcription", "streamOpened", "transcription stream opened (" + s.locale() + ")", "info");
      if (s.context() != null) {
        item.field("operationContext", s.context());
      }
    } else {
      generic(item, event);
    }
  }

  private void media(Item item, MediaEvent m) {
    item.is("media", eventName(m.outcome(), m.forced()), "", "info").outcome(m.outcome(), m.forced());
    item.field("operation", m.operation().id() + " " + m.operation().kind().wire());
    if (m.operation().requester().context() != null) {
      item.field("operationContext", m.operation().requester().context());
    }
    MediaResult r = m.result();
    if (r instanceof MediaResult.Tones t) {
      item.field("tones", keys(t.tones()));
      item.append("tones " + keys(t.tones()));
    } else if (r instanceof MediaResult.Speech s) {
      item.field("speech", s.text()).field("confidence", Double.toString(s.confidence()));
      item.append("\u201c" + s.text() + "\u201d");
    } else if (r instanceof MediaResult.Choice c) {
      item.field("choice", c.label());
      if (c.phrase() != null) {
        item.field("phrase", c.phrase()).field("confidence", Double.toString(c.confidence()));
      }
      item.append("choice " + c.label());
    } else if (r instanceof MediaResult.FailedSource f) {
      item.field("failedPlaySourceIndex", Integer.toString(f.index()));
    } else if (r instanceof MediaResult.Tone t) {
      item.field("tone", String.valueOf(t.tone().key())).field("sequenceId", Integer.toString(t.sequenceId()));
      item.append("tone " + t.tone().key());
    }
    if (m.forced() != null) {
      item.field("forcedBy", "an armed fault");
    }
  }

  /** Any other event: its type's name and each record component. */
  private void generic(Item item, DomainEvent event) {
    item.is("event", event.getClass().getSimpleName(), "", "info");
    if (event instanceof Record r) {
      for (RecordComponent c : r.getClass().getRecordComponents()) {
        Object value = component(r, c);
        if (value instanceof Outcome o) {
          item.outcome(o, null);
        } else if (value != null && !(value instanceof Call)) {
          item.field(c.getName(), text(value));
        }
      }
    } else {
      item.append(text(event));
    }
  }

  private static Object component(Record r, RecordComponent c) {
    try {
      return c.getAccessor().invoke(r);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  // ---- journal entries ----

  private void journal(Item item, JsonObject j) {
    String kind = j.getString("kind");
    String type = j.getString("type");
    item.detail = j;
    item.journalSeq = j.getLong("seq");
    switch (kind) {
      case "callback" -> callback(item, j, type);
      case "request" -> {
        int status = j.getInteger("status", 0);
        item.is("request", j.getString("method"), j.getString("uri") + " \u2192 " + status, status >= 400 ? "failed" : "ok");
        flatten(item, "", j, REQUEST_SHOWN, 0);
      }
      case "media" -> item.is("note", "note", j.getString("message", ""), "info");
      default -> {
        item.is(kind, type == null ? kind : type, type == null ? kind : type, "info");
        flatten(item, "", j, JOURNAL_STAMPS, 0);
      }
    }
  }

  /** A callback: its event's result, its delivery, and the event's own fields. */
  private void callback(Item item, JsonObject j, String type) {
    JsonObject event = j.getJsonObject("event", new JsonObject());
    JsonObject payload = payload(event);
    String outcome = j.getString("outcome", "pending");
    JsonArray attempts = j.getJsonArray("attempts", new JsonArray());
    JsonObject result = payload.getJsonObject("resultInformation", payload.getJsonObject("resultInfo"));
    boolean failedResult = false;
    if (result != null) {
      Object sub = result.getValue("subCode", result.getValue("subcode"));
      item.append(result.getValue("code") + "/" + sub + " " + result.getString("message", ""));
      failedResult = result.getValue("code") instanceof Number n && n.intValue() >= 400;
    }
    String status = switch (outcome) {
      case "delivered" -> failedResult ? "failed" : "ok";
      case "undelivered" -> "failed";
      default -> "pending";
    };
    item.is("callback", type == null ? "callback" : type, null, status);
    item.field("delivery", outcome + " after " + attempts.size() + (attempts.size() == 1 ? " attempt" : " attempts"));
    for (int i = 0; i < attempts.size(); i++) {
      JsonObject a = attempts.getJsonObject(i);
      String answer = a.getValue("status") != null ? "HTTP " + a.getValue("status") : "no answer: " + a.getString("error");
      item.field("attempt " + a.getValue("attempt"), answer + String.format(Locale.ROOT, " (%.1f ms)",
          a.getDouble("realMs", 0.0)));
    }
    if (j.getString("reason") != null) {
      item.field("reason", j.getString("reason"));
    }
    flatten(item, "", payload, EVENT_IDS, 0);
    item.field("url", j.getString("url"));
  }

  /** What a callback carries: a CloudEvent's {@code data}, a Graph notification's first resource, else itself. */
  private static JsonObject payload(JsonObject event) {
    if (event.getValue("data") instanceof JsonObject data) {
      return data;
    }
    if (event.getValue("value") instanceof JsonArray values && !values.isEmpty()
        && values.getValue(0) instanceof JsonObject first && first.getValue("resourceData") instanceof JsonObject rd) {
      return rd;
    }
    return event;
  }

  /**
   * Adds {@code json}'s members (but the top-level ones in {@code skip}) as dotted fields: nested
   * objects to a small depth, arrays of plain values joined, anything deeper as compact JSON.
   */
  private static void flatten(Item item, String prefix, JsonObject json, Set<String> skip, int depth) {
    for (Map.Entry<String, Object> e : json) {
      if (prefix.isEmpty() && skip.contains(e.getKey())) {
        continue;
      }
      String label = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
      Object v = e.getValue();
      if (v instanceof JsonObject o && depth < MAX_DEPTH) {
        flatten(item, label, o, skip, depth + 1);
      } else if (v instanceof JsonArray a && a.stream().noneMatch(x -> x instanceof JsonObject || x instanceof JsonArray)) {
        List<String> parts = new ArrayList<>();
        a.forEach(x -> parts.add(String.valueOf(x)));
        item.field(label, String.join(", ", parts));
      } else if (v != null) {
        item.field(label, String.valueOf(v));
      }
    }
  }

  private static Set<String> stampsAnd(String... more) {
    Set<String> all = new java.util.HashSet<>(JOURNAL_STAMPS);
    all.addAll(List.of(more));
    return all;
  }

  // ---- wording ----

  /** The event an outcome is reported as: the fault's name, the ACS column's, else the catalogue id. */
  private static String eventName(Outcome o, Forced forced) {
    if (forced != null && forced.eventName() != null) {
      return forced.eventName().replace("Microsoft.Communication.", "");
    }
    return o.acs() != null && o.acs().event() != null ? o.acs().event() : o.id();
  }

  private static String keys(List<DtmfTone> tones) {
    StringBuilder sb = new StringBuilder();
    for (DtmfTone t : tones) {
      sb.append(sb.length() == 0 ? "" : " ").append(t.key());
    }
    return sb.toString();
  }

  static String party(Party p) {
    if (p instanceof PhoneNumber n) {
      return n.anonymous() ? "anonymous" : n.value();
    }
    return p.rawId();
  }

  private static String words(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  /** A value as one short line. */
  private static String text(Object v) {
    String s;
    if (v instanceof Party p) {
      s = party(p);
    } else if (v instanceof Outcome o) {
      s = o.id();
    } else if (v instanceof DtmfTone t) {
      s = String.valueOf(t.key());
    } else if (v instanceof Enum<?> e) {
      s = WireNames.camel(e);
    } else if (v instanceof Collection<?> c) {
      List<String> parts = new ArrayList<>();
      for (Object x : c) {
        if (parts.size() == MAX_FIELDS) {
          parts.add("\u2026");
          break;
        }
        parts.add(text(x));
      }
      s = String.join(", ", parts);
    } else {
      s = String.valueOf(v);
    }
    return s.length() > MAX_TEXT ? s.substring(0, MAX_TEXT) + "\u2026" : s;
  }

  /** The item being built. */
  private static final class Item {
    String source;
    String type;
    StringBuilder summary = new StringBuilder();
    String status;
    final JsonArray fields = new JsonArray();
    JsonObject detail;
    Long journalSeq;

    Item is(String source, String type, String summary, String status) {
      this.source = source;
      this.type = type;
      if (summary != null && !summary.isEmpty()) {
        this.summary.insert(0, this.summary.length() == 0 ? summary : summary + " \u00b7 ");
      }
      this.status = status;
      return this;
    }

    Item append(String text) {
      summary.append(summary.length() == 0 ? "" : " \u00b7 ").append(text);
      return this;
    }

    Item field(String label, String value) {
      if (value != null && fields.size() < MAX_FIELDS) {
        fields.add(new JsonArray().add(label).add(value.length() > MAX_TEXT ? value.substring(0, MAX_TEXT) + "\u2026"
            : value));
      }
      return this;
    }

    /** The outcome's code pair and message (a fault's values in place of the row's); sets the status. */
    Item outcome(Outcome o, Forced forced) {
      AcsColumn acs = o.acs();
      Integer code = forced != null ? Integer.valueOf(forced.code()) : acs != null ? Integer.valueOf(acs.code()) : null;
      Integer sub = forced != null ? Integer.valueOf(forced.subCode()) : acs != null ? Integer.valueOf(acs.subCode())
          : null;
      String message = forced != null && forced.message() != null ? forced.message() : acs != null ? acs.message() : null;
      if (code != null) {
        append(code + "/" + sub + (message == null ? "" : " " + message));
        if (code >= 400) {
          status = "failed";
        } else if ("info".equals(status)) {
          status = "ok";
        }
      }
      field("outcome", o.id());
      return this;
    }

    JsonObject json(Happening h) {
      JsonObject o = new JsonObject().put("key", "h" + h.seq()).put("seq", h.seq());
      if (h.callId() != null) {
        o.put("callConnectionId", h.callId());
      }
      o.put("at", h.at()).put("time", Instant.ofEpochMilli(h.at()).toString()).put("source", source)
          .put("type", type).put("summary", summary.toString()).put("status", status).put("fields", fields);
      if (journalSeq != null) {
        o.put("journalSeq", journalSeq);
      }
      if (detail != null) {
        o.put("detail", detail);
      }
      return o;
    }
  }
}
