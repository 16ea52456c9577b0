package io.callemu.emulator.core.call;

import io.callemu.emulator.core.clock.Clock;
import io.callemu.emulator.core.input.CallerInput;
import io.callemu.emulator.core.party.Party;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One call, as the app sees it. Lives on the emulator's context; changed only by {@link
 * CallService}.
 */
public final class Call {

  /** Who started the call. */
  public enum Direction { OUTBOUND, INBOUND }

  private final String id;
  private final String serverCallId;
  private final String correlationId;
  private final Platform platform;
  private final Direction direction;
  private CallSetup setup;
  private final Party source;
  private final List<Party> targets;
  private final long createdAt;
  private final Map<String, Party> participants = new LinkedHashMap<>();
  private final List<Clock.Timer> timers = new ArrayList<>();
  private final CallerInput input;
  private CallState state = CallState.CONNECTING;
  private int participantsSequence;
  private long connectedAt = -1;
  private long disconnectedAt = -1;
  private EndCause endCause;

  Call(String id, String serverCallId, String correlationId, Platform platform, Direction direction,
      CallSetup setup, Party source, List<Party> targets, long createdAt) {
    this.id = id;
    this.serverCallId = serverCallId;
    this.correlationId = correlationId;
    this.platform = platform;
    this.direction = direction;
    this.setup = setup;
    this.source = source;
    this.targets = List.copyOf(targets);
    this.createdAt = createdAt;
    this.input = new CallerInput(id);
  }

  /** The call's id (ACS: the call connection id). */
  public String id() { return id; }
  public String serverCallId() { return serverCallId; }
  public String correlationId() { return correlationId; }
  public Platform platform() { return platform; }
  public Direction direction() { return direction; }
  public CallSetup setup() { return setup; }
  public Party source() { return source; }
  public List<Party> targets() { return targets; }
  public CallState state() { return state; }
  public long createdAt() { return createdAt; }
  public long connectedAt() { return connectedAt; }
  public long disconnectedAt() { return disconnectedAt; }
  /** Why it ended, or null while it lasts. */
  public EndCause endCause() { return endCause; }
  public Collection<Party> participants() { return participants.values(); }

  /**
   * What the remote party does (tones, speech), for media operations and transcription to
   * subscribe to; closed when the call ends.
   */
  public CallerInput input() {
    return input;
  }

  /**
   * The participant on the far side of the app: the first target of an outbound call, the caller
   * of an inbound one. Caller input without a named participant comes from here.
   */
  public Party remoteParty() {
    return direction == Direction.OUTBOUND && !targets.isEmpty() ? targets.get(0) : source;
  }

  /** The participant with this raw id, or null. */
  public Party participant(String rawId) {
    return participants.get(rawId);
  }

  public boolean isActive() {
    return state != CallState.DISCONNECTED;
  }

  /** The locale the caller speaks in: the transcription's, else {@code en-US}. */
  public String locale() {
    return setup.transcription() != null ? setup.transcription().locale() : "en-US";
  }

  void offered() {
    state = CallState.OFFERED;
  }

  /** The app answered an offered call with {@code answer}: it connects next. */
  void answered(CallSetup answer) {
    setup = answer;
    state = CallState.CONNECTING;
  }

  void addParticipant(Party party) {
    participants.put(party.rawId(), party);
  }

  int nextParticipantsSequence() {
    return ++participantsSequence;
  }

  void connected(long now) {
    state = CallState.CONNECTED;
    connectedAt = now;
  }

  void disconnected(long now, EndCause cause) {
    state = CallState.DISCONNECTED;
    disconnectedAt = now;
    endCause = cause;
    participants.clear();
    cancelTimers();
    input.close();
  }

  void addTimer(Clock.Timer timer) {
    timers.add(timer);
  }

  void removeTimer(Clock.Timer timer) {
    timers.remove(timer);
  }

  /** Pending timers of this call, for the control API. */
  public List<Clock.Timer> timers() {
    return List.copyOf(timers);
  }

  void cancelTimers() {
    timers.forEach(Clock.Timer::cancel);
    timers.clear();
  }
}
