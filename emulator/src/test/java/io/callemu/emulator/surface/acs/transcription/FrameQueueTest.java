package io.callemu.emulator.surface.acs.transcription;

import static org.assertj.core.api.Assertions.assertThat;

import io.callemu.emulator.surface.acs.transcription.FrameQueue.Frame;
import org.junit.jupiter.api.Test;

class FrameQueueTest {

  private static Frame hypothesis(String n) {
    return new Frame(n, "TranscriptionData", true);
  }

  private static Frame fin(String n) {
    return new Frame(n, "TranscriptionData", false);
  }

  @Test
  void belowTheLimitNothingIsDroppedAndOrderIsKept() {
    FrameQueue q = new FrameQueue();
    assertThat(q.offer(hypothesis("h1"), 3)).isNull();
    assertThat(q.offer(fin("f1"), 3)).isNull();
    assertThat(q.poll().text()).isEqualTo("h1");
    assertThat(q.poll().text()).isEqualTo("f1");
    assertThat(q.isEmpty()).isTrue();
  }

  @Test
  void aFullQueueDropsTheOldestHypothesisBeforeAnyFinal() {
    FrameQueue q = new FrameQueue();
    q.offer(fin("f1"), 3);
    q.offer(hypothesis("h1"), 3);
    q.offer(hypothesis("h2"), 3);
    assertThat(q.offer(fin("f2"), 3).text()).isEqualTo("h1");
    assertThat(q.offer(fin("f3"), 3).text()).isEqualTo("h2");
    assertThat(q.droppedIntermediate()).isEqualTo(2);
    assertThat(q.droppedFinal()).isZero();
    assertThat(q.size()).isEqualTo(3);
    assertThat(q.poll().text()).isEqualTo("f1");
  }

  @Test
  void withOnlyFinalsWaitingANewHypothesisIsDroppedAndANewFinalPushesOutTheOldest() {
    FrameQueue q = new FrameQueue();
    q.offer(fin("f1"), 2);
    q.offer(fin("f2"), 2);
    assertThat(q.offer(hypothesis("h1"), 2).text()).isEqualTo("h1");
    assertThat(q.offer(fin("f3"), 2).text()).isEqualTo("f1");
    assertThat(q.droppedIntermediate()).isEqualTo(1);
    assertThat(q.droppedFinal()).isEqualTo(1);
    assertThat(q.poll().text()).isEqualTo("f2");
    assertThat(q.poll().text()).isEqualTo("f3");
    assertThat(q.clear()).isZero();
  }
}
