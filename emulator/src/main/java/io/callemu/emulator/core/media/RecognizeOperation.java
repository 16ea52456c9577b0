package io.callemu.emulator.core.media;

import io.callemu.dtmf.DtmfTone;
import io.callemu.emulator.core.input.SpeechInput;
import io.callemu.emulator.core.input.SpeechStart;
import io.callemu.emulator.core.input.ToneInput;
import io.callemu.emulator.core.outcome.ResultCatalogue;
import io.callemu.emulator.core.outcome.ResultRow;
import io.callemu.emulator.core.settings.Settings;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code :recognize} as the timer state machine of anchors 4.7:
 *
 * <pre>
 * start ── prompt? ──► PROMPTING ──(prompt played)──► WAITING (initial silence; 0 = no limit)
 *          no prompt ─────────────────────────────► WAITING
 * PROMPTING: input with interruptPrompt stops the prompt and counts; without it is ignored
 *            (or kept as type-ahead: recognize.tonesDuringUninterruptiblePrompt); the same while
 *            a file prompt is still loading (a barge-in then keeps it from playing at all)
 * WAITING:   initial silence fires ─► RecognizeFailed 400/8510; first input locks speechOrDtmf
 * COLLECTING (dtmf): stop tone ─► 8514; maxTonesToCollect ─► 8531; choice tone ─► 8533 / 8534;
 *            every key restarts the inter-tone timer ─► 400/8532 (recognize.interDigitTimeoutEvent)
 * SPEAKING:  speech ends ─► end silence ─► 8569 (speech), 8545 / 8547 (choices), 8563 (nothing heard);
 *            speech resuming within end silence continues the same utterance
 * any:       cancel ─► RecognizeCanceled 8508; prompt file fails ─► RecognizeFailed 8511
 * </pre>
 */
final class RecognizeOperation extends MediaOperation {

  /** Keys kept per recognize when maxTonesToCollect sets no bound (memory bound). */
  static final int MAX_TONES_KEPT = 1_000;

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
  private String lockedTo;

  RecognizeOperation(CallMedia media, RecognizeSpec spec, String operationContext, String callbackUri) {
    super(media, operationContext, callbackUri);
    this.spec = spec;
  }

  @Override
  String kind() {
    return "recognize";
  }

  @Override
  ResultRow canceledRow() {
    return ResultCatalogue.RECOGNIZE_CANCELED;
  }

  private boolean setting(String key, String value) {
    return media.service().settings().get(key).equals(value);
  }

  @Override
  void start() {
    if (media.endWithFault(this)) {
      return;
    }
    if (spec.prompts().isEmpty()) {
      waitForInput();
      return;
    }
    state = "loading";
    duringPrompt = true;
    media.service().durations().total(spec.prompts()).onComplete(ar -> {
      if (ended() || !duringPrompt) {
        // Ended, or the caller barged in while the prompt was still loading: it never plays.
        return;
      }
      if (ar.failed()) {
        SourceFailure f = (SourceFailure) ar.cause();
        media.service().note(media.call(), "recognize prompt " + f.index + " failed: " + f.getMessage());
        finish(ResultCatalogue.RECOGNIZE_PROMPT_FAILED,
            new JsonObject().put("failedPlaySourceIndex", Math.max(0, f.index)));
        return;
      }
      state = "prompting";
      promptEvent(ResultCatalogue.PLAY_STARTED);
      startTimer("prompt", ar.result(), this::promptPlayed);
    });
  }

  private void promptEvent(ResultRow row) {
    if (setting(Settings.PROMPT_EMITS_PLAY_EVENTS, "true")) {
      emit(row.event(), row.toJson(), null);
    }
  }

  private void promptPlayed() {
    duringPrompt = false;
    promptEvent(ResultCatalogue.PLAY_COMPLETED);
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
    if (state.equals("prompting")) {
      stopTimer("prompt");
      promptEvent(ResultCatalogue.PLAY_CANCELED);
    }
  }

  private void waitForInput() {
    state = "waiting";
    long ms = spec.interruptPrompt() && setting(Settings.INTERRUPT_PROMPT_QUIRK, "true")
        ? 2_000 : spec.initialSilenceMs();
    if (ms > 0) {
      startTimer("initialSilence", ms, () -> finish(ResultCatalogue.RECOGNIZE_INITIAL_SILENCE, null));
    }
  }

  @Override
  void tone(ToneInput input) {
    if (!input.participantRawId().equals(spec.targetRawId()) || !spec.takesTones()
        || "speech".equals(lockedTo)) {
      return;
    }
    if (duringPrompt) {
      if (!spec.interruptPrompt()) {
        if (setting(Settings.TONES_DURING_PROMPT, "kept") && typeAhead.size() < MAX_TONES_KEPT) {
          typeAhead.add(input.tone());
        }
        return;
      }
      stopPrompt();
    }
    acceptTone(input.tone());
  }

