package io.callemu.emulator.core.call;

import io.callemu.emulator.core.clock.Clock;
import io.callemu.emulator.core.input.CallerInput;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One call connection, as the app sees it. Lives on the emulator's context; changed only by
 * {@link CallService}.
 */
public final class Call {

  /** Who started the call. */
  public enum Direction { OUTBOUND, INBOUND }

  private final String callConnectionId;
  private final String serverCallId;
  private final String correlationId;
  private final Direction direction;
  private final String callbackUri;
  private final String operationContext;
  private final Identifier source;
  private final List<Identifier> targets;
  private final JsonObject requestExtras;
  private final long createdAt;
  private final Map<String, Identifier> participants = new LinkedHashMap<>();
  private final List<Clock.Timer> timers = new ArrayList<>();
  private final CallerInput input;
  private CallState state = CallState.CONNECTING;
  private int participantsSequence;
  private long connectedAt = -1;
  private long disconnectedAt = -1;
  private String endReason;

  Call(String callConnectionId, String serverCallId, String correlationId, Direction direction,
      String callbackUri, String operationContext, Identifier source, List<Identifier> targets,
      JsonObject requestExtras, long createdAt) {
    this.callConnectionId = callConnectionId;
    this.serverCallId = serverCallId;
    this.correlationId = correlationId;
    this.direction = direction;
    this.callbackUri = callbackUri;
    this.operationContext = operationContext;
    this.source = source;
    this.targets = List.copyOf(targets);
    this.requestExtras = requestExtras;
    this.createdAt = createdAt;
    this.input = new CallerInput(callConnectionId);
  }

  public String callConnectionId() { return callConnectionId; }
  public String serverCallId() { return serverCallId; }
  public String correlationId() { return correlationId; }
  public Direction direction() { return direction; }
  public String callbackUri() { return callbackUri; }
  /** The operationContext of create/answer, or null. */
  public String operationContext() { return operationContext; }
  public Identifier source() { return source; }
  public List<Identifier> targets() { return targets; }
  /**
   * Request fields echoed in CallConnectionProperties as given (sourceCallerIdNumber,
   * sourceDisplayName, answeredBy, ...).
   */
  public JsonObject requestExtras() { return requestExtras; }
  public CallState state() { return state; }
  public long createdAt() { return createdAt; }
  public long connectedAt() { return connectedAt; }
  public long disconnectedAt() { return disconnectedAt; }
  /** Why it ended ({@code app}, {@code remote}, {@code failed}), or null while it lasts. */
  public String endReason() { return endReason; }
  public Collection<Identifier> participants() { return participants.values(); }

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
  public Identifier remoteParty() {
    return direction == Direction.OUTBOUND && !targets.isEmpty() ? targets.get(0) : source;
  }

  public Identifier participant(String rawId) {
    return participants.get(rawId);
  }

  public boolean isActive() {
    return state != CallState.DISCONNECTED;
  }

  void addParticipant(Identifier id) {
    participants.put(id.rawId(), id);
  }

  int nextParticipantsSequence() {
    return ++participantsSequence;
  }

  void connected(long now) {
    state = CallState.CONNECTED;
    connectedAt = now;
  }

  void disconnected(long now, String reason) {
    state = CallState.DISCONNECTED;
    disconnectedAt = now;
    endReason = reason;
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

  /** The participants as the wire model {@code [{identifier, isMuted, isOnHold}]}. */
  public JsonArray participantsJson() {
    JsonArray list = new JsonArray();
    for (Identifier p : participants.values()) {
      list.add(participantJson(p));
    }
    return list;
  }

  public static JsonObject participantJson(Identifier p) {
    return new JsonObject().put("identifier", p.toJson()).put("isMuted", false).put("isOnHold", false);
  }
}
