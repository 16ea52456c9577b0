package io.callemu.emulator.core.media;

import io.callemu.dtmf.DtmfTone;
import io.callemu.emulator.core.call.Requester;
import io.callemu.emulator.core.input.SpeechInput;
import io.callemu.emulator.core.input.SpeechStart;
import io.callemu.emulator.core.input.ToneInput;
import io.callemu.emulator.core.media.RecognizeSettings.InterDigitTimeoutEvent;
import io.callemu.emulator.core.media.RecognizeSettings.TonesDuringPrompt;
import io.callemu.emulator.core.media.RecognizeSpec.InputType;
import io.callemu.emulator.core.outcome.ActionKind;
import io.callemu.emulator.core.outcome.Outcome;
import java.util.ArrayList;
import java.util.List;

/**
 * A recognize as the timer state machine of the recognize how-to:
 *
 * <pre>
 * start ── prompt? ──► PROMPTING ──(prompt played)──► WAITING (initial silence; 0 = no limit)
 *          no prompt ─────────────────────────────► WAITING
 * PROMPTING: input with interruptPrompt stops the prompt and counts; without it is ignored
 *            (or kept as type-ahead: recognize.tonesDuringUninterruptiblePrompt); the same while
 *            a file prompt is still loading (a barge-in then keeps it from playing at all)
 * WAITING:   initial silence fires ─► failed 8510; the first input locks speechOrDtmf
 * COLLECTING (dtmf): stop tone ─► 8514; maxTonesToCollect ─► 8531; choice tone ─► 8533 / 8534;
 *            every key restarts the inter-tone timer ─► 8532 (recognize.interDigitTimeoutEvent)
 * SPEAKING:  speech ends ─► end silence ─► 8569 (speech), 8545 / 8547 (choices), 8563 (nothing heard);
 *            speech resuming within end silence continues the same utterance
 * any:       cancel ─► 8508; prompt file fails ─► 8511
 * </pre>
 */
final class RecognizeOperation extends MediaOperation {

  /** Keys kept per recognize when maxTonesToCollect sets no bound (memory bound). */
  static final int MAX_TONES_KEPT = 1_000;
  /** The initial silence with interruptPrompt under {@code recognize.interruptPromptInitialSilenceQuirk}. */
  static final long QUIRK_INITIAL_SILENCE_MS = 2_000;

  private final RecognizeSpec spec;
  private final List<DtmfTone> tones = new ArrayList<>();
  private final List<DtmfTone> typeAhead = new ArrayList<>();
  private final StringBuilder heard = new StringBuilder();
  private double confidence = 1.0;
  /**
   * The prompt is being fetched or played: input now is input during the prompt (barge-in or
   * type-ahead), whether or not the download has finished.
   */
  private boolean duringPrompt;
  private boolean ignoringUtterance;
  /** Which input decided a speechOrDtmf recognize: true keys, false speech, null not yet. */
  private Boolean lockedToTones;

  RecognizeOperation(OperationContext context, RecognizeSpec spec, Requester requester) {
    super(context, ActionKind.RECOGNIZE, requester, spec);
    this.spec = spec;
  }

  @Override
  Outcome canceled() {
    return Outcome.RECOGNIZE_CANCELED;
  }

  @Override
  Outcome faultFallback() {
    return Outcome.RECOGNIZE_UNSPECIFIED;
  }

  @Override
  void start() {
    if (endWithFault()) {
      return;
    }
    if (spec.prompts().isEmpty()) {
      waitForInput();
      return;
    }
    state = OperationState.LOADING;
    duringPrompt = true;
    context.promptLength(spec.prompts()).onComplete(ar -> {
      if (ended() || !duringPrompt) {
        // Ended, or the caller barged in while the prompt was still loading: it never plays.
        return;
      }
      if (ar.failed()) {
        SourceFailure f = (SourceFailure) ar.cause();
        context.note("recognize prompt " + f.index + " failed: " + f.getMessage());
        finish(Outcome.RECOGNIZE_PROMPT_FAILED, new MediaResult.FailedSource(Math.max(0, f.index)));
        return;
      }
      state = OperationState.PROMPTING;
      report(Outcome.PLAY_STARTED, null, MediaResult.NONE);
      startTimer(OperationTimer.PROMPT, ar.result(), this::promptPlayed);
    });
  }

  private void promptPlayed() {
    duringPrompt = false;
    report(Outcome.PLAY_COMPLETED, null, MediaResult.NONE);
    waitForInput();
    List<DtmfTone> early = List.copyOf(typeAhead);
    typeAhead.clear();
    for (DtmfTone tone : early) {
      if (ended()) {
        return;
      }
      acceptTone(tone);
    }
  }

  /** Barge-in: the caller's input stops the prompt (or keeps a prompt still loading from playing). */
  private void stopPrompt() {
    duringPrompt = false;
    if (state == OperationState.PROMPTING) {
      stopTimer(OperationTimer.PROMPT);
      report(Outcome.PLAY_CANCELED, null, MediaResult.NONE);
    }
  }