  private void acceptTone(DtmfTone tone) {
    stopTimer("initialSilence");
    lockedTo = "dtmf";
    if (spec.inputType().equals("choices")) {
      for (RecognizeSpec.Choice c : spec.choices()) {
        if (c.tone() == tone) {
          finish(ResultCatalogue.RECOGNIZE_DTMF_OPTION, new JsonObject().put("recognitionType", "choices")
              .put("choiceResult", new JsonObject().put("label", c.label())));
          return;
        }
      }
      finish(ResultCatalogue.RECOGNIZE_INCORRECT_TONE, null);
      return;
    }
    if (spec.stopTones().contains(tone)) {
      if (setting(Settings.STOP_TONE_IN_RESULT, "true")) {
        tones.add(tone);
      }
      finish(ResultCatalogue.RECOGNIZE_STOP_TONE, dtmfResult());
      return;
    }
    tones.add(tone);
    if ((spec.maxTones() > 0 && tones.size() >= spec.maxTones()) || tones.size() >= MAX_TONES_KEPT) {
      finish(ResultCatalogue.RECOGNIZE_MAX_TONES, dtmfResult());
      return;
    }
    state = "collecting";
    startTimer("interTone", spec.interToneMs(), () -> {
      if (setting(Settings.INTER_DIGIT_TIMEOUT_EVENT, "completed")) {
        finish(ResultCatalogue.RECOGNIZE_INTER_TONE_COMPLETED, dtmfResult());
      } else {
        finish(ResultCatalogue.RECOGNIZE_INTER_TONE_FAILED, null);
      }
    });
  }

  private JsonObject dtmfResult() {
    JsonArray names = new JsonArray();
    tones.forEach(t -> names.add(t.acsName()));
    return new JsonObject().put("recognitionType", "dtmf").put("dtmfResult", new JsonObject().put("tones", names));
  }

  @Override
  void speechStarted(SpeechStart start) {
    if (!start.participantRawId().equals(spec.targetRawId()) || !spec.takesSpeech()
        || "dtmf".equals(lockedTo)) {
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
    stopTimer("initialSilence");
    stopTimer("endSilence");
    lockedTo = "speech";
    state = "speaking";
  }

  @Override
  void speechEnded(SpeechInput speech) {
    if (!speech.participantRawId().equals(spec.targetRawId()) || !"speech".equals(lockedTo)) {
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
    state = "endSilence";
    startTimer("endSilence", spec.endSilenceMs(), this::utteranceDone);
  }

  private void utteranceDone() {
    String text = heard.toString();
    if (text.isBlank()) {
      finish(ResultCatalogue.RECOGNIZE_SPEECH_NOT_RECOGNIZED, null);
      return;
    }
    if (spec.inputType().equals("choices")) {
      RecognizeSpec.Choice choice = media.service().choices().match(spec.choices(), text, spec.speechLanguage());
      if (choice == null) {
        finish(ResultCatalogue.RECOGNIZE_SPEECH_NOT_MATCHED, null);
        return;
      }
      finish(ResultCatalogue.RECOGNIZE_SPEECH_OPTION, new JsonObject().put("recognitionType", "choices")
          .put("choiceResult", new JsonObject().put("label", choice.label()).put("recognizedPhrase", text)
              .put("confidence", confidence)));
      return;
    }
    finish(ResultCatalogue.RECOGNIZE_SPEECH, new JsonObject().put("recognitionType", "speech")
        .put("speechResult", new JsonObject().put("speech", text).put("confidence", confidence)));
  }

  /** What a fault that names a RecognizeCompleted row carries: an empty result of this input type. */
  JsonObject emptyResult() {
    switch (spec.inputType()) {
      case "choices":
        return new JsonObject().put("recognitionType", "choices")
            .put("choiceResult", new JsonObject().put("label", spec.choices().get(0).label()));
      case "speech":
        return new JsonObject().put("recognitionType", "speech")
            .put("speechResult", new JsonObject().put("speech", "").put("confidence", 0.0));
      default:
        return dtmfResult();
    }
  }

  @Override
  JsonObject describe() {
    JsonObject o = super.describe().put("recognizeInputType", spec.inputType())
        .put("interruptPrompt", spec.interruptPrompt());
    if (lockedTo != null) {
      o.put("lockedTo", lockedTo);
    }
    if (!tones.isEmpty()) {
      o.put("tones", dtmfResult().getJsonObject("dtmfResult").getJsonArray("tones"));
    }
    return o;
  }
}
