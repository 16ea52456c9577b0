package io.callemu.emulator.surface.speech.usp;

import io.callemu.emulator.surface.speech.recognition.OutputFormat;
import io.callemu.emulator.surface.speech.recognition.ProfanityOption;
import io.callemu.emulator.surface.speech.recognition.SpeechMode;

/**
 * What a {@code speech.context} or the handshake's query string sets for a turn; null where it says
 * nothing, so that the context wins over the query and the query over the service defaults.
 *
 * @param interimResults     an explicit request for hypotheses or against them
 * @param continuationTicks  the replay offset a continuation turn announces (journalled; offsets of the
 *                           turn stay relative to its first byte, which is what the SDKs add it to)
 */
public record TurnOverrides(SpeechMode mode, String language, OutputFormat format, Boolean wordTimings,
    ProfanityOption profanity, Integer initialSilenceTimeoutMs, Integer endSilenceTimeoutMs,
    Integer segmentationSilenceMs, Boolean interimResults, Long continuationTicks) {

  public static final TurnOverrides NONE = new TurnOverrides(null, null, null, null, null, null, null, null, null, null);

  /** Each of these values, else the fallback's. */
  public TurnOverrides orElse(TurnOverrides fallback) {
    return new TurnOverrides(first(mode, fallback.mode), first(language, fallback.language),
        first(format, fallback.format), first(wordTimings, fallback.wordTimings), first(profanity, fallback.profanity),
        first(initialSilenceTimeoutMs, fallback.initialSilenceTimeoutMs),
        first(endSilenceTimeoutMs, fallback.endSilenceTimeoutMs),
        first(segmentationSilenceMs, fallback.segmentationSilenceMs), first(interimResults, fallback.interimResults),
        first(continuationTicks, fallback.continuationTicks));
  }

  private static <T> T first(T a, T b) {
    return a != null ? a : b;
  }
}
