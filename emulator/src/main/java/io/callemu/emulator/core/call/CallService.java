package io.callemu.emulator.core.call;

import io.callemu.emulator.core.clock.Clock;
import io.callemu.emulator.core.settings.Settings;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The calls and their life cycle: outbound calls ring and connect, inbound calls are offered and
 * answered, either side hangs up. Every change happens on the emulator's context and every event
 * goes to the {@link EventSink} in order. Commands are called after validation; they do not fail.
 */
public final class CallService {

  /** The identity callemu's app leg has when the request names none. */
  public static final Identifier APP_IDENTITY = Identifier.communicationUser(
      "8:acs:00000000-0000-0000-0000-0000000ca11e_00000000-0000-0000-0000-000000000a99");

  /**
   * Calls kept at most (active and ended); ended ones go first, oldest first. Bounds memory when
   * an outsider creates calls without end.
   */
  public static final int MAX_CALLS = 10_000;

  /** Event schema version carried in {@code data.version}, as the recorded 2025 events. */
  static final String EVENT_VERSION = "2025-06-15";

  private final Clock clock;
  private final Settings settings;
  private final EventSink events;
  private final Map<String, Call> calls = new LinkedHashMap<>();
  private final Map<String, IncomingCall> incoming = new LinkedHashMap<>();
  private final Map<String, Clock.Timer> incomingTimers = new LinkedHashMap<>();
  private final List<Consumer<Call>> connectedListeners = new ArrayList<>();
  private final List<Consumer<Call>> endingListeners = new ArrayList<>();
  private final List<Consumer<Call>> createdListeners = new ArrayList<>();
  private final List<Consumer<Call>> endedQuietly = new ArrayList<>();

  public CallService(Clock clock, Settings settings, EventSink events) {
    this.clock = clock;
    this.settings = settings;
    this.events = events;
  }

  /** Runs {@code listener} whenever a call connects (scenario trigger {@code callConnected}). */
  public void onConnected(Consumer<Call> listener) {
    connectedListeners.add(listener);
  }

  public Collection<Call> all() {
    return calls.values();
  }

  /** A call in any state, or null. */
  public Call find(String callConnectionId) {
    return calls.get(callConnectionId);
  }

  /**
   * Whether one more call fits within {@link #MAX_CALLS}, dropping the oldest ended calls (and
   * offered calls that can no longer be answered) to make room.
   */
  public boolean hasRoom() {
    if (calls.size() + incoming.size() < MAX_CALLS) {
      return true;
    }
    incoming.keySet().removeIf(context -> !incomingTimers.containsKey(context));
    var it = calls.values().iterator();
    while (it.hasNext() && calls.size() + incoming.size() >= MAX_CALLS) {
      if (!it.next().isActive()) {
        it.remove();
      }
    }
    return calls.size() + incoming.size() < MAX_CALLS;
  }

  /** An outbound call: answers {@code connecting} and connects after {@code call.ringMs}. */
  public Call create(CreateCallCommand cmd) {
    Identifier source = cmd.source() == null ? APP_IDENTITY : cmd.source();
    Call call = newCall(Call.Direction.OUTBOUND, cmd.callbackUri(), cmd.operationContext(), source,
        cmd.targets(), cmd.extras(), newServerCallId(), UUID.randomUUID().toString());
    call.addParticipant(source);
    cmd.targets().forEach(call::addParticipant);
    schedule(call, settings.getLong(Settings.CALL_RING_MS), () -> connect(call));
    return call;
  }

  /** Offers an inbound call; it can be answered until {@code incomingCall.answerTimeoutMs} passed. */
  public IncomingCall offer(Identifier from, Identifier to, String callerDisplayName) {
    long now = clock.nowMillis();
    long window = settings.getLong(Settings.INCOMING_CALL_TIMEOUT_MS);
    // Real contexts are long opaque tokens; an unguessable one is all an app may rely on.
    String context = "callemu." + UUID.randomUUID() + "." + UUID.randomUUID();
    IncomingCall offered = new IncomingCall(context, from, to, callerDisplayName,
        newServerCallId(), UUID.randomUUID().toString(), now, now + window);
    incoming.put(context, offered);
    incomingTimers.put(context, clock.schedule(window, () -> {
      incomingTimers.remove(context);
      // Kept (not removed) so that a late answer is told it came too late.
    }));
    return offered;
  }

