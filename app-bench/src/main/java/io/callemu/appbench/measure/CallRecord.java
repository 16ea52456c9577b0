package io.callemu.appbench.measure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * One call of the run: its profile, timeline and counts. Mutated by the {@link CallTracker} only.
 */
public final class CallRecord {

  /** At most this many timeline items are kept per call (the counts go on; reactions past it are not seen). */
  public static final int MAX_TIMELINE = 400;

  /**
   * Callbacks that tell the app something it need not act on; every other delivered callback is
   * one the app's next request reacts to. A request reacts to the latest such callback before it.
   */
  static final Set<String> INFORMATIONAL = Set.of("ParticipantsUpdated", "PlayStarted", "CallDisconnected",
      "PlayCanceled", "RecognizeCanceled", "TranscriptionStarted", "TranscriptionUpdated", "TranscriptionStopped",
      "ContinuousDtmfRecognitionStopped", "CreateCallFailed", "AnswerFailed", "CancelAddParticipantSucceeded");

  final int index;
  final String profile;
  final long startedAtMillis;
  String callConnectionId;
  String correlationId;
  long startEmulatedMillis = -1;
  long connectedEmulatedMillis = -1;
  long endEmulatedMillis = -1;
  Outcome outcome;
  String failure;
  final List<TimelineItem> timeline = new ArrayList<>();
  final TreeMap<String, Integer> resultCodes = new TreeMap<>();
  int wrongRequests;
  int callbackErrors;
  int lateCallbacks;
  int callbacks;
  int requests;
  private List<Reaction> reactions;

  CallRecord(int index, String profile, long startedAtMillis) {
    this.index = index;
    this.profile = profile;
    this.startedAtMillis = startedAtMillis;
  }

  public int index() { return index; }
  public String profile() { return profile; }
  /** Real epoch ms at which the bench offered or triggered the call. */
  public long startedAtMillis() { return startedAtMillis; }
  public String callConnectionId() { return callConnectionId; }
  public String correlationId() { return correlationId; }
  /** Emulated epoch ms of its start, connection and end (-1: not known). */
  public long startEmulatedMillis() { return startEmulatedMillis; }
  public long connectedEmulatedMillis() { return connectedEmulatedMillis; }
  public long endEmulatedMillis() { return endEmulatedMillis; }
  /** How it ended; null while it lasts. */
  public Outcome outcome() { return outcome; }
  /** Why it never connected, when known. */
  public String failure() { return failure; }
  public List<TimelineItem> timeline() { return timeline; }
  /** {@code RecognizeFailed/8510} → how many such callbacks. */
  public TreeMap<String, Integer> resultCodes() { return resultCodes; }
  public int wrongRequests() { return wrongRequests; }
  public int callbackErrors() { return callbackErrors; }
  public int lateCallbacks() { return lateCallbacks; }
  public int callbacks() { return callbacks; }
  public int requests() { return requests; }

  public boolean ended() {
    return outcome != null;
  }

  /**
   * A failed call: never connected, never ended, a request callemu refused, or a callback the app
   * answered with an error or never took.
   */
  public boolean failed() {
    return outcome == Outcome.NOT_CONNECTED || outcome == Outcome.NEVER_ENDED || wrongRequests > 0
        || callbackErrors > 0;
  }

  void add(TimelineItem item) {
    if (timeline.size() < MAX_TIMELINE) {
      timeline.add(item);
    }
  }

  /** The app's reactions on this call, computed once the timeline is complete. */
  public List<Reaction> reactions() {
    if (reactions == null) {
      reactions = computeReactions();
    }
    return reactions;
  }

  private List<Reaction> computeReactions() {
    List<TimelineItem> ordered = new ArrayList<>(timeline);
    ordered.sort(Comparator.comparingLong(TimelineItem::wallNanos).thenComparingLong(i -> i.seq));
    List<Reaction> out = new ArrayList<>();
    TimelineItem awaiting = null;
    for (TimelineItem item : ordered) {
      switch (item.kind) {
        case OFFER -> awaiting = item.delivered ? item : null;
        case CALLBACK -> {
          if (item.delivered && !INFORMATIONAL.contains(item.name)) {
            awaiting = item;
          }
        }
        case REQUEST -> {
          if (awaiting != null) {
            out.add(new Reaction(awaiting.name, (item.wallNanos - awaiting.wallNanos) / 1e6, awaiting.wallTime));
            awaiting = null;
          }
        }
      }
    }
    return List.copyOf(out);
  }

  /** The slowest reaction in ms, or 0. */
  public double maxReactionMs() {
    return reactions().stream().mapToDouble(Reaction::ms).max().orElse(0);
  }
}
