package io.callemu.emulator.core.media;

import io.callemu.dtmf.DtmfTone;
import java.util.List;
import java.util.Set;

/**
 * A validated {@code :recognize} request (reference 6.1) with the documented defaults applied
 * (6.2). Times are in milliseconds; {@code initialSilenceMs} 0 means no limit.
 *
 * @param inputType {@code dtmf}, {@code choices}, {@code speech} or {@code speechOrDtmf}
 * @param maxTones maxTonesToCollect, or 0 when not set (no limit)
 * @param targetRawId the participant whose input counts
 */
public record RecognizeSpec(String inputType, List<PlaySource> prompts, boolean interruptPrompt,
    long initialSilenceMs, String targetRawId, String speechLanguage, long interToneMs, int maxTones,
    Set<DtmfTone> stopTones, List<Choice> choices, long endSilenceMs) {

  public RecognizeSpec {
    prompts = List.copyOf(prompts);
    stopTones = Set.copyOf(stopTones);
    choices = List.copyOf(choices);
  }

  /** One entry of {@code choices}: label, phrases, and the key that picks it (or null). */
  public record Choice(String label, List<String> phrases, DtmfTone tone) {

    public Choice {
      phrases = List.copyOf(phrases);
    }
  }

  boolean takesTones() {
    return !inputType.equals("speech");
  }

  boolean takesSpeech() {
    return !inputType.equals("dtmf");
  }
}
