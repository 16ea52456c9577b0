package io.callemu.appbench.measure;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/** What the calls of one scope (a profile, or the whole run) add up to. */
public final class Aggregate {

  private final String scope;
  private int calls;
  private int ended;
  private int failed;
  private int wrongRequests;
  private int callbackErrors;
  private int lateCallbacks;
  private final EnumMap<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
  private final TreeMap<String, Integer> resultCodes = new TreeMap<>();
  private final TreeMap<String, Integer> events = new TreeMap<>();
  private final LatencyStats reactions = new LatencyStats();
  private final TreeMap<String, LatencyStats> reactionsByEvent = new TreeMap<>();

  public Aggregate(String scope) {
    this.scope = scope;
    for (Outcome o : Outcome.values()) {
      outcomes.put(o, 0);
    }
  }

  /** Adds one finished call. */
  public void add(CallRecord call) {
    calls++;
    if (call.outcome() != null && call.outcome() != Outcome.NEVER_ENDED && call.outcome() != Outcome.NOT_CONNECTED) {
      ended++;
    }
    if (call.failed()) {
      failed++;
    }
    if (call.outcome() != null) {
      outcomes.merge(call.outcome(), 1, Integer::sum);
    }
    wrongRequests += call.wrongRequests();
    callbackErrors += call.callbackErrors();
    lateCallbacks += call.lateCallbacks();
    call.resultCodes().forEach((k, v) -> resultCodes.merge(k, v, Integer::sum));
    for (TimelineItem item : call.timeline()) {
      if (item.kind() != TimelineItem.Kind.REQUEST) {
        events.merge(item.name(), 1, Integer::sum);
      }
    }
    for (Reaction r : call.reactions()) {
      reactions.recordMs(r.ms());
      reactionsByEvent.computeIfAbsent(r.event(), e -> new LatencyStats()).recordMs(r.ms());
    }
  }

  public String scope() { return scope; }
  public int calls() { return calls; }
  /** Calls that ended by a hang-up on either side. */
  public int ended() { return ended; }
  public int failed() { return failed; }
  public int wrongRequests() { return wrongRequests; }
  public int callbackErrors() { return callbackErrors; }
  public int lateCallbacks() { return lateCallbacks; }
  public Map<Outcome, Integer> outcomes() { return outcomes; }
  /** {@code RecognizeFailed/8510} → callbacks. */
  public TreeMap<String, Integer> resultCodes() { return resultCodes; }
  /** Event type → callbacks of that type (and the Event Grid offers as {@code IncomingCall}). */
  public TreeMap<String, Integer> events() { return events; }
  public LatencyStats reactions() { return reactions; }
  public TreeMap<String, LatencyStats> reactionsByEvent() { return reactionsByEvent; }

  /** Callbacks of any type with this sub code. */
  public int subCodeCount(int subCode) {
    String suffix = "/" + subCode;
    return resultCodes.entrySet().stream().filter(e -> e.getKey().endsWith(suffix)).mapToInt(Map.Entry::getValue).sum();
  }

  /** The reactions to one event type, or to all when {@code event} is null (empty stats when none). */
  public LatencyStats reactions(String event) {
    return event == null ? reactions : reactionsByEvent.getOrDefault(event, new LatencyStats());
  }
}
