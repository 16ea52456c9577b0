package io.callemu.emulator.core.call;

import io.callemu.emulator.core.clock.Clock;
import io.callemu.emulator.core.event.DomainEvents;
import io.callemu.emulator.core.outcome.Outcome;
import io.callemu.emulator.core.outcome.Refusal;
import io.callemu.emulator.core.party.AcsUser;
import io.callemu.emulator.core.party.Party;
import io.callemu.emulator.core.settings.Settings;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The calls and their life cycle: outbound calls ring and connect, inbound calls are offered and
 * answered, either side hangs up. Every change happens on the emulator's context and is published
 * on the {@link DomainEvents} in order. Commands are called after the surface validated the request;
 * what only the call's state can decide is refused with a {@link Refusal} before anything changes.
 */
public final class CallService {

  /** The identity the app's leg has when the request names none. */
  public static final Party APP_IDENTITY =
      new AcsUser("8:acs:00000000-0000-0000-0000-0000000ca11e_00000000-0000-0000-0000-000000000a99");

  /**
   * Calls kept at most (active and ended); ended ones go first, oldest first. Bounds memory when
   * an outsider creates calls without end.
   */
  public static final int MAX_CALLS = 10_000;

  private final Clock clock;
  private final Settings settings;
  private final DomainEvents events;
  private final Map<String, Call> calls = new LinkedHashMap<>();
  private final Map<String, IncomingCall> incoming = new LinkedHashMap<>();
  private final Map<String, Clock.Timer> incomingTimers = new LinkedHashMap<>();
  /** The answer windows of offered calls, by call id. */
  private final Map<String, Clock.Timer> answerWindows = new LinkedHashMap<>();
  private final List<CallLifecycle> lifecycle = new ArrayList<>();

  public CallService(Clock clock, Settings settings, DomainEvents events) {
    this.clock = clock;
    this.settings = settings;
    this.events = events;
  }

  /** Registers a feature that follows every call's life (media, transcription, scenarios). */
  public void follow(CallLifecycle feature) {
    lifecycle.add(feature);
  }

  public Collection<Call> all() {
    return calls.values();
  }

  /** A call in any state, or null. */
  public Call find(String id) {
    return calls.get(id);
  }

  /**
   * The call if it still lasts.
   *
   * @throws Refusal {@link Outcome#CALL_NOT_FOUND} when there is none or it ended
   */
  public Call active(String id) {
    Call call = calls.get(id);
    if (call == null || !call.isActive()) {
      throw new Refusal(Outcome.CALL_NOT_FOUND);
    }
    return call;
  }

  /**
   * An outbound call: it rings for {@code call.ringMs}, then connects.
   *
   * @param source the app's identity, or null for callemu's own
   * @throws Refusal {@link Outcome#TOO_MANY_CALLS} when no room is left
   */
  public Call create(Platform platform, Party source, List<Party> targets, CallSetup setup) {
    requireRoom();
    Party from = source == null ? APP_IDENTITY : source;
    Call call = newCall(platform, Call.Direction.OUTBOUND, setup, from, targets, newServerCallId(),
        UUID.randomUUID().toString());
    call.addParticipant(from);
    targets.forEach(call::addParticipant);
    events.publish(new CallConnecting(call));
    schedule(call, settings.get(CallSettings.RING_MS), () -> connect(call));
    return call;
  }

