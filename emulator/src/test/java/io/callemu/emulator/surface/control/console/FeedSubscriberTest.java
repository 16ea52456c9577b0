package io.callemu.emulator.surface.control.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A reader's bounded buffer: what waits, what is written together, and the resync when it falls behind. */
class FeedSubscriberTest {

  /** A connection whose write queue is full when the test says so. */
  static final class FakeSink implements FeedSink {
    final List<String> writes = new ArrayList<>();
    boolean full;
    int ends;
    Runnable drained = () -> { };
    Runnable gone = () -> { };

    @Override
    public void write(Buffer frames) {
      writes.add(frames.toString(StandardCharsets.UTF_8));
    }

    @Override
    public boolean writeQueueFull() {
      return full;
    }

    @Override
    public void end() {
      ends++;
    }

    @Override
    public void onDrain(Runnable drained) {
      this.drained = drained;
    }

    @Override
    public void onGone(Runnable gone) {
      this.gone = gone;
    }

    void drain() {
      full = false;
      drained.run();
    }
  }

  private static FeedMessage message(long id, int bytes) {
    FeedMessage m = FeedMessage.of(id, "item", new JsonObject().put("pad", "x".repeat(bytes)));
    return m;
  }

  @Test
  void framesAreServerSentEventsWithOneDataLineEvenWhenTheValuesHoldLineBreaks() {
    FeedMessage m = FeedMessage.of(7, "item", new JsonObject().put("summary", "two\nlines\r\nhere"));
    String frame = m.frame().toString(StandardCharsets.UTF_8);
    assertThat(frame).startsWith("id: 7\nevent: item\ndata: {").endsWith("}\n\n");
    assertThat(frame.split("\n")).hasSize(3);
    assertThat(new JsonObject(frame.substring(frame.indexOf("data: ") + 6).trim()).getString("summary"))
        .isEqualTo("two\nlines\r\nhere");
    assertThat(m.size()).isEqualTo(frame.getBytes(StandardCharsets.UTF_8).length);
  }

  @Test
  void messagesGoOutAtOnceWhileTheConnectionTakesThemAndWaitingOnesGoTogetherInOrderOnDrain() {
    FakeSink sink = new FakeSink();
    int[] ended = {0};
    FeedSubscriber tab = new FeedSubscriber(sink, () -> 10_000, () -> ended[0]++);
    tab.send(message(1, 10));
    tab.send(message(2, 10));
    assertThat(sink.writes).hasSize(2);
    sink.full = true;
    tab.send(message(3, 10));
    tab.send(message(4, 10));
    tab.send(message(5, 10));
    assertThat(sink.writes).hasSize(2);
    assertThat(tab.waitingBytes()).isEqualTo(message(3, 10).size() * 3L);
    sink.drain();
    assertThat(sink.writes).hasSize(3);
    assertThat(sink.writes.get(2)).contains("id: 3\n").contains("id: 4\n").contains("id: 5\n");
    assertThat(sink.writes.get(2).indexOf("id: 3")).isLessThan(sink.writes.get(2).indexOf("id: 5"));
    assertThat(tab.waitingBytes()).isZero();
    assertThat(tab.sent()).isEqualTo(5);
    assertThat(ended[0]).isZero();
  }

  @Test
  void aReaderThatFallsBehindTheBoundLosesWhatWaitedIsToldToResyncAndItsStreamEnds() {
    FakeSink sink = new FakeSink();
    int[] ended = {0};
    int size = message(1, 250).size();
    FeedSubscriber tab = new FeedSubscriber(sink, () -> 3L * size, () -> ended[0]++);
    sink.full = true;
    for (int i = 1; i <= 3; i++) {
      tab.send(message(i, 250));
    }
    assertThat(tab.waitingBytes()).isEqualTo(3L * size);
    assertThat(sink.writes).isEmpty();

    tab.send(message(4, 250));
    assertThat(sink.writes).hasSize(1);
    String resync = sink.writes.get(0);
    assertThat(resync).startsWith("id: 0\nevent: resync\ndata: ");
    assertThat(new JsonObject(resync.substring(resync.indexOf("data: ") + 6).trim()).getInteger("dropped")).isEqualTo(4);
    assertThat(sink.ends).isEqualTo(1);
    assertThat(ended[0]).isEqualTo(1);
    assertThat(tab.isEnded()).isTrue();
    assertThat(tab.waitingBytes()).isZero();

    // Nothing more goes to an ended stream, and it ends once.
    tab.send(message(5, 10));
    sink.drain();
    sink.gone.run();
    assertThat(sink.writes).hasSize(1);
    assertThat(sink.ends).isEqualTo(1);
    assertThat(ended[0]).isEqualTo(1);
  }

  @Test
  void theFirstMessageIsTakenHoweverLargeTheSnapshotAndTheBoundIsReadAtEachMessage() {
    FakeSink sink = new FakeSink();
    long[] limit = {100};
    FeedSubscriber tab = new FeedSubscriber(sink, () -> limit[0], () -> { });
    sink.full = true;
    tab.send(message(1, 5_000));
    assertThat(tab.isEnded()).isFalse();
    assertThat(tab.waitingBytes()).isGreaterThan(5_000);
    // The setting was raised meanwhile: the next one fits.
    limit[0] = 20_000;
    tab.send(message(2, 5_000));
    assertThat(tab.isEnded()).isFalse();
    limit[0] = 100;
    tab.send(message(3, 10));
    assertThat(tab.isEnded()).isTrue();
  }

  @Test
  void aReaderThatLeavesIsForgottenAndKeepAlivesGoOnlyToAnIdleConnection() {
    FakeSink sink = new FakeSink();
    int[] ended = {0};
    FeedSubscriber tab = new FeedSubscriber(sink, () -> 10_000, () -> ended[0]++);
    tab.ping();
    assertThat(sink.writes).containsExactly(": ping\n\n");
    sink.full = true;
    tab.send(message(1, 10));
    tab.ping();
    assertThat(sink.writes).hasSize(1);
    sink.gone.run();
    assertThat(ended[0]).isEqualTo(1);
    assertThat(tab.waitingBytes()).isZero();
    sink.drain();
    assertThat(sink.writes).hasSize(1);
  }
}
