package io.callemu.asr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WordTimelineTest {

    private static final WordSource SOURCE = new WordSource("8:acs:a", null, Map.of());

    private static SpokenWord word(String text, long fromMs, long toMs) {
        return new SpokenWord(text, Ticks.fromMillis(fromMs), Ticks.fromMillis(toMs), SOURCE);
    }

    private static long ms(long ms) {
        return Ticks.fromMillis(ms);
    }

    @Test
    void aPhraseHasTheWordsWhoseMiddleItSpansAndNothingTakenBefore() {
        WordTimeline words = new WordTimeline();
        words.addTimed(List.of(word("one", 1000, 1300), word("two", 1300, 1600), word("three", 3000, 3400)));

        assertThat(words.phrase(ms(1000), ms(1500), 0)).extracting(SpokenWord::text).containsExactly("one", "two");
        assertThat(words.phrase(ms(1000), ms(3400), ms(1500))).as("after a forced final at 1500 ms")
                .extracting(SpokenWord::text).containsExactly("three");
        assertThat(words.phrase(ms(1000), ms(3400), 0)).as("another recognition still hears them all")
                .extracting(SpokenWord::text).containsExactly("one", "two", "three");
    }

    @Test
    void wordsSaidWhollyBeforeThePhraseAreNotInIt() {
        // words of speech the detector never made a phrase of must not leak into a later one
        WordTimeline words = new WordTimeline();
        words.addTimed(List.of(word("lost", 500, 800), word("kept", 1000, 1300)));

        assertThat(words.heardBy(ms(950), ms(1300), 0)).extracting(SpokenWord::text).containsExactly("kept");
        assertThat(words.phrase(ms(950), ms(1400), 0)).extracting(SpokenWord::text).containsExactly("kept");
    }

    @Test
    void anUntimedTranscriptIsPlacedByThePhraseThatEndsWithoutTimedWordsThenSharedByAll() {
        WordTimeline words = new WordTimeline();
        words.addUntimed(List.of("yes", "please"), SOURCE);

        assertThat(words.heardBy(0, ms(200), 0)).as("not a whole word yet").isEmpty();
        assertThat(words.heardBy(ms(1000), ms(1300), 0)).as("assumed at a natural pace").extracting(SpokenWord::text)
                .containsExactly("yes");
        List<SpokenWord> phrase = words.phrase(ms(1000), ms(1900), 0);
        assertThat(phrase).extracting(SpokenWord::text).containsExactly("yes", "please");
        assertThat(phrase.get(0).startTicks()).isEqualTo(ms(1000));
        assertThat(phrase.get(1).endTicks()).isEqualTo(ms(1900));
        assertThat(words.phrase(ms(1000), ms(1900), 0)).as("placed: the same words for another recognition")
                .isEqualTo(phrase);
        assertThat(words.phrase(ms(3000), ms(3500), ms(1900))).isEmpty();
    }

    @Test
    void forgottenWordsAreGoneAndTheRestStay() {
        WordTimeline words = new WordTimeline();
        List<SpokenWord> many = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            many.add(word("w" + i, 100L * i, 100L * i + 100));
        }
        words.addTimed(many);
        words.forgetBefore(ms(50_000));
        assertThat(words.size()).isEqualTo(500);
        assertThat(words.phrase(0, ms(50_300), 0)).extracting(SpokenWord::text).containsExactly("w500", "w501", "w502");
        words.forgetBefore(ms(200_000));
        assertThat(words.size()).isZero();
    }

    @Test
    void refusesOverlappingWordsAndTooManyWaitingTranscripts() {
        WordTimeline words = new WordTimeline();
        words.addTimed(List.of(word("one", 1000, 1300)));
        assertThatThrownBy(() -> words.addTimed(List.of(word("two", 1200, 1400))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overlaps");
        for (int i = 0; i < WordTimeline.MAX_PENDING_TRANSCRIPTS; i++) {
            words.addUntimed(List.of("hello"), SOURCE);
        }
        assertThatThrownBy(() -> words.addUntimed(List.of("hello"), SOURCE))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("too many transcripts");
    }
}