  private void waitForInput() {
    state = OperationState.WAITING;
    long ms = spec.interruptPrompt() && context.setting(RecognizeSettings.INTERRUPT_PROMPT_QUIRK)
        ? QUIRK_INITIAL_SILENCE_MS : spec.initialSilenceMs();
    if (ms > 0) {
      startTimer(OperationTimer.INITIAL_SILENCE, ms,
          () -> finish(Outcome.RECOGNIZE_INITIAL_SILENCE, MediaResult.NONE));
    }
  }

  @Override
  void tone(ToneInput input) {
    if (!input.tone().isKey() || !input.participantRawId().equals(spec.targetRawId()) || !spec.inputType().takesTones()
        || Boolean.FALSE.equals(lockedToTones)) {
      return;
    }
    if (duringPrompt) {
      if (!spec.interruptPrompt()) {
        if (context.setting(RecognizeSettings.TONES_DURING_PROMPT) == TonesDuringPrompt.KEPT
            && typeAhead.size() < MAX_TONES_KEPT) {
          typeAhead.add(input.tone());
        }
        return;
      }
      stopPrompt();
    }
    acceptTone(input.tone());
  }

  private void acceptTone(DtmfTone tone) {
    stopTimer(OperationTimer.INITIAL_SILENCE);
    lockedToTones = true;
    if (spec.inputType() == InputType.CHOICES) {
      for (RecognizeSpec.Choice c : spec.choices()) {
        if (c.tone() == tone) {
          finish(Outcome.RECOGNIZE_DTMF_OPTION, new MediaResult.Choice(c.label(), null, 1.0));
          return;
        }
      }
      finish(Outcome.RECOGNIZE_INCORRECT_TONE, MediaResult.NONE);
      return;
    }
    if (spec.stopTones().contains(tone)) {
      if (context.setting(RecognizeSettings.STOP_TONE_IN_RESULT)) {
        tones.add(tone);
      }
      finish(Outcome.RECOGNIZE_STOP_TONE, new MediaResult.Tones(tones));
      return;
    }
    tones.add(tone);
    if ((spec.maxTones() > 0 && tones.size() >= spec.maxTones()) || tones.size() >= MAX_TONES_KEPT) {
      finish(Outcome.RECOGNIZE_MAX_TONES, new MediaResult.Tones(tones));
      return;
    }
    state = OperationState.COLLECTING;
    startTimer(OperationTimer.INTER_TONE, spec.interToneMs(), () -> {
      if (context.setting(RecognizeSettings.INTER_DIGIT_TIMEOUT_EVENT) == InterDigitTimeoutEvent.COMPLETED) {
        finish(Outcome.RECOGNIZE_INTER_TONE_COMPLETED, new MediaResult.Tones(tones));
      } else {
        finish(Outcome.RECOGNIZE_INTER_TONE_FAILED, MediaResult.NONE);
      }
    });
  }

  @Override
  void speechStarted(SpeechStart start) {
    if (!start.participantRawId().equals(spec.targetRawId()) || !spec.inputType().takesSpeech()
        || Boolean.TRUE.equals(lockedToTones)) {
      return;
    }
    if (duringPrompt) {
      if (!spec.interruptPrompt()) {
        ignoringUtterance = true;
        return;
      }
      stopPrompt();
    }
    ignoringUtterance = false;
    stopTimer(OperationTimer.INITIAL_SILENCE);
    stopTimer(OperationTimer.END_SILENCE);
    lockedToTones = false;
    state = OperationState.SPEAKING;
  }

  @Override
  void speechEnded(SpeechInput speech) {
    if (!speech.participantRawId().equals(spec.targetRawId()) || !Boolean.FALSE.equals(lockedToTones)) {
      return;
    }
    if (ignoringUtterance) {
      ignoringUtterance = false;
      return;
    }
    String text = speech.phrase().text().trim();
    if (!text.isEmpty()) {
      if (heard.length() > 0) {
        heard.append(' ');
      }
      heard.append(text);
      confidence = Math.min(confidence, speech.phrase().confidence());
    }
    state = OperationState.END_SILENCE;
    startTimer(OperationTimer.END_SILENCE, spec.endSilenceMs(), this::utteranceDone);
  }

  private void utteranceDone() {
    String text = heard.toString();
    if (text.isBlank()) {
      finish(Outcome.RECOGNIZE_SPEECH_NOT_RECOGNIZED, MediaResult.NONE);
      return;
    }
    if (spec.inputType() == InputType.CHOICES) {
      RecognizeSpec.Choice choice = context.choices().match(spec.choices(), text, spec.speechLanguage());
      if (choice == null) {
        finish(Outcome.RECOGNIZE_SPEECH_NOT_MATCHED, MediaResult.NONE);
        return;
      }
      finish(Outcome.RECOGNIZE_SPEECH_OPTION, new MediaResult.Choice(choice.label(), text, confidence));
      return;
    }
    finish(Outcome.RECOGNIZE_SPEECH, new MediaResult.Speech(text, confidence));
  }

  @Override
  OperationSnapshot snapshot(boolean running) {
    OperationSnapshot s = super.snapshot(running);
    return new OperationSnapshot(s.operation(), s.state(), running, s.timers(), null, 0, lockedToTones,
        List.copyOf(tones));
  }
}
