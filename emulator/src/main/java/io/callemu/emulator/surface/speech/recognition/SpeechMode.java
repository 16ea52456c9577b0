package io.callemu.emulator.surface.speech.recognition;

import java.util.Locale;

/**
 * The three recognition modes of the Speech service, named by the path segment of
 * {@code /speech/recognition/{mode}/cognitiveservices/v1} and by {@code phraseDetection.mode} in a
 * {@code speech.context}. Interactive recognises one utterance (a single shot); conversation and
 * dictation keep recognising until the audio ends.
 */
public enum SpeechMode {
  INTERACTIVE,
  CONVERSATION,
  DICTATION;

  /** The path segment and wire spelling, lower case. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Conversation and dictation: phrases keep coming until the audio ends. */
  public boolean continuous() {
    return this != INTERACTIVE;
  }

  /** The mode for a wire value in any case ({@code Interactive}, {@code INTERACTIVE}), or null for anything else. */
  public static SpeechMode fromWire(String value) {
    if (value == null) {
      return null;
    }
    for (SpeechMode m : values()) {
      if (m.name().equalsIgnoreCase(value.trim())) {
        return m;
      }
    }
    return null;
  }
}
