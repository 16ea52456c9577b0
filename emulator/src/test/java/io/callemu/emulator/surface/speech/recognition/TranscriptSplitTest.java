package io.callemu.emulator.surface.speech.recognition;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TranscriptSplitTest {

  @Test
  void wordsGoToTheUtteranceHoldingTheirMiddleAndKeepHowTheyWereWritten() {
    assertThat(TranscriptSplit.split("Pay $5 to Jennifer.", new long[] {1, 1})).containsExactly("Pay $5 to", "Jennifer.");
    assertThat(TranscriptSplit.split("one two three four", new long[] {3, 1})).containsExactly("one two three", "four");
  }

  @Test
  void oneUtteranceGetsEverythingAndShortOnesMayGetNothing() {
    assertThat(TranscriptSplit.split("  yes  please ", new long[] {7})).containsExactly("yes please");
    assertThat(TranscriptSplit.split("hello", new long[] {1, 1, 1})).containsExactly("", "hello", "");
    assertThat(TranscriptSplit.split("", new long[] {5, 5})).containsExactly("", "");
  }
}
