package io.callemu.emulator.core.media;

import io.callemu.emulator.core.settings.Setting;
import java.util.List;

/** The recognize fidelity switches (CONTRACT section 5) the core's recognize acts on. */
public final class RecognizeSettings {

  /** What an expired inter-tone timeout ends with. */
  public enum InterDigitTimeoutEvent implements Setting.Choice {
    COMPLETED, FAILED
  }

  /** What happens to keys pressed while a prompt that may not be interrupted plays. */
  public enum TonesDuringPrompt implements Setting.Choice {
    IGNORED, KEPT
  }

  public static final Setting<InterDigitTimeoutEvent> INTER_DIGIT_TIMEOUT_EVENT = Setting.choice(
      "recognize.interDigitTimeoutEvent", InterDigitTimeoutEvent.COMPLETED, InterDigitTimeoutEvent.class,
      "what an expired interToneTimeout ends with: RecognizeCompleted 400/8532 carrying the tones so far, "
          + "or RecognizeFailed 400/8532",
      "the newer recognize how-to lists 'RecognizeCompleted | 400 | 8532', the older one RecognizeFailed "
          + "(https://learn.microsoft.com/azure/communication-services/how-tos/call-automation/recognize-action); "
          + "real behaviour UNVERIFIED");
  public static final Setting<Boolean> STOP_TONE_IN_RESULT = Setting.flag("recognize.stopToneInResult", true,
      "whether the stop tone that ended a DTMF recognize is the last of dtmfResult.tones",
      "Java SDK test payload [\"five\",\"six\",\"pound\"] and the real payload of "
          + "https://github.com/Azure/azure-sdk-for-js/issues/26338 include it; production UNVERIFIED");
  public static final Setting<Boolean> INTERRUPT_PROMPT_QUIRK = Setting.flag(
      "recognize.interruptPromptInitialSilenceQuirk", false,
      "true: with interruptPrompt the initial silence timeout behaves as 2 s whatever was asked, as reported "
          + "against the live service",
      "https://github.com/Azure/azure-sdk-for-net/issues/45842");
  public static final Setting<TonesDuringPrompt> TONES_DURING_PROMPT = Setting.choice(
      "recognize.tonesDuringUninterruptiblePrompt", TonesDuringPrompt.IGNORED, TonesDuringPrompt.class,
      "keys pressed while a prompt with interruptPrompt=false plays: dropped, or kept and counted once the "
          + "prompt ended (type-ahead)",
      "UNVERIFIED: ACS documents only that such keys do not stop the prompt");

  public static final List<Setting<?>> ALL = List.of(INTER_DIGIT_TIMEOUT_EVENT, STOP_TONE_IN_RESULT,
      INTERRUPT_PROMPT_QUIRK, TONES_DURING_PROMPT);

  private RecognizeSettings() {
  }
}
