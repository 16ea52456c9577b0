package io.callemu.emulator.core.media;

import io.callemu.emulator.core.clock.Clock;
import io.callemu.emulator.core.fault.Fault;
import io.callemu.emulator.core.outcome.ActionKind;
import io.callemu.emulator.core.settings.Setting;
import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;

/**
 * What a media operation may use: its call's timers, a way to report, prompt lengths, settings and
 * faults. Narrow on purpose, so an operation is a state machine that tests drive without HTTP.
 */
interface OperationContext {

  /** The emulated time (epoch ms). */
  long now();

  /** Runs {@code task} after {@code delayMs} emulated ms unless the call ends first. */
  Clock.Timer schedule(long delayMs, Runnable task);

  /** Publishes an event of this call's media. */
  void publish(MediaEvent event);

  /** The call's media event for {@code operation}. */
  MediaEvent event(OperationRef operation, io.callemu.emulator.core.outcome.Outcome outcome,
      io.callemu.emulator.core.outcome.Forced forced, MediaResult result);

  /** How long {@code sources} play in order; fails with a {@link SourceFailure}. */
  Future<Long> promptLength(List<PlaySource> sources);

  <T> T setting(Setting<T> setting);

  /** Uses up an armed fault of {@code action} for this call, if one is armed. */
  Optional<Fault> takeFault(ActionKind action);

  /** How recognised phrases pick choices. */
  ChoiceMatching choices();

  /** The utterances going on now (begun and not yet ended). */
  java.util.Set<Utterance> speechInProgress();

  /** The caller's audio clips that are still playing now (they started before and end later). */
  List<io.callemu.emulator.core.recording.AudioClip> audioPlaying();

  /** Keeps what the caller sent in a window as a recording of this call (written off the event loop). */
  io.callemu.emulator.core.recording.Recording keepRecording(io.callemu.emulator.core.recording.CapturedAudio audio);

  /** A line for the journal about this call's media. */
  void note(String message);

  /** The operation finished (its last event published): the next queued one may start. */
  void ended(MediaOperation operation);
}
