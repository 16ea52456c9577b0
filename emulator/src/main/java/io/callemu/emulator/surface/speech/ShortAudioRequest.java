package io.callemu.emulator.surface.speech;

import io.callemu.emulator.surface.speech.recognition.AsrSimRecognizer;
import io.callemu.emulator.surface.speech.recognition.OutputFormat;
import io.callemu.emulator.surface.speech.recognition.ProfanityOption;
import io.callemu.emulator.surface.speech.recognition.RecognitionSettings;
import io.callemu.emulator.surface.speech.recognition.SpeechMode;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * A request to the REST API for short audio, checked (reference graph-and-speech.md B1,
 * official-clients.md 5): {@code ?language=} (required, supported), {@code format=simple|detailed},
 * {@code profanity=masked|removed|raw}, and a WAV content type ({@code audio/wav} with or without
 * {@code codecs=audio/pcm} or {@code codec=audio/pcm} and {@code samplerate}). The service answers only
 * the first utterance in every mode, so the audio is recognised as a single shot; the mode is kept for
 * the journal.
 *
 * @param mode     the path's recognition mode
 * @param settings how the audio is recognised
 */
record ShortAudioRequest(SpeechMode mode, RecognitionSettings settings) {

  /**
   * @param param       a query parameter, or null
   * @param contentType the Content-Type header, or null
   * @throws SpeechHttpError 400 for a missing or bad parameter, 415 for a content type other than WAV
   */
  static ShortAudioRequest parse(SpeechMode mode, UnaryOperator<String> param, String contentType)
      throws SpeechHttpError {
    String language = param.apply("language");
    try {
      if (language == null || language.isBlank()) {
        throw new IllegalArgumentException("the language query parameter is required, for example ?language=en-US");
      }
      String format = param.apply("format");
      String profanity = param.apply("profanity");
      RecognitionSettings settings = new RecognitionSettings(AsrSimRecognizer.canonicalLocale(language),
          SpeechMode.INTERACTIVE, format == null ? OutputFormat.SIMPLE : OutputFormat.parse(format), false,
          profanity == null ? ProfanityOption.MASKED : ProfanityOption.parse(profanity), null, null, false);
      checkContentType(contentType);
      return new ShortAudioRequest(mode, settings);
    } catch (IllegalArgumentException e) {
      throw new SpeechHttpError(400, e.getMessage());
    }
  }

  private static void checkContentType(String contentType) throws SpeechHttpError {
    if (contentType == null || contentType.isBlank()) {
      throw new SpeechHttpError(415, "Content-Type is required: audio/wav; codecs=audio/pcm; samplerate=16000");
    }
    String[] parts = contentType.toLowerCase(Locale.ROOT).split(";");
    String type = parts[0].trim();
    if (!type.equals("audio/wav") && !type.equals("audio/x-wav") && !type.equals("audio/wave")) {
      throw new SpeechHttpError(415, "unsupported Content-Type '" + contentType.trim() + "': callemu recognises"
          + " audio/wav (16-bit PCM at 8 or 16 kHz)" + (type.equals("audio/ogg") ? "; OGG/Opus is not emulated" : ""));
    }
    for (int i = 1; i < parts.length; i++) {
      String[] kv = parts[i].trim().split("=", 2);
      if ((kv[0].equals("codecs") || kv[0].equals("codec")) && kv.length == 2 && !kv[1].trim().equals("audio/pcm")) {
        throw new SpeechHttpError(415, "unsupported codec '" + kv[1].trim() + "': callemu recognises audio/pcm");
      }
    }
  }
}
