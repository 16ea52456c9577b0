package io.callemu.emulator.core.caller;

import io.callemu.emulator.core.input.RecognizedPhrase;
import java.util.ArrayList;
import java.util.List;

/** Builds the {@link RecognizedPhrase} of simulated speech: words spread evenly over its duration. */
public final class Phrases {

  /** Speaking rate assumed when the caller's speech has no duration (words per minute). */
  public static final int SPEAKING_WPM = 150;
  /** Shortest utterance callemu simulates. */
  public static final long MIN_SPEECH_MS = 300;

  private Phrases() {
  }

  /** How long saying {@code text} takes at {@value #SPEAKING_WPM} words per minute. */
  public static long speakingMillis(String text) {
    return Math.max(MIN_SPEECH_MS, io.callemu.emulator.core.media.PlayDurations.textMillis(text, SPEAKING_WPM));
  }

  public static RecognizedPhrase of(String text, double confidence, String locale, long durationMs) {
    String[] words = text.trim().isEmpty() ? new String[0] : text.trim().split("\\s+");
    List<RecognizedPhrase.Word> timed = new ArrayList<>();
    long each = words.length == 0 ? 0 : durationMs / words.length;
    for (int i = 0; i < words.length; i++) {
      timed.add(new RecognizedPhrase.Word(words[i], i * each, each));
    }
    return new RecognizedPhrase(text.trim(), confidence, locale, timed);
  }
}
