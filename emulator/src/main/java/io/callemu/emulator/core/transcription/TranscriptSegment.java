package io.callemu.emulator.core.transcription;

import io.callemu.asr.Word;
import java.util.List;

/**
 * One transcript result of a phrase: an intermediate hypothesis or the final. Offsets and durations
 * are in 100-ns ticks from the start of the stream.
 *
 * @param text the display text (a hypothesis: the lexical words heard so far)
 * @param confidence 0..1 (0 for hypotheses)
 * @param words the lexical words with their timings
 * @param speakerRawId the participant who spoke
 */
public record TranscriptSegment(boolean isFinal, String text, double confidence, long offsetTicks,
    long durationTicks, List<Word> words, String speakerRawId) {

  public TranscriptSegment {
    words = List.copyOf(words);
  }
}
