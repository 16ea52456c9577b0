package io.callemu.emulator.core.transcription;

import static org.assertj.core.api.Assertions.assertThat;

import io.callemu.asr.Word;
import io.callemu.emulator.core.input.RecognizedPhrase;
import io.callemu.emulator.core.input.SpeechInput;
import java.util.List;
import org.junit.jupiter.api.Test;

class PhraseSegmentsTest {

  private static final long STREAM_START = 1_000_000L;

  private static SpeechInput speech(String text, long startMs, long durationMs, List<RecognizedPhrase.Word> words) {
    return new SpeechInput("4:+15551234567", STREAM_START + startMs, STREAM_START + startMs + durationMs,
        new RecognizedPhrase(text, 0.5, "en-US", words));
  }

  @Test
  void wordsAreLexicalWithoutSurroundingPunctuation() {
    assertThat(PhraseSegments.lexical("Bill.")).isEqualTo("bill");
    assertThat(PhraseSegments.lexical("\"Don't!\"")).isEqualTo("don't");
    assertThat(PhraseSegments.lexical("...")).isEmpty();
  }

  @Test
  void theFinalCarriesTicksFromStreamStartAndDropsPunctuationOnlyWords() {
    PhraseSegments phrase = new PhraseSegments(speech("Yes - please.", 200, 900, List.of(
        new RecognizedPhrase.Word("Yes", 0, 300), new RecognizedPhrase.Word("-", 300, 300),
        new RecognizedPhrase.Word("please.", 600, 300))), STREAM_START);
    TranscriptSegment s = phrase.finalSegment();
    assertThat(s.isFinal()).isTrue();
    assertThat(s.text()).isEqualTo("Yes - please.");
    assertThat(s.confidence()).isEqualTo(0.5);
    assertThat(s.offsetTicks()).isEqualTo(2_000_000L);
    assertThat(s.durationTicks()).isEqualTo(9_000_000L);
    assertThat(s.words()).extracting(Word::text).containsExactly("yes", "please");
    assertThat(s.words().get(1).offsetTicks()).isEqualTo(8_000_000L);
    assertThat(s.speakerRawId()).isEqualTo("4:+15551234567");
  }

  @Test
  void hypothesesGrowWithTheWordsHeardAndNoneRepeats() {
    PhraseSegments phrase = new PhraseSegments(speech("a b c", 0, 900, List.of(
        new RecognizedPhrase.Word("a", 0, 100), new RecognizedPhrase.Word("b", 100, 100),
        new RecognizedPhrase.Word("c", 700, 200))), STREAM_START);
    List<PhraseSegments.Hypothesis> hypotheses = phrase.intermediates(300);
    assertThat(hypotheses).hasSize(1).allMatch(h -> !h.segment().isFinal());
    assertThat(hypotheses.get(0).afterMillis()).as("due when the words are heard, not at the end").isEqualTo(300);
    assertThat(hypotheses.get(0).segment().text()).isEqualTo("a b");
    assertThat(hypotheses.get(0).segment().confidence()).isZero();
    assertThat(hypotheses.get(0).segment().durationTicks()).isEqualTo(3_000_000L);
    assertThat(new PhraseSegments(speech("", 0, 500, List.of()), STREAM_START).hasText()).isFalse();
  }

  @Test
  void everyIntervalThatHearsAnotherWordGivesAHypothesis() {
    PhraseSegments phrase = new PhraseSegments(speech("one two three four", 0, 1_200, List.of(
        new RecognizedPhrase.Word("one", 0, 300), new RecognizedPhrase.Word("two", 300, 300),
        new RecognizedPhrase.Word("three", 600, 300), new RecognizedPhrase.Word("four", 900, 300))), STREAM_START);
    assertThat(phrase.intermediates(300)).extracting(PhraseSegments.Hypothesis::afterMillis)
        .containsExactly(300L, 600L, 900L);
  }
}
