package io.callemu.emulator.core.media;

import io.callemu.dtmf.DtmfTone;
import io.callemu.emulator.core.call.Requester;
import io.callemu.emulator.core.clock.Clock;
import io.callemu.emulator.core.input.SpeechInput;
import io.callemu.emulator.core.input.SpeechStart;
import io.callemu.emulator.core.input.ToneInput;
import io.callemu.emulator.core.outcome.ActionKind;
import io.callemu.emulator.core.outcome.Forced;
import io.callemu.emulator.core.outcome.Outcome;
import io.callemu.emulator.core.recording.AudioClip;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

/**
 * One queued media action of a call (play, recognize, playPrompt, recordResponse): a small state machine on the emulator's
 * context, fed by caller input, its own named timers (always through the clock) and cancellation.
 * It ends exactly once, with one outcome from the catalogue, or silently when the call ends.
 */
abstract class MediaOperation {

  final OperationContext context;
  final OperationRef ref;
  private final Map<OperationTimer, Clock.Timer> timers = new EnumMap<>(OperationTimer.class);
  private boolean ended;
  OperationState state = OperationState.QUEUED;

  MediaOperation(OperationContext context, ActionKind kind, Requester requester, RecognizeSpec recognize) {
    this.context = context;
    // A GUID, the shape of Graph's operation ids (which bots see in Location headers).
    this.ref = new OperationRef(UUID.randomUUID().toString(), kind, requester, recognize);
  }

  /** Begins the operation once it is first in its call's queue. */
  abstract void start();

  /** The outcome that tells the app this operation was cancelled. */
  abstract Outcome canceled();

  /** The outcome an armed fault ends it with when its code pair is not in the catalogue. */
  abstract Outcome faultFallback();

  void tone(ToneInput tone) {
  }

  void speechStarted(SpeechStart start) {
  }

  void speechEnded(SpeechInput speech) {
  }

  /** A key press of {@code participantRawId} ended at {@code atMillis} (its start came as {@link #tone}). */
  void toneEnded(String participantRawId, DtmfTone tone, long atMillis) {
  }

  /** The caller's audio clip starts playing now. */
  void audio(AudioClip clip) {
  }

  final boolean ended() {
    return ended;
  }

  /** Cancelled by the app (cancelAll, interrupt): the cancel outcome. */
  final void cancel() {
    finish(canceled(), null, MediaResult.NONE);
  }

  /** The call ended: stop without an event (no event follows the call's end). */
  final void abort() {
    if (!ended) {
      ended = true;
      stopTimers();
    }
  }

  /**
   * Ends the operation with an armed fault if one matches; true when it did. The fault's row (or,
   * for a code pair the catalogue lacks, {@link #faultFallback()}) with the fault's values.
   */
  final boolean endWithFault() {
    return context.takeFault(ref.kind()).map(fault -> {
      Outcome outcome = fault.result().row() != null ? fault.result().row() : faultFallback();
      context.note("fault " + fault.id() + " ends " + ref.kind().wire() + " " + ref.id() + " with " + outcome.id());
      finish(outcome, fault.result().forced(), MediaResult.NONE);
      return true;
    }).orElse(false);
  }

  final void finish(Outcome outcome, MediaResult result) {
    finish(outcome, null, result);
  }

  private void finish(Outcome outcome, Forced forced, MediaResult result) {
    if (ended) {
      return;
    }
    ended = true;
    state = OperationState.ENDED;
    stopTimers();
    report(outcome, forced, result);
    context.ended(this);
  }

  /** Reports an outcome of this operation without ending it (a play started). */
  final void report(Outcome outcome, Forced forced, MediaResult result) {
    context.publish(context.event(ref, outcome, forced, result));
  }

  /** (Re)starts timer {@code name}; {@code ms <= 0} runs it as soon as possible. */
  final void startTimer(OperationTimer name, long ms, Runnable onFire) {
    stopTimer(name);
    timers.put(name, context.schedule(ms, () -> {
      timers.remove(name);
      if (!ended) {
        onFire.run();
      }
    }));
  }

  final void stopTimer(OperationTimer name) {
    Clock.Timer t = timers.remove(name);
    if (t != null) {
      t.cancel();
    }
  }

  private void stopTimers() {
    timers.values().forEach(Clock.Timer::cancel);
    timers.clear();
  }

  /** The operation as the call detail lists it, with its timers' due times. */
  OperationSnapshot snapshot(boolean running) {
    Map<OperationTimer, Long> due = new EnumMap<>(OperationTimer.class);
    timers.forEach((name, t) -> due.put(name, t.dueAt()));
    return new OperationSnapshot(ref, state, running, due, null, 0, null, java.util.List.of());
  }
}
