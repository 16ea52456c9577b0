package io.callemu.emulator.surface.speech.recognition;

import java.util.ArrayList;
import java.util.List;

/**
 * Shares one transcript among the utterances detected in its audio: the words, as written, are laid
 * end to end over the utterances' joined speech time in proportion to their length, and each word goes
 * to the utterance that holds its middle. So a recording of two sentences split by a pause gives each
 * sentence its own words, as asr-sim does for a clip with a transcript.
 */
final class TranscriptSplit {

  private TranscriptSplit() {
  }

  /**
   * One text per utterance ("" for an utterance that gets no word).
   *
   * @param speechDurations each utterance's speech, in any unit, in order; at least one
   */
  static List<String> split(String text, long[] speechDurations) {
    int parts = speechDurations.length;
    List<StringBuilder> texts = new ArrayList<>(parts);
    for (int i = 0; i < parts; i++) {
      texts.add(new StringBuilder());
    }
    String[] words = text.trim().isEmpty() ? new String[0] : text.trim().split("\\s+");
    long totalWeight = 0;
    for (String w : words) {
      totalWeight += weight(w);
    }
    long totalSpeech = 0;
    for (long d : speechDurations) {
      totalSpeech += Math.max(d, 1);
    }
    long before = 0;
    for (String w : words) {
      // the word's middle, as a share of all speech time (doubled to stay in whole numbers)
      double middle = (2.0 * before + weight(w)) / (2.0 * totalWeight) * totalSpeech;
      before += weight(w);
      int part = 0;
      long end = Math.max(speechDurations[0], 1);
      while (part < parts - 1 && middle >= end) {
        part++;
        end += Math.max(speechDurations[part], 1);
      }
      StringBuilder sb = texts.get(part);
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(w);
    }
    List<String> out = new ArrayList<>(parts);
    texts.forEach(sb -> out.add(sb.toString()));
    return out;
  }

  /** A word's share of speaking time: its characters, plus a little for the gap after it. */
  private static long weight(String word) {
    return word.length() + 1L;
  }
}
