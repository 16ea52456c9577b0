package io.callemu.emulator.core.media;

import io.callemu.dtmf.DtmfTone;
import java.util.List;
import java.util.Set;

/**
 * A validated recognize request with the documented defaults applied. Times are in milliseconds;
 * {@code initialSilenceMs} 0 means no limit.
 *
 * @param maxTones the most keys to collect, or 0 for no limit
 * @param targetRawId the participant whose input counts
 */
public record RecognizeSpec(InputType inputType, List<PlaySource> prompts, boolean interruptPrompt,
    long initialSilenceMs, String targetRawId, String speechLanguage, long interToneMs, int maxTones,
    Set<DtmfTone> stopTones, List<Choice> choices, long endSilenceMs) {

  /** What the recognize listens for. */
  public enum InputType {
    DTMF, CHOICES, SPEECH, SPEECH_OR_DTMF;

    public boolean takesTones() {
      return this != SPEECH;
    }

    public boolean takesSpeech() {
      return this != DTMF;
    }
  }

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
}