  /** A pending (answerable) inbound call, or null. */
  public IncomingCall incoming(String context) {
    IncomingCall offered = incoming.get(context);
    return offered != null && incomingTimers.containsKey(context) ? offered : null;
  }

  /**
   * Answers an inbound call. A known, still ringing context connects at once; otherwise the call
   * answers 200 and then fails with AnswerFailed, as the service reports late or repeated answers.
   */
  public Call answer(String context, String callbackUri, String operationContext, JsonObject extras) {
    IncomingCall offered = incoming.remove(context);
    Clock.Timer window = incomingTimers.remove(context);
    if (offered == null || window == null) {
      CallResult failure = offered == null ? CallResult.ANSWER_UNKNOWN_CONTEXT : CallResult.ANSWER_TOO_LATE;
      Call call = newCall(Call.Direction.INBOUND, callbackUri, operationContext,
          offered == null ? APP_IDENTITY : offered.from(),
          offered == null ? List.of() : List.of(offered.to()), extras, newServerCallId(),
          UUID.randomUUID().toString());
      schedule(call, 0, () -> {
        events.publish(call, failure.event(), eventData(call, failure, call.operationContext()), call.callbackUri());
        disconnect(call, "failed");
      });
      return call;
    }
    window.cancel();
    Call call = newCall(Call.Direction.INBOUND, callbackUri, operationContext, offered.from(),
        List.of(offered.to()), extras, offered.serverCallId(), offered.correlationId());
    call.addParticipant(offered.from());
    call.addParticipant(offered.to());
    schedule(call, 0, () -> connect(call));
    return call;
  }

  /**
   * Redirects or rejects a ringing inbound call; false when the context is unknown, already
   * handled or expired (nothing changes then).
   */
  public boolean dismiss(String context) {
    if (incoming(context) == null) {
      return false;
    }
    incoming.remove(context);
    incomingTimers.remove(context).cancel();
    return true;
  }

  /** The app hangs up (DELETE) or terminates the call: CallDisconnected 200/7000. */
  public void hangUpByApp(Call call) {
    end(call, CallResult.ENDED_BY_APP, "app");
  }

  /**
   * The remote party hangs up: a connected call ends with CallDisconnected 200/5001; a ringing
   * outbound call was declined (CreateCallFailed).
   */
  public void hangUpByRemote(Call call) {
    if (!call.isActive()) {
      return;
    }
    if (call.state() == CallState.CONNECTING && call.direction() == Call.Direction.OUTBOUND) {
      CallResult declined = CallResult.CALLEE_DECLINED;
      events.publish(call, declined.event(), eventData(call, declined, call.operationContext()), call.callbackUri());
      disconnect(call, "declined");
      return;
    }
    end(call, CallResult.ENDED_BY_REMOTE, "remote");
  }

  /** Drops every call and offered call and cancels their timers (control reset). */
  public void reset() {
    for (Call call : calls.values()) {
      if (call.isActive()) {
        // Quietly: a reset sends no events, but media must let go of ports and timers.
        call.disconnected(clock.nowMillis(), "reset");
        endedQuietly.forEach(l -> l.accept(call));
      }
    }
    calls.values().forEach(Call::cancelTimers);
    calls.clear();
    incomingTimers.values().forEach(Clock.Timer::cancel);
    incomingTimers.clear();
    incoming.clear();
  }

  /**
   * Runs {@code task} for {@code call} after {@code delayMs}, unless the call ends first or the
   * returned timer is cancelled. Pending timers are listed in the call's detail.
   */
  public Clock.Timer schedule(Call call, long delayMs, Runnable task) {
    Clock.Timer[] holder = new Clock.Timer[1];
    holder[0] = clock.schedule(delayMs, () -> {
      call.removeTimer(holder[0]);
      task.run();
    });
    call.addTimer(holder[0]);
    return new Clock.Timer() {
      @Override
      public long dueAt() {
        return holder[0].dueAt();
      }

      @Override
      public boolean cancel() {
        call.removeTimer(holder[0]);
        return holder[0].cancel();
      }
    };
  }

