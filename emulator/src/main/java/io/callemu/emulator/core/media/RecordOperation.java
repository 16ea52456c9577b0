package io.callemu.emulator.core.media;

import io.callemu.dtmf.DtmfTone;
import io.callemu.emulator.core.call.Requester;
import io.callemu.emulator.core.input.SpeechInput;
import io.callemu.emulator.core.input.SpeechStart;
import io.callemu.emulator.core.input.ToneInput;
import io.callemu.emulator.core.outcome.ActionKind;
import io.callemu.emulator.core.outcome.Outcome;
import io.callemu.emulator.core.recording.AudioClip;
import io.callemu.emulator.core.recording.CapturedAudio;
import io.callemu.emulator.core.recording.TonePress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A recordResponse as the timeline of reference graph-and-speech.md A7.7:
 *
 * <pre>
 * start ── prompt? ──► PROMPTING ──► BEEPING (playBeep) ──► WAITING: recording, initial silence running
 * WAITING:     initial silence fires ─► failed initialSilenceTimeout (no recording)
 *              the caller speaks ─► SPEAKING (initial silence stopped)
 * SPEAKING:    the caller pauses ─► END_SILENCE: max silence fires ─► completed maxSilenceTimeout
 * recording:   maxRecordDuration fires ─► completed maxRecordDurationReached
 *              a stop tone ─► completed stopToneDetected (the recording ends where the key began)
 * any:         cancel (cancelMediaProcessing, a barging recordResponse) ─► failed operationCanceled;
 *              the prompt's file fails ─► failed playPromptFailed
 * </pre>
 *
 * While it records it keeps references to what the caller sends (audio clips, key presses with
 * their lengths; silence is everything else); a completed recording becomes a WAV written off the
 * event loop. Speech counts whoever speaks; a caller already speaking when the recording starts
 * has started speaking. Keys other than stop tones are recorded and change no timer.
 */
final class RecordOperation extends MediaOperation {

  /** Audio clips and key presses kept per recording (bounded memory). */
  static final int MAX_CLIPS = 64;
  static final int MAX_TONES = 1_000;

  /** A key press still sounding. */
  private static final class OpenPress {
    final String participant;
    final DtmfTone tone;
    final long startsAt;
    long endsAt = -1;

    OpenPress(String participant, DtmfTone tone, long startsAt) {
      this.participant = participant;
      this.tone = tone;
      this.startsAt = startsAt;
    }
  }

  private final RecordSpec spec;
  private final List<AudioClip> clips = new ArrayList<>();
  private final List<OpenPress> presses = new ArrayList<>();
  /** Utterances going on now (those that began before the operation too: the caller may talk over a prompt). */
  private final Set<Utterance> speaking = new HashSet<>();
  private long recordingFrom = -1;

  RecordOperation(OperationContext context, RecordSpec spec, Requester requester) {
    super(context, ActionKind.RECORD_RESPONSE, requester, null);
    this.spec = spec;
  }

  @Override
  Outcome canceled() {
    return Outcome.RECORD_CANCELED;
  }

  @Override
  Outcome faultFallback() {
    return Outcome.RECORD_UNSPECIFIED;
  }

  private boolean recording() {
    return recordingFrom >= 0;
  }

  @Override
  void start() {
    if (endWithFault()) {
      return;
    }
    speaking.addAll(context.speechInProgress());
    if (spec.prompt() == null) {
      promptPlayed();
      return;
    }
    state = OperationState.LOADING;
    context.promptLength(List.of(spec.prompt())).onComplete(ar -> {
      if (ended()) {
        return;
      }
      if (ar.failed()) {
        context.note("recordResponse prompt failed: " + ar.cause().getMessage());
        finish(Outcome.RECORD_PROMPT_FAILED, MediaResult.NONE);
        return;
      }
      state = OperationState.PROMPTING;
      startTimer(OperationTimer.PROMPT, ar.result(), this::promptPlayed);
    });
  }

  private void promptPlayed() {
    long beep = context.setting(RecordSettings.BEEP_MS);
    if (spec.playBeep() && beep > 0) {
      state = OperationState.BEEPING;
      startTimer(OperationTimer.BEEP, beep, this::startRecording);
    } else {
      startRecording();
    }
  }

  private void startRecording() {
    recordingFrom = context.now();
    clips.addAll(context.audioPlaying().stream().limit(MAX_CLIPS).toList());
    // Initial silence first: when both timers are due at once, a caller who never spoke failed.
    if (!speaking.isEmpty()) {
      speechBegan();
    } else {
      state = OperationState.WAITING;
      startTimer(OperationTimer.INITIAL_SILENCE, spec.initialSilenceMs(),
          () -> finish(Outcome.RECORD_INITIAL_SILENCE, MediaResult.NONE));
    }
    startTimer(OperationTimer.MAX_DURATION, spec.maxRecordMs(), () -> stop(Outcome.RECORD_MAX_DURATION));
  }

  private void speechBegan() {
    stopTimer(OperationTimer.INITIAL_SILENCE);
    stopTimer(OperationTimer.MAX_SILENCE);
    state = OperationState.SPEAKING;
  }

  @Override
  void speechStarted(SpeechStart start) {
    speaking.add(Utterance.of(start));
    if (recording()) {
      speechBegan();
    }
  }

  @Override
  void speechEnded(SpeechInput speech) {
    if (!speaking.remove(Utterance.of(speech))) {
      return;
    }
    if (recording() && state == OperationState.SPEAKING && speaking.isEmpty()) {
      state = OperationState.END_SILENCE;
      startTimer(OperationTimer.MAX_SILENCE, spec.maxSilenceMs(), () -> stop(Outcome.RECORD_MAX_SILENCE));
    }
  }

  @Override
  void tone(ToneInput input) {
    if (!recording()) {
      return;
    }
    if (spec.stopTones().contains(input.tone())) {
      stop(Outcome.RECORD_STOP_TONE);
    } else if (presses.size() < MAX_TONES) {
      presses.add(new OpenPress(input.participantRawId(), input.tone(), input.atMillis()));
    }
  }

  @Override
  void toneEnded(String participantRawId, DtmfTone tone, long atMillis) {
    for (OpenPress p : presses) {
      if (p.endsAt < 0 && p.tone == tone && p.participant.equals(participantRawId)) {
        p.endsAt = atMillis;
        return;
      }
    }
  }

  @Override
  void audio(AudioClip clip) {
    if (recording() && clips.size() < MAX_CLIPS) {
      clips.add(clip);
    }
  }

  /** Ends the recording now with a completed outcome and keeps what was recorded. */
  private void stop(Outcome outcome) {
    long end = context.now();
    List<TonePress> tones = new ArrayList<>();
    for (OpenPress p : presses) {
      tones.add(new TonePress(p.tone, p.startsAt, p.endsAt < 0 ? end : Math.min(end, p.endsAt)));
    }
    List<AudioClip> heard = clips.stream().filter(c -> c.endsAt() > recordingFrom && c.startsAt() < end).toList();
    var recording = context.keepRecording(new CapturedAudio(recordingFrom, end, heard, tones));
    finish(outcome, new MediaResult.Recorded(recording));
  }
}
