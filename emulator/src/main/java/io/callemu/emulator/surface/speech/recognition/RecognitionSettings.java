package io.callemu.emulator.surface.speech.recognition;

/**
 * How one audio stream is recognised: a REST request, or one turn of a WebSocket connection.
 *
 * @param locale                  the canonical BCP-47 tag ({@code en-US})
 * @param mode                    interactive (one utterance) or conversation/dictation (until the audio ends)
 * @param format                  simple or detailed results
 * @param wordTimings             detailed results carry each alternative's {@code Words} with offsets
 * @param profanity               what MaskedITN, Display and hypotheses do with profanity
 * @param initialSilenceTimeoutMs silence allowed before speech, 0 = no limit; null = the service default
 *                                (5 s for a single shot, 15 s continuous)
 * @param segmentationSilenceMs   silence that ends a phrase, 100..5000; null = the service default (500 ms)
 * @param hypotheses              whether intermediate results are wanted ({@code speech.hypothesis})
 */
public record RecognitionSettings(String locale, SpeechMode mode, OutputFormat format, boolean wordTimings,
    ProfanityOption profanity, Integer initialSilenceTimeoutMs, Integer segmentationSilenceMs, boolean hypotheses) {

  /** Documented range of the segmentation silence (reference graph-and-speech.md B3). */
  public static final int MIN_SEGMENTATION_SILENCE_MS = 100;
  public static final int MAX_SEGMENTATION_SILENCE_MS = 5_000;

  /** @throws IllegalArgumentException for a value outside its documented range */
  public RecognitionSettings {
    if (locale == null || mode == null || format == null || profanity == null) {
      throw new IllegalArgumentException("locale, mode, format and profanity are required");
    }
    if (initialSilenceTimeoutMs != null && initialSilenceTimeoutMs < 0) {
      throw new IllegalArgumentException("initialSilenceTimeoutMs must not be negative, was " + initialSilenceTimeoutMs);
    }
    if (segmentationSilenceMs != null && (segmentationSilenceMs < MIN_SEGMENTATION_SILENCE_MS
        || segmentationSilenceMs > MAX_SEGMENTATION_SILENCE_MS)) {
      throw new IllegalArgumentException("segmentationSilenceTimeoutMs must be within " + MIN_SEGMENTATION_SILENCE_MS
          + ".." + MAX_SEGMENTATION_SILENCE_MS + ", was " + segmentationSilenceMs);
    }
  }

  /** Phrases keep coming until the audio ends. */
  public boolean continuous() {
    return mode.continuous();
  }
}
