package io.callemu.emulator.surface.speech.usp;

import static io.callemu.emulator.surface.speech.usp.UspProtocolException.INVALID_PAYLOAD;

import io.callemu.emulator.surface.speech.recognition.AsrSimRecognizer;
import io.callemu.emulator.surface.speech.recognition.OutputFormat;
import io.callemu.emulator.surface.speech.recognition.ProfanityOption;
import io.callemu.emulator.surface.speech.recognition.RecognitionSettings;
import io.callemu.emulator.surface.speech.recognition.SpeechMode;
import java.util.function.UnaryOperator;

/**
 * What a WebSocket connection's handshake says: the recognition mode of its path (none for
 * {@code /stt/speech/universal/v2}, where each turn's {@code speech.context} names it) and the settings of
 * its query string, which the SDKs fill from their properties (reference official-clients.md 6.2:
 * {@code language}, {@code format}, {@code profanity}, {@code initialSilenceTimeoutMs},
 * {@code endSilenceTimeoutMs}, {@code segmentationSilenceTimeoutMs}, {@code wordLevelTimestamps}).
 *
 * @param pathMode     the path's mode, or null
 * @param connectionId {@code X-ConnectionId} (header or query), or null
 * @param query        the query's settings
 */
public record ConnectionParameters(SpeechMode pathMode, String connectionId, TurnOverrides query) {

  /**
   * Reads the query.
   *
   * @param param a query parameter by name (compared case-insensitively), or null
   * @throws IllegalArgumentException for a missing language on a mode path, or a value that is not one
   *     of those accepted (the handshake is then refused with 400)
   */
  public static ConnectionParameters parse(SpeechMode pathMode, UnaryOperator<String> param, String connectionId) {
    String language = param.apply("language");
    if (language != null) {
      language = AsrSimRecognizer.canonicalLocale(language);
    } else if (pathMode != null) {
      throw new IllegalArgumentException("the language query parameter is required, for example language=en-US");
    }
    String format = param.apply("format");
    String profanity = param.apply("profanity");
    String words = param.apply("wordLevelTimestamps");
    TurnOverrides query = new TurnOverrides(null, language,
        format == null ? null : OutputFormat.parse(format),
        words == null ? null : Boolean.parseBoolean(words.trim()),
        profanity == null ? null : ProfanityOption.parse(profanity),
        millis(param, "initialSilenceTimeoutMs"), millis(param, "endSilenceTimeoutMs"),
        millis(param, "segmentationSilenceTimeoutMs"), null, null);
    return new ConnectionParameters(pathMode, connectionId, query);
  }

  /**
   * The settings of a turn: its {@code speech.context} first, then the query, then the service defaults.
   *
   * @param continuousHypotheses whether conversation and dictation turns get hypotheses when the context
   *     does not say (interactive turns always do)
   * @throws UspProtocolException 1007 for an unsupported language or a value out of its range
   */
  RecognitionSettings settingsFor(TurnOverrides context, boolean continuousHypotheses) throws UspProtocolException {
    TurnOverrides o = context.orElse(query);
    SpeechMode mode = o.mode() != null ? o.mode() : pathMode != null ? pathMode : SpeechMode.INTERACTIVE;
    try {
      String language = AsrSimRecognizer.canonicalLocale(o.language());
      OutputFormat format = o.format() != null ? o.format() : Boolean.TRUE.equals(o.wordTimings())
          ? OutputFormat.DETAILED : OutputFormat.SIMPLE;
      Integer segmentation = o.segmentationSilenceMs() != null ? o.segmentationSilenceMs()
          : o.endSilenceTimeoutMs() == null ? null : Math.max(RecognitionSettings.MIN_SEGMENTATION_SILENCE_MS,
              Math.min(RecognitionSettings.MAX_SEGMENTATION_SILENCE_MS, o.endSilenceTimeoutMs()));
      boolean hypotheses = o.interimResults() != null ? o.interimResults()
          : !mode.continuous() || continuousHypotheses;
      return new RecognitionSettings(language, mode, format, Boolean.TRUE.equals(o.wordTimings()),
          o.profanity() != null ? o.profanity() : ProfanityOption.MASKED, o.initialSilenceTimeoutMs(), segmentation,
          hypotheses);
    } catch (IllegalArgumentException e) {
      throw new UspProtocolException(INVALID_PAYLOAD, e.getMessage());
    }
  }

  private static Integer millis(UnaryOperator<String> param, String name) {
    String value = param.apply(name);
    if (value == null) {
      return null;
    }
    try {
      return Integer.valueOf(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number of milliseconds, was '" + value + "'");
    }
  }
}
