package io.callemu.asr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WordQueueTest {

    private static final WordSource SOURCE = new WordSource("8:acs:a", null, Map.of());

    private static SpokenWord word(String text, long fromMs, long toMs) {
        return new SpokenWord(text, Ticks.fromMillis(fromMs), Ticks.fromMillis(toMs), SOURCE);
    }

    @Test
    void aPhraseTakesTheWordsWhoseMiddleItSpans() {
        WordQueue queue = new WordQueue();
        queue.addTimed(List.of(word("one", 1000, 1300), word("two", 1300, 1600), word("three", 3000, 3400)));

        assertThat(queue.takePhrase(Ticks.fromMillis(1000), Ticks.fromMillis(1500))).extracting(SpokenWord::text)
                .containsExactly("one", "two");
        assertThat(queue.takePhrase(Ticks.fromMillis(2900), Ticks.fromMillis(3400))).extracting(SpokenWord::text)
                .containsExactly("three");
    }

    @Test
    void wordsSaidWhollyBeforeThePhraseAreDropped() {
        // words of speech the live detector never made a phrase of must not leak into a later one
        WordQueue queue = new WordQueue();
        queue.addTimed(List.of(word("lost", 500, 800), word("kept", 1000, 1300)));

        assertThat(queue.heardBy(Ticks.fromMillis(950), Ticks.fromMillis(1300))).extracting(SpokenWord::text)
                .containsExactly("kept");
        assertThat(queue.takePhrase(Ticks.fromMillis(950), Ticks.fromMillis(1400))).extracting(SpokenWord::text)
                .containsExactly("kept");
    }

    @Test
    void anUntimedTranscriptIsSpreadOverThePhraseThatEndsWithoutTimedWords() {
        WordQueue queue = new WordQueue();
        queue.addUntimed(List.of("yes", "please"), SOURCE);

        assertThat(queue.heardBy(0, Ticks.fromMillis(200))).as("not a whole word yet").isEmpty();
        List<SpokenWord> phrase = queue.takePhrase(Ticks.fromMillis(1000), Ticks.fromMillis(1900));
        assertThat(phrase).extracting(SpokenWord::text).containsExactly("yes", "please");
        assertThat(phrase.get(0).startTicks()).isEqualTo(Ticks.fromMillis(1000));
        assertThat(phrase.get(1).endTicks()).isEqualTo(Ticks.fromMillis(1900));
        assertThat(queue.takePhrase(Ticks.fromMillis(3000), Ticks.fromMillis(3500))).isEmpty();
    }
}