  /**
   * An inbound call that rings at the app as a call of its own ({@link CallState#OFFERED}, published
   * as {@link CallOffered}): the app answers, rejects or redirects it by its id within {@code
   * answerWindowMs}, else it ends unanswered ({@link Outcome#NOT_ANSWERED}).
   *
   * @param to whom the caller called (the app's identity), the call's target
   * @param setup where the offer goes and who owns the call until it is answered
   * @throws Refusal {@link Outcome#TOO_MANY_CALLS} when no room is left
   */
  public Call ring(Platform platform, Party from, Party to, CallSetup setup, long answerWindowMs) {
    requireRoom();
    Call call = newCall(platform, Call.Direction.INBOUND, setup, from, List.of(to), newServerCallId(),
        UUID.randomUUID().toString());
    call.offered();
    call.addParticipant(from);
    call.addParticipant(to);
    events.publish(new CallOffered(call));
    answerWindows.put(call.id(), schedule(call, answerWindowMs, () -> {
      answerWindows.remove(call.id());
      if (call.state() == CallState.OFFERED) {
        events.publish(new CallSetupFailed(call, Outcome.NOT_ANSWERED));
        disconnect(call, EndCause.NOT_ANSWERED);
      }
    }));
    return call;
  }

  /**
   * The app answers an offered call with {@code setup}; it connects at once.
   *
   * @throws Refusal {@link Outcome#CALL_NOT_INCOMING} when the call is no longer offered
   */
  public void answerOffered(Call call, CallSetup setup) {
    requireOffered(call);
    closeAnswerWindow(call);
    call.answered(setup);
    events.publish(new CallConnecting(call));
    schedule(call, 0, () -> connect(call));
  }

  /**
   * The app rejects or redirects an offered call: it leaves the app without an event.
   *
   * @throws Refusal {@link Outcome#CALL_NOT_INCOMING} when the call is no longer offered
   */
  public void dismissOffered(Call call) {
    requireOffered(call);
    closeAnswerWindow(call);
    disconnect(call, EndCause.DISMISSED);
  }

  private void closeAnswerWindow(Call call) {
    Clock.Timer window = answerWindows.remove(call.id());
    if (window != null) {
      window.cancel();
    }
  }

  private static void requireOffered(Call call) {
    if (call.state() != CallState.OFFERED) {
      throw new Refusal(Outcome.CALL_NOT_INCOMING, call.state() == CallState.CONNECTED ? "established"
          : call.state() == CallState.CONNECTING ? "being established" : "terminated");
    }
  }

