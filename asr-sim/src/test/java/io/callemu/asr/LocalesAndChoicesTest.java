package io.callemu.asr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LocalesAndChoicesTest {

    @Test
    void acceptsSupportedLocalesInAnyCase() {
        assertThat(Locales.requireSupported("en-US")).isEqualTo("en-US");
        assertThat(Locales.requireSupported("en-gb")).isEqualTo("en-GB");
        assertThat(Locales.isSupported("de-DE")).isTrue();
    }

    @Test
    void refusesALocaleWithoutRegion() {
        assertThatThrownBy(() -> Locales.requireSupported("en"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no region");
    }

    @ParameterizedTest
    @ValueSource(strings = {"xx-YY", "en-XX", "english", "en_US"})
    void refusesUnknownLocales(String tag) {
        assertThat(Locales.isSupported(tag)).isFalse();
        assertThatThrownBy(() -> Locales.requireSupported(tag)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAMissingLocale() {
        assertThatThrownBy(() -> Locales.requireSupported(" "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("required");
        assertThat(Locales.isSupported(null)).isFalse();
    }

    private final ChoiceMatcher matcher = new ChoiceMatcher(List.of(
            new Choice("Confirm", List.of("Confirm", "Yes please", "One")),
            new Choice("Cancel", List.of("cancel", "no"))));

    @Test
    void matchesIgnoringCasePunctuationAndSpacing() {
        assertThat(matcher.match("  yes,   PLEASE!")).contains(new ChoiceMatch("Confirm", "Yes please", "yes please"));
        assertThat(matcher.match("No.")).contains(new ChoiceMatch("Cancel", "no", "no"));
    }

    @Test
    void noMatchForOtherSpeechOrNothing() {
        assertThat(matcher.match("maybe later")).isEmpty();
        assertThat(matcher.match("yes")).as("part of a phrase is not the phrase").isEmpty();
        assertThat(matcher.match("...")).isEmpty();
        assertThat(matcher.match((String) null)).isEmpty();
        assertThat(matcher.match("nobody cancelled")).as("whole words only").isEmpty();
    }

    private static final List<Choice> SUPPORT_OR_SALES = List.of(
            new Choice("Support", List.of("support", "customer help")),
            new Choice("Sales", List.of("sales", "buy")),
            new Choice("Upgrade", List.of("buy more")));

    @Test
    void aPhraseSaidInsideALongerUtteranceMatchesByDefault() {
        ChoiceMatcher within = new ChoiceMatcher(SUPPORT_OR_SALES);
        assertThat(within.match("I need support, please.")).contains(new ChoiceMatch("Support", "support", "support"));
        assertThat(within.match("Can I get some customer help?"))
                .contains(new ChoiceMatch("Support", "customer help", "customer help"));
        assertThat(new ChoiceMatcher(List.of(new Choice("Two", List.of("2")))).match("press two"))
                .as("numbers compare spelled").contains(new ChoiceMatch("Two", "2", "two"));
    }

    @Test
    void thePhraseSaidFirstWinsThenTheLongerThenTheEarlierChoice() {
        ChoiceMatcher within = new ChoiceMatcher(SUPPORT_OR_SALES);
        assertThat(within.match("sales no wait support")).map(ChoiceMatch::label).contains("Sales");
        assertThat(within.match("I want to buy more minutes")).map(ChoiceMatch::label).contains("Upgrade");
        ChoiceMatcher twice = new ChoiceMatcher(List.of(new Choice("A", List.of("yes")), new Choice("B", List.of("yes"))));
        assertThat(twice.match("oh yes")).map(ChoiceMatch::label).contains("A");
    }

    @Test
    void wholeUtteranceMatchingNeedsTheUtteranceToBeThePhrase() {
        ChoiceMatcher whole = new ChoiceMatcher(SUPPORT_OR_SALES, ChoicePhraseMatching.WHOLE_UTTERANCE);
        assertThat(whole.match("I need support")).isEmpty();
        assertThat(whole.match("Customer help!")).contains(new ChoiceMatch("Support", "customer help", "customer help"));
    }

    @Test
    void theMatchingModeParsesItsSettingValues() {
        assertThat(ChoicePhraseMatching.parse("withinUtterance")).isEqualTo(ChoicePhraseMatching.WITHIN_UTTERANCE);
        assertThat(ChoicePhraseMatching.parse("WHOLEUTTERANCE")).isEqualTo(ChoicePhraseMatching.WHOLE_UTTERANCE);
        assertThat(ChoicePhraseMatching.WHOLE_UTTERANCE.settingValue()).isEqualTo("wholeUtterance");
        assertThatThrownBy(() -> ChoicePhraseMatching.parse("exact")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("withinUtterance");
        assertThatThrownBy(() -> new ChoiceMatcher(SUPPORT_OR_SALES, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void matchesARecognitionResultOnItsLexicalFormWhenItsDisplayHasDigits() {
        RecordingListener heard = new RecordingListener();
        StreamingRecognizer recognizer = new StreamingRecognizer(RecognizerConfig.defaults(), heard);
        recognizer.schedule(Utterance.at(500, "one"));
        recognizer.advanceTo(3_000);
        RecognitionResult result = heard.onlyResult();
        assertThat(result.displayText()).isEqualTo("1.");

        assertThat(matcher.match(result)).contains(new ChoiceMatch("Confirm", "One", "one"));
    }

    @Test
    void aResultWithoutSpeechMatchesNothing() {
        RecognitionResult timeout = RecognitionResult.withoutSpeech(RecognitionStatus.INITIAL_SILENCE_TIMEOUT, 0, 0, null, null);
        assertThat(matcher.match(timeout)).isEmpty();
    }

    @Test
    void refusesChoicesWithoutLabelOrPhrases() {
        assertThatThrownBy(() -> new Choice(" ", List.of("x"))).hasMessageContaining("label");
        assertThatThrownBy(() -> new Choice("A", List.of())).hasMessageContaining("phrase");
        assertThatThrownBy(() -> new ChoiceMatcher(List.of())).hasMessageContaining("at least one choice");
    }
}
