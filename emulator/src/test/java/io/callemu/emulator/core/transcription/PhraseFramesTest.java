package io.callemu.emulator.core.transcription;

import static org.assertj.core.api.Assertions.assertThat;

import io.callemu.asr.wire.ResultStatusCasing;
import io.callemu.emulator.core.input.RecognizedPhrase;
import io.callemu.emulator.core.input.SpeechInput;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class PhraseFramesTest {

  private static final long STREAM_START = 1_000_000L;

  private static SpeechInput speech(String text, long startMs, long durationMs, List<RecognizedPhrase.Word> words) {
    return new SpeechInput("4:+15551234567", STREAM_START + startMs, STREAM_START + startMs + durationMs,
        new RecognizedPhrase(text, 0.5, "en-US", words));
  }

  @Test
  void wordsAreLexicalWithoutSurroundingPunctuation() {
    assertThat(PhraseFrames.lexical("Bill.")).isEqualTo("bill");
    assertThat(PhraseFrames.lexical("\"Don't!\"")).isEqualTo("don't");
    assertThat(PhraseFrames.lexical("...")).isEmpty();
  }

  @Test
  void theFinalCarriesTicksFromStreamStartAndDropsPunctuationOnlyWords() {
    PhraseFrames phrase = new PhraseFrames(speech("Yes - please.", 200, 900, List.of(
        new RecognizedPhrase.Word("Yes", 0, 300), new RecognizedPhrase.Word("-", 300, 300),
        new RecognizedPhrase.Word("please.", 600, 300))), STREAM_START);
    JsonObject d = new JsonObject(phrase.finalFrame(ResultStatusCasing.CAPITALIZED).text())
        .getJsonObject("transcriptionData");
    assertThat(d.getString("text")).isEqualTo("Yes - please.");
    assertThat(d.getLong("offset")).isEqualTo(2_000_000L);
    assertThat(d.getLong("duration")).isEqualTo(9_000_000L);
    assertThat(d.getJsonArray("words")).hasSize(2);
    assertThat(d.getJsonArray("words").getJsonObject(1).getString("text")).isEqualTo("please");
    assertThat(d.getJsonArray("words").getJsonObject(1).getLong("offset")).isEqualTo(8_000_000L);
  }

  @Test
  void hypothesesGrowWithTheWordsHeardAndNoneRepeats() {
    PhraseFrames phrase = new PhraseFrames(speech("a b c", 0, 900, List.of(
        new RecognizedPhrase.Word("a", 0, 100), new RecognizedPhrase.Word("b", 100, 100),
        new RecognizedPhrase.Word("c", 700, 200))), STREAM_START);
    List<PhraseFrames.Hypothesis> hypotheses = phrase.intermediates(300, ResultStatusCasing.LOWER_CASE);
    assertThat(hypotheses).hasSize(1).allMatch(h -> h.frame().intermediate());
    assertThat(hypotheses.get(0).afterMillis()).as("due when the words are heard, not at the end").isEqualTo(300);
    JsonObject d = new JsonObject(hypotheses.get(0).frame().text()).getJsonObject("transcriptionData");
    assertThat(d.getString("text")).isEqualTo("a b");
    assertThat(d.getString("resultStatus")).isEqualTo("intermediate");
    assertThat(d.getLong("duration")).isEqualTo(3_000_000L);
    assertThat(new PhraseFrames(speech("", 0, 500, List.of()), STREAM_START).hasText()).isFalse();
  }

  @Test
  void aPhrasesHypothesesAreWhatAFullQueueDropsFirst() {
    PhraseFrames phrase = new PhraseFrames(speech("one two three four", 0, 1_200, List.of(
        new RecognizedPhrase.Word("one", 0, 300), new RecognizedPhrase.Word("two", 300, 300),
        new RecognizedPhrase.Word("three", 600, 300), new RecognizedPhrase.Word("four", 900, 300))), STREAM_START);
    FrameQueue queue = new FrameQueue();
    FrameQueue.Frame previousFinal = new FrameQueue.Frame("{\"earlier\":true}", "TranscriptionData", false);
    queue.offer(previousFinal, 2);
    List<PhraseFrames.Hypothesis> hypotheses = phrase.intermediates(300, ResultStatusCasing.CAPITALIZED);
    assertThat(hypotheses).extracting(PhraseFrames.Hypothesis::afterMillis).containsExactly(300L, 600L, 900L);
    hypotheses.forEach(h -> queue.offer(h.frame(), 2));
    FrameQueue.Frame fin = phrase.finalFrame(ResultStatusCasing.CAPITALIZED);
    assertThat(queue.offer(fin, 2)).as("the waiting hypothesis goes, not a final").matches(FrameQueue.Frame::intermediate);
    assertThat(queue.poll()).isSameAs(previousFinal);
    assertThat(queue.poll()).isSameAs(fin);
    assertThat(queue.droppedIntermediate()).isEqualTo(3);
    assertThat(queue.droppedFinal()).isZero();
  }
}