  /** The emulator's clock. */
  public Clock clock() {
    return clock;
  }

  /**
   * Runs {@code listener} when a call is about to end, before its CallDisconnected is sent: the
   * last moment a call's media may send events (ContinuousDtmfRecognitionStopped).
   */
  public void onEnding(Consumer<Call> listener) {
    endingListeners.add(listener);
  }

  /** Sends one event of {@code call} (media operations use this for their events). */
  public void publish(Call call, String eventName, JsonObject data, String callbackUri) {
    events.publish(call, eventName, data, callbackUri);
  }

  private void end(Call call, CallResult result, String reason) {
    if (!call.isActive()) {
      return;
    }
    disconnect(call, reason);
    events.publish(call, result.event(), eventData(call, result, call.operationContext()), call.callbackUri());
  }

  /** Ends {@code call}: ending listeners first (their events precede CallDisconnected), then the state. */
  private void disconnect(Call call, String reason) {
    for (Consumer<Call> listener : List.copyOf(endingListeners)) {
      listener.accept(call);
    }
    call.disconnected(clock.nowMillis(), reason);
  }

  /** Runs {@code listener} for every active call a control reset drops (no events are sent). */
  public void onDropped(Consumer<Call> listener) {
    endedQuietly.add(listener);
  }

  /** Runs {@code listener} for every new call, before its first event (media binds its RTP port). */
  public void onCreated(Consumer<Call> listener) {
    createdListeners.add(listener);
  }

  private void connect(Call call) {
    if (call.state() != CallState.CONNECTING) {
      return;
    }
    call.connected(clock.nowMillis());
    CallResult connected = CallResult.CONNECTED;
    events.publish(call, connected.event(), eventData(call, connected, call.operationContext()), call.callbackUri());
    CallResult updated = CallResult.PARTICIPANTS_UPDATED;
    // ParticipantsUpdated carries no operationContext (reference section 7.2).
    JsonObject data = eventData(call, updated, null)
        .put("participants", call.participantsJson())
        .put("sequenceNumber", call.nextParticipantsSequence());
    events.publish(call, updated.event(), data, call.callbackUri());
    for (Consumer<Call> listener : connectedListeners) {
      listener.accept(call);
    }
  }

  /**
   * The data part every call event shares: ids, resultInformation, operationContext only when
   * the request had one, and the newer service's {@code version}/{@code publicEventType}.
   */
  public static JsonObject eventData(Call call, CallResult result, String operationContext) {
    return eventData(call, result.event(), result.toJson(), operationContext);
  }

  /** {@link #eventData(Call, CallResult, String)} for any event and resultInformation. */
  public static JsonObject eventData(Call call, String eventName, JsonObject resultInformation,
      String operationContext) {
    JsonObject data = new JsonObject();
    if (operationContext != null) {
      data.put("operationContext", operationContext);
    }
    return data.put("version", EVENT_VERSION)
        .put("resultInformation", resultInformation)
        .put("callConnectionId", call.callConnectionId())
        .put("serverCallId", call.serverCallId())
        .put("correlationId", call.correlationId())
        .put("publicEventType", "Microsoft.Communication." + eventName);
  }

  private Call newCall(Call.Direction direction, String callbackUri, String operationContext,
      Identifier source, List<Identifier> targets, JsonObject extras, String serverCallId,
      String correlationId) {
    Call call = new Call(UUID.randomUUID().toString(), serverCallId, correlationId, direction,
        callbackUri, operationContext, source, targets, extras, clock.nowMillis());
    calls.put(call.callConnectionId(), call);
    for (Consumer<Call> listener : createdListeners) {
      listener.accept(call);
    }
    return call;
  }

  /** A base64url conversation URL, the shape real serverCallIds have (reference section 7.1). */
  private static String newServerCallId() {
    String url = "https://callemu.localhost/conv/" + UUID.randomUUID() + "?i=10&e=" + UUID.randomUUID();
    return Base64.getUrlEncoder().withoutPadding().encodeToString(url.getBytes(StandardCharsets.UTF_8));
  }
}
