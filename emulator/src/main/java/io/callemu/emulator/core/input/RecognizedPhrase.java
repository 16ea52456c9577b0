package io.callemu.emulator.core.input;

import java.util.List;

/**
 * What the simulated recognizer heard in one utterance.
 *
 * @param text the recognised text as spoken (display form)
 * @param confidence 0..1
 * @param locale BCP-47 locale the phrase was recognised in (e.g. {@code en-US})
 * @param words each word with its timing relative to the utterance's start
 */
public record RecognizedPhrase(String text, double confidence, String locale, List<Word> words) {

  public RecognizedPhrase {
    words = List.copyOf(words);
  }

  /**
   * One recognised word.
   *
   * @param text the word
   * @param offsetMillis start, in milliseconds from the start of the utterance
   * @param durationMillis how long it was spoken
   */
  public record Word(String text, long offsetMillis, long durationMillis) {
  }
}
