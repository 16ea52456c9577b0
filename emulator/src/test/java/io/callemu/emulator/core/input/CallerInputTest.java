package io.callemu.emulator.core.input;

import static org.assertj.core.api.Assertions.assertThat;

import io.callemu.dtmf.DtmfTone;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallerInputTest {

  private static final RecognizedPhrase HI = new RecognizedPhrase("hi there", 0.9, "en-US",
      List.of(new RecognizedPhrase.Word("hi", 0, 200), new RecognizedPhrase.Word("there", 200, 300)));

  @Test
  void listenersGetEveryInputInOrderUntilTheyUnsubscribe() {
    CallerInput input = new CallerInput("c1");
    List<String> seen = new ArrayList<>();
    Subscription sub = input.subscribe(new CallerInputListener() {
      @Override
      public void toneReceived(ToneInput tone) {
        seen.add("tone " + tone.tone().acsName() + " from " + tone.participantRawId());
      }

      @Override
      public void speechStarted(SpeechStart start) {
        seen.add("start " + start.atMillis());
      }

      @Override
      public void speechEnded(SpeechInput speech) {
        seen.add("end " + speech.phrase().text() + " " + speech.durationMillis() + " "
            + speech.phrase().words().get(1).offsetMillis());
      }
    });
    input.tone(new ToneInput("4:+1", DtmfTone.POUND, 10));
    input.speechStarted(new SpeechStart("4:+1", 20));
    input.speechEnded(new SpeechInput("4:+1", 20, 520, HI));
    sub.cancel();
    input.tone(new ToneInput("4:+1", DtmfTone.ONE, 600));
    assertThat(seen).containsExactly("tone pound from 4:+1", "start 20", "end hi there 500 200");
  }

  @Test
  void aThrowingListenerDoesNotStopTheOthersAndCloseEndsEverything() {
    CallerInput input = new CallerInput("c1");
    List<String> errors = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    input.onListenerError(e -> errors.add(e.getMessage()));
    input.subscribe(new CallerInputListener() {
      @Override
      public void toneReceived(ToneInput tone) {
        throw new IllegalStateException("boom");
      }
    });
    input.subscribe(new CallerInputListener() {
      @Override
      public void toneReceived(ToneInput tone) {
        seen.add("tone");
      }

      @Override
      public void inputClosed() {
        seen.add("closed");
      }
    });
    input.tone(new ToneInput("4:+1", DtmfTone.ONE, 1));
    input.close();
    input.tone(new ToneInput("4:+1", DtmfTone.TWO, 2));
    assertThat(errors).containsExactly("boom");
    assertThat(seen).containsExactly("tone", "closed");
    List<String> late = new ArrayList<>();
    input.subscribe(new CallerInputListener() {
      @Override
      public void inputClosed() {
        late.add("closed");
      }
    });
    assertThat(late).containsExactly("closed");
  }

  @Test
  void aFirstSubscriberHearsEachInputBeforeTheOthersAndCanLeaveLikeThem() {
    CallerInput input = new CallerInput("c1");
    List<String> seen = new ArrayList<>();
    input.subscribe(tonesTo(seen, "acts"));
    Subscription watcher = input.subscribeFirst(tonesTo(seen, "watches"));
    input.tone(new ToneInput("4:+1", DtmfTone.ONE, 1));
    watcher.cancel();
    input.tone(new ToneInput("4:+1", DtmfTone.TWO, 2));
    assertThat(seen).containsExactly("watches 1", "acts 1", "acts 2");
    input.close();
    List<String> late = new ArrayList<>();
    input.subscribeFirst(new CallerInputListener() {
      @Override
      public void inputClosed() {
        late.add("closed");
      }
    });
    assertThat(late).containsExactly("closed");
  }

  private static CallerInputListener tonesTo(List<String> seen, String who) {
    return new CallerInputListener() {
      @Override
      public void toneReceived(ToneInput tone) {
        seen.add(who + " " + tone.tone().key());
      }
    };
  }
}
