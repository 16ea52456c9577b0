package io.callemu.appbench.measure;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns callemu's journal, read in order, into {@link CallRecord}s. Entries of a call whose owner
 * is not known yet (a callback read before the offer's answer came back, an outbound call not yet
 * matched to its profile) wait under their callConnectionId or correlationId until it is. A callback
 * read while its delivery was still pending is read again later ({@link #oldestPendingSeq}), since
 * callemu adds delivery attempts to an entry in place. Single-threaded.
 */
public final class CallTracker {

  private static final Pattern CONNECTION = Pattern.compile("/calling/callConnections/([^/:?]+)");
  private static final Pattern ACTION = Pattern.compile("/calling/callConnections(?:/[^/:?]+)?(?::([A-Za-z]+))?");
  /** Entries waiting for their call to be known, at most this many in all (the rest are counted and dropped). */
  static final int MAX_PARKED = 100_000;

  private final long callbackLateMs;
  private final List<CallRecord> records = new ArrayList<>();
  private final Map<String, CallRecord> byConnection = new HashMap<>();
  private final Map<String, CallRecord> byCorrelation = new HashMap<>();
  private final Map<String, List<JsonObject>> parked = new HashMap<>();
  private final java.util.LinkedHashSet<String> unknownConnections = new java.util.LinkedHashSet<>();
  private final LinkedHashMap<Long, Pending> pending = new LinkedHashMap<>();
  private final Map<CallRecord, Live> live = new HashMap<>();
  private int parkedCount;
  private long droppedEntries;
  private long lastSeq;
  private long lostEntries;
  private long unattributedWrongRequests;

  /** A callback whose delivery was still under way when read. */
  private record Pending(CallRecord call, TimelineItem item, int attemptsSeen) {
  }

  /** What the virtual clock driver needs to know about a call while it runs. */
  private static final class Live {
    long awaitingSinceNanos = -1;
  }

  public CallTracker(long callbackLateMs) {
    this.callbackLateMs = callbackLateMs;
  }

  /** A new call of {@code profile}, offered or triggered now. */
  public CallRecord start(String profile, long nowMillis) {
    CallRecord r = new CallRecord(records.size(), profile, nowMillis);
    records.add(r);
    live.put(r, new Live());
    return r;
  }

  /** The offer was delivered: the call's events carry {@code correlationId}. */
  public void offered(CallRecord call, String correlationId) {
    call.correlationId = correlationId;
    byCorrelation.put(correlationId, call);
    replay(correlationId);
  }

  /** An outbound call the app placed is {@code call}'s. */
  public void placed(CallRecord call, String callConnectionId) {
    link(call, callConnectionId);
  }

  /** The call never got going (the offer or trigger failed). */
  public void notConnected(CallRecord call, String why) {
    if (call.outcome == null) {
      call.outcome = Outcome.NOT_CONNECTED;
      call.failure = why;
    }
  }

  /** The call was still going when its time was up. */
  public void neverEnded(CallRecord call) {
    if (call.outcome == null) {
      call.outcome = call.connectedEmulatedMillis >= 0 ? Outcome.NEVER_ENDED : Outcome.NOT_CONNECTED;
      if (call.outcome == Outcome.NOT_CONNECTED) {
        call.failure = "not answered";
      }
    }
    live.remove(call);
  }

  /** Call connections seen in the journal whose call is not known yet, oldest first (outbound calls to match to a profile). */
  public List<String> unknownConnections() {
    return List.copyOf(unknownConnections);
  }

  /**
   * Reads an entry again only to see new delivery attempts of a pending callback; entries not read
   * yet are left for {@link #accept} (they must come in order there).
   */
  public void refresh(JsonObject entry) {
    Pending p = pending.get(entry.getLong("seq", 0L));
    if (p != null) {
      refreshCallback(p, entry);
    }
  }

  /** Reads one journal entry (entries in seq order; entries read before are only refreshed). */
  public void accept(JsonObject entry) {
    long seq = entry.getLong("seq", 0L);
    if (seq <= lastSeq) {
      Pending p = pending.get(seq);
      if (p != null) {
        refreshCallback(p, entry);
      }
      return;
    }
    if (lastSeq > 0 && seq > lastSeq + 1) {
      lostEntries += seq - lastSeq - 1;
    }
    lastSeq = seq;
    route(entry);
  }

  private void route(JsonObject entry) {
    String kind = entry.getString("kind", "");
    switch (kind) {
      case "eventgrid" -> {
        JsonObject data = entry.getJsonObject("event", new JsonObject()).getJsonObject("data", new JsonObject());
        String correlation = data.getString("correlationId");
        if (correlation != null && "Microsoft.Communication.IncomingCall".equals(entry.getString("type"))) {
          ownerOrPark(entry, correlation);
        }
      }
      case "request" -> {
        String id = connectionOf(entry);
        if (id == null) {
          if (isWrong(entry.getInteger("status", 0))) {
            unattributedWrongRequests++;
          }
        } else {
          ownerOrPark(entry, id);
          if (!byConnection.containsKey(id)) {
            unknownConnections.add(id);
          }
        }
      }
      case "callback" -> {
        String id = entry.getString("callConnectionId");
        CallRecord owner = id == null ? null : byConnection.get(id);
        if (owner == null) {
          String correlation = entry.getJsonObject("event", new JsonObject()).getJsonObject("data", new JsonObject())
              .getString("correlationId");
          CallRecord byCorr = correlation == null ? null : byCorrelation.get(correlation);
          if (byCorr != null && id != null) {
            link(byCorr, id);
            owner = byCorr;
          }
        }
        if (owner != null) {
          apply(owner, entry);
        } else if (id != null) {
          park(id, entry);
          unknownConnections.add(id);
        }
      }
      default -> {
        // media notes, WebSocket frames: not part of what the bench measures
      }
    }
  }

  private void ownerOrPark(JsonObject entry, String key) {
    CallRecord owner = byConnection.getOrDefault(key, byCorrelation.get(key));
    if (owner != null) {
      apply(owner, entry);
    } else {
      park(key, entry);
    }
  }

  private void park(String key, JsonObject entry) {
    if (parkedCount >= MAX_PARKED) {
      droppedEntries++;
      return;
    }
    parked.computeIfAbsent(key, k -> new ArrayList<>()).add(entry);
    parkedCount++;
  }

  private void link(CallRecord call, String callConnectionId) {
    if (call.callConnectionId == null) {
      call.callConnectionId = callConnectionId;
    }
    byConnection.put(callConnectionId, call);
    unknownConnections.remove(callConnectionId);
    replay(callConnectionId);
  }

  private void replay(String key) {
    List<JsonObject> waiting = parked.remove(key);
    if (waiting != null) {
      parkedCount -= waiting.size();
      waiting.forEach(this::route);
    }
  }

  private void apply(CallRecord call, JsonObject entry) {
    long seq = entry.getLong("seq", 0L);
    long nanos = entry.getLong("wallNanos", 0L);
    long wall = entry.getLong("wallTime", 0L);
    long emulated = emulatedMillis(entry.getString("time"));
    if (call.startEmulatedMillis < 0) {
      call.startEmulatedMillis = emulated;
    }
    switch (entry.getString("kind")) {
      case "eventgrid" -> {
        TimelineItem offer = new TimelineItem(TimelineItem.Kind.OFFER, "IncomingCall", seq, nanos, wall);
        JsonObject outcome = entry.getJsonObject("outcome");
        offer.delivered = outcome == null || isOk(outcome.getInteger("status", 0));
        offer.status = outcome == null ? 0 : outcome.getInteger("status", 0);
        call.add(offer);
        if (offer.delivered) {
          awaiting(call, true);
        }
      }
      case "request" -> {
        int status = entry.getInteger("status", 0);
        TimelineItem item = new TimelineItem(TimelineItem.Kind.REQUEST, requestName(entry), seq, nanos, wall);
        item.status = status;
        call.add(item);
        call.requests++;
        if (isWrong(status)) {
          call.wrongRequests++;
        }
        if (call.callConnectionId == null && entry.getString("callConnectionId") != null) {
          link(call, entry.getString("callConnectionId"));
        }
        awaiting(call, false);
      }
      case "callback" -> applyCallback(call, entry, seq, nanos, wall, emulated);
      default -> {
      }
    }
  }

  private void applyCallback(CallRecord call, JsonObject entry, long seq, long nanos, long wall, long emulated) {
    String type = entry.getString("type", "?");
    TimelineItem item = new TimelineItem(TimelineItem.Kind.CALLBACK, type, seq, nanos, wall);
    JsonObject data = entry.getJsonObject("event", new JsonObject()).getJsonObject("data", new JsonObject());
    JsonObject result = data.getJsonObject("resultInformation");
    if (result != null && result.getValue("subCode") instanceof Number n) {
      item.subCode = n.intValue();
      call.resultCodes.merge(type + "/" + item.subCode, 1, Integer::sum);
    }
    call.add(item);
    call.callbacks++;
    switch (type) {
      case "CallConnected" -> call.connectedEmulatedMillis = emulated;
      case "CallDisconnected" -> {
        call.endEmulatedMillis = emulated;
        if (call.outcome == null) {
          call.outcome = item.subCode == 5001 ? Outcome.CALLER_HUNG_UP
              : item.subCode == 7000 ? Outcome.APP_HUNG_UP : Outcome.DISCONNECTED;
        }
        live.remove(call);
      }
      case "AnswerFailed", "CreateCallFailed" -> {
        call.endEmulatedMillis = emulated;
        notConnected(call, type + (item.subCode >= 0 ? " " + item.subCode : ""));
        live.remove(call);
      }
      default -> {
      }
    }
    refreshCallback(new Pending(call, item, 0), entry);
  }

  /** Takes the delivery attempts not seen yet; keeps the entry for another read while it is pending. */
  private void refreshCallback(Pending p, JsonObject entry) {
    JsonArray attempts = entry.getJsonArray("attempts", new JsonArray());
    for (int i = p.attemptsSeen(); i < attempts.size(); i++) {
      JsonObject a = attempts.getJsonObject(i);
      int status = a.getInteger("status", 0);
      if (!isOk(status)) {
        p.call().callbackErrors++;
      } else {
        p.item().wallNanos = a.getLong("wallNanos", p.item().wallNanos);
        p.item().wallTime = a.getLong("wallTime", p.item().wallTime);
      }
      p.item().status = status;
      if (a.getDouble("realMs", 0.0) > callbackLateMs) {
        p.call().lateCallbacks++;
      }
    }
    String outcome = entry.getString("outcome", "pending");
    if ("pending".equals(outcome)) {
      pending.put(p.item().seq, new Pending(p.call(), p.item(), attempts.size()));
      return;
    }
    pending.remove(p.item().seq);
    if ("delivered".equals(outcome)) {
      p.item().delivered = true;
      if (!CallRecord.INFORMATIONAL.contains(p.item().name()) && !p.call().ended()) {
        awaiting(p.call(), true);
      }
    } else if (attempts.isEmpty()) {
      // undelivered without an attempt: callemu's queue for the call was full
      p.call().callbackErrors++;
    }
  }

  private void awaiting(CallRecord call, boolean awaiting) {
    Live l = live.get(call);
    if (l != null) {
      l.awaitingSinceNanos = awaiting ? System.nanoTime() : -1;
    }
  }

  // ---- what the run needs while it goes ---------------------------------------------------------

  /** The oldest seq of a callback still being delivered, or -1: the journal must be read again from there. */
  public long oldestPendingSeq() {
    return pending.isEmpty() ? -1 : pending.keySet().iterator().next();
  }

  /** Seqs of callbacks still pending, oldest first, with their call's id (to read them again one by one). */
  public Map<Long, String> pendingCallbacks() {
    Map<Long, String> out = new LinkedHashMap<>();
    pending.forEach((seq, p) -> out.put(seq, p.call().callConnectionId()));
    return out;
  }

  /** Callbacks read with no delivery attempt yet: on their way to the app. */
  public int callbacksOnTheirWay() {
    int n = 0;
    for (Pending p : pending.values()) {
      if (p.attemptsSeen() == 0) {
        n++;
      }
    }
    return n;
  }

  /** Whether a call that waits for the app began waiting after {@code sinceNanos}. */
  public boolean anyAwaitingSince(long sinceNanos) {
    for (Live l : live.values()) {
      if (l.awaitingSinceNanos >= 0 && l.awaitingSinceNanos > sinceNanos) {
        return true;
      }
    }
    return false;
  }

  public List<CallRecord> records() { return records; }
  public long lastSeq() { return lastSeq; }
  /** Journal entries that were gone (the ring buffer overwrote them) before the bench read them. */
  public long lostEntries() { return lostEntries; }
  /** Entries of calls the bench never learnt the owner of, dropped when too many waited. */
  public long droppedEntries() { return droppedEntries; }
  /** Refused requests that name no call (e.g. an answer with an unknown context). */
  public long unattributedWrongRequests() { return unattributedWrongRequests; }

  public CallRecord byConnection(String callConnectionId) {
    return byConnection.get(callConnectionId);
  }

  // ---- helpers -----------------------------------------------------------------------------------

  private static String connectionOf(JsonObject entry) {
    String id = entry.getString("callConnectionId");
    if (id != null) {
      return id;
    }
    Matcher m = CONNECTION.matcher(entry.getString("uri", ""));
    return m.find() ? m.group(1) : null;
  }

  static String requestName(JsonObject entry) {
    String uri = entry.getString("uri", "");
    String method = entry.getString("method", "?");
    Matcher m = ACTION.matcher(uri);
    if (m.find()) {
      String action = m.group(1);
      if (action != null) {
        return method + " :" + action;
      }
      return method + (CONNECTION.matcher(uri).find() ? " call" : " createCall");
    }
    int q = uri.indexOf('?');
    return method + " " + (q < 0 ? uri : uri.substring(0, q));
  }

  private static boolean isOk(int status) {
    return status >= 200 && status < 300;
  }

  private static boolean isWrong(int status) {
    return status >= 400 && status < 500;
  }

  private static long emulatedMillis(String iso) {
    if (iso == null) {
      return -1;
    }
    try {
      return Instant.parse(iso).toEpochMilli();
    } catch (java.time.format.DateTimeParseException e) {
      return -1;
    }
  }
}
