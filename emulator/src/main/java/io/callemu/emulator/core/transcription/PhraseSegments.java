package io.callemu.emulator.core.transcription;

import io.callemu.asr.Ticks;
import io.callemu.asr.Word;
import io.callemu.emulator.core.input.RecognizedPhrase;
import io.callemu.emulator.core.input.SpeechInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The transcript segments of one phrase the caller said: offsets and durations in 100-ns ticks
 * from the start of the stream, Intermediate hypotheses (the words heard by every {@code
 * intervalMs} of speech, lower case, confidence 0) and the one Final.
 */
final class PhraseSegments {

  private final SpeechInput speech;
  private final long phraseOffsetMs;
  private final List<Word> words;

  /** @param streamStartMillis emulated epoch ms at which the stream started */
  PhraseSegments(SpeechInput speech, long streamStartMillis) {
    this.speech = speech;
    this.phraseOffsetMs = speech.startedAtMillis() - streamStartMillis;
    List<Word> timed = new ArrayList<>();
    for (RecognizedPhrase.Word w : speech.phrase().words()) {
      String lexical = lexical(w.text());
      if (!lexical.isEmpty()) {
        timed.add(new Word(lexical, Ticks.fromMillis(phraseOffsetMs + w.offsetMillis()),
            Ticks.fromMillis(w.durationMillis())));
      }
    }
    this.words = List.copyOf(timed);
  }

  /** A word as transcripts list it: lexical, lower case, without punctuation around it. */
  static String lexical(String word) {
    return word.toLowerCase(Locale.ROOT).replaceAll("^\\p{Punct}+|\\p{Punct}+$", "");
  }

  /** Whether anything was recognised (a NoMatch has no segment). */
  boolean hasText() {
    return !speech.phrase().text().isBlank();
  }

  /**
   * One hypothesis and when it is due.
   *
   * @param afterMillis milliseconds after the phrase's start at which the hypothesis is heard
   */
  record Hypothesis(long afterMillis, TranscriptSegment segment) {
  }

  /**
   * The hypotheses: after every {@code intervalMs} of the phrase, the words finished by then, when
   * that is more than the previous hypothesis had. All are due before the speech ends.
   */
  List<Hypothesis> intermediates(long intervalMs) {
    List<Hypothesis> out = new ArrayList<>();
    long offset = Ticks.fromMillis(phraseOffsetMs);
    int shown = 0;
    for (long at = intervalMs; at < speech.durationMillis(); at += intervalMs) {
      long heardUntil = offset + Ticks.fromMillis(at);
      List<Word> heard = new ArrayList<>();
      for (Word w : words) {
        if (w.offsetTicks() + w.durationTicks() <= heardUntil) {
          heard.add(w);
        }
      }
      if (heard.size() > shown) {
        shown = heard.size();
        List<String> texts = new ArrayList<>();
        heard.forEach(w -> texts.add(w.text()));
        out.add(new Hypothesis(at, new TranscriptSegment(false, String.join(" ", texts), 0.0, offset,
            Ticks.fromMillis(at), heard, speech.participantRawId())));
      }
    }
    return out;
  }

  /** The Final: display text, the phrase's confidence and every word. */
  TranscriptSegment finalSegment() {
    return new TranscriptSegment(true, speech.phrase().text(), speech.phrase().confidence(),
        Ticks.fromMillis(phraseOffsetMs), Ticks.fromMillis(speech.durationMillis()), words,
        speech.participantRawId());
  }
}