  /**
   * Offers an inbound call; it can be answered until {@code incomingCall.answerTimeoutMs} passed.
   *
   * @throws Refusal {@link Outcome#TOO_MANY_CALLS} when no room is left
   */
  public IncomingCall offer(Party from, Party to, String callerDisplayName) {
    requireRoom();
    long now = clock.nowMillis();
    long window = settings.get(CallSettings.ANSWER_TIMEOUT_MS);
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
   * Answers an inbound call. A known, still ringing context connects at once; otherwise the answer
   * is accepted and the call then fails (CallSetupFailed), as the service reports late or repeated
   * answers.
   *
   * @throws Refusal {@link Outcome#TOO_MANY_CALLS} when no room is left
   */
  public Call answer(Platform platform, String context, CallSetup setup) {
    requireRoom();
    IncomingCall offered = incoming.remove(context);
    Clock.Timer window = incomingTimers.remove(context);
    if (offered == null || window == null) {
      Outcome failure = offered == null ? Outcome.ANSWER_UNKNOWN_CONTEXT : Outcome.ANSWER_TOO_LATE;
      Call call = newCall(platform, Call.Direction.INBOUND, setup,
          offered == null ? APP_IDENTITY : offered.from(),
          offered == null ? List.of() : List.of(offered.to()), newServerCallId(), UUID.randomUUID().toString());
      schedule(call, 0, () -> {
        events.publish(new CallSetupFailed(call, failure));
        disconnect(call, EndCause.SETUP_FAILED);
      });
      return call;
    }
    window.cancel();
    Call call = newCall(platform, Call.Direction.INBOUND, setup, offered.from(), List.of(offered.to()),
        offered.serverCallId(), offered.correlationId());
    call.addParticipant(offered.from());
    call.addParticipant(offered.to());
    schedule(call, 0, () -> connect(call));
    return call;
  }

  /**
   * Redirects or rejects a ringing inbound call.
   *
   * @throws Refusal {@link Outcome#INCOMING_CALL_NOT_FOUND} when the context is unknown, already
   *     handled or expired (nothing changes then)
   */
  public void dismiss(String context) {
    if (incoming(context) == null) {
      throw new Refusal(Outcome.INCOMING_CALL_NOT_FOUND);
    }
    incoming.remove(context);
    incomingTimers.remove(context).cancel();
  }

  /** The app hangs up (or terminates) the call. */
  public void hangUpByApp(Call call) {
    end(call, EndCause.APP_HUNG_UP, Outcome.CALL_ENDED_BY_APP);
  }

  /**
   * The remote party hangs up: a connected call (or one still offered to the app) ends; a ringing
   * outbound call was declined (CallSetupFailed).
   */
  public void hangUpByRemote(Call call) {
    if (!call.isActive()) {
      return;
    }
    if (call.state() == CallState.CONNECTING && call.direction() == Call.Direction.OUTBOUND) {
      events.publish(new CallSetupFailed(call, Outcome.CALLEE_DECLINED));
      disconnect(call, EndCause.DECLINED);
      return;
    }
    end(call, EndCause.REMOTE_HUNG_UP, Outcome.CALL_ENDED_BY_REMOTE);
  }

  /** Drops every call and offered call and cancels their timers (control reset); no events. */
  public void reset() {
    for (Call call : calls.values()) {
      if (call.isActive()) {
        call.disconnected(clock.nowMillis(), EndCause.RESET);
        lifecycle.forEach(l -> l.dropped(call));
      }
    }
    calls.values().forEach(Call::cancelTimers);
    calls.clear();
    answerWindows.clear();
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

  /** Publishes an event of a call's feature (media, transcription) on the bus, in order. */
  public void publish(io.callemu.emulator.core.event.DomainEvent event) {
    events.publish(event);
  }

  private void requireRoom() {
    if (!hasRoom()) {
      throw new Refusal(Outcome.TOO_MANY_CALLS, Integer.toString(MAX_CALLS));
    }
  }

  /**
   * Whether one more call fits within {@link #MAX_CALLS}, dropping the oldest ended calls (and
   * offered calls that can no longer be answered) to make room.
   */
  private boolean hasRoom() {
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

  private void end(Call call, EndCause cause, Outcome outcome) {
    if (!call.isActive()) {
      return;
    }
    disconnect(call, cause);
    events.publish(new CallEnded(call, cause, outcome));
  }

  /** Ends {@code call}: features hear of it first (their events precede the end), then the state. */
  private void disconnect(Call call, EndCause cause) {
    for (CallLifecycle l : List.copyOf(lifecycle)) {
      l.ending(call);
    }
    answerWindows.remove(call.id());
    call.disconnected(clock.nowMillis(), cause);
  }

  private void connect(Call call) {
    if (call.state() != CallState.CONNECTING) {
      return;
    }
    call.connected(clock.nowMillis());
    events.publish(new CallConnected(call));
    events.publish(new ParticipantsUpdated(call, List.copyOf(call.participants()), call.nextParticipantsSequence()));
    for (CallLifecycle l : lifecycle) {
      l.connected(call);
    }
  }

  private Call newCall(Platform platform, Call.Direction direction, CallSetup setup, Party source,
      List<Party> targets, String serverCallId, String correlationId) {
    Call call = new Call(UUID.randomUUID().toString(), serverCallId, correlationId, platform, direction, setup,
        source, targets, clock.nowMillis());
    calls.put(call.id(), call);
    for (CallLifecycle l : lifecycle) {
      l.created(call);
    }
    return call;
  }

  /** A base64url conversation URL, the shape real serverCallIds have. */
  private static String newServerCallId() {
    String url = "https://callemu.localhost/conv/" + UUID.randomUUID() + "?i=10&e=" + UUID.randomUUID();
    return Base64.getUrlEncoder().withoutPadding().encodeToString(url.getBytes(StandardCharsets.UTF_8));
  }
}
