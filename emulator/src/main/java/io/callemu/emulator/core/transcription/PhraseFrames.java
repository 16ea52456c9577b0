package io.callemu.emulator.core.transcription;

import io.callemu.asr.Ticks;
import io.callemu.asr.Word;
import io.callemu.asr.wire.ResultStatusCasing;
import io.callemu.asr.wire.TranscriptionFrames;
import io.callemu.emulator.core.input.RecognizedPhrase;
import io.callemu.emulator.core.input.SpeechInput;
import io.callemu.emulator.core.transcription.FrameQueue.Frame;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The TranscriptionData frames of one phrase the caller said, written by asr-sim's wire writer:
 * offsets and durations in 100-ns ticks from the start of the stream, the speaker as
 * {@code participantRawID}; Intermediate hypotheses (the words heard by every
 * {@code intervalMs} of speech, lower case, confidence 0) and the one Final.
 */
final class PhraseFrames {

  private final SpeechInput speech;
  private final long phraseOffsetMs;
  private final List<Word> words;

  /** @param streamStartMillis emulated epoch ms at which the stream started */
  PhraseFrames(SpeechInput speech, long streamStartMillis) {
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

  /** A word as the service lists it in {@code words}: lexical, lower case, without punctuation around it. */
  static String lexical(String word) {
    return word.toLowerCase(Locale.ROOT).replaceAll("^\\p{Punct}+|\\p{Punct}+$", "");
  }

  /** Whether anything was recognised (a NoMatch has no frame). */
  boolean hasText() {
    return !speech.phrase().text().isBlank();
  }

  /**
   * One Intermediate frame and when it is due.
   *
   * @param afterMillis milliseconds after the phrase's start at which the hypothesis is heard
   */
  record Hypothesis(long afterMillis, Frame frame) {
  }

  /**
   * The Intermediate frames: after every {@code intervalMs} of the phrase, the words finished by
   * then, when that is more than the previous hypothesis had. All are due before the speech ends.
   */
  List<Hypothesis> intermediates(long intervalMs, ResultStatusCasing casing) {
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
        StringBuilder sb = TranscriptionFrames.appendData(new StringBuilder(), String.join(" ", texts), 0.0,
            offset, Ticks.fromMillis(at), heard, speech.participantRawId(), false, casing);
        out.add(new Hypothesis(at, new Frame(sb.toString(), "TranscriptionData", true)));
      }
    }
    return out;
  }

  /** The Final frame: display text, the phrase's confidence and every word. */
  Frame finalFrame(ResultStatusCasing casing) {
    StringBuilder sb = TranscriptionFrames.appendData(new StringBuilder(), speech.phrase().text(),
        speech.phrase().confidence(), Ticks.fromMillis(phraseOffsetMs), Ticks.fromMillis(speech.durationMillis()),
        words, speech.participantRawId(), true, casing);
    return new Frame(sb.toString(), "TranscriptionData", false);
  }
}
