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
        assertThat(matcher.match("  yes,   PLEASE!")).contains(new ChoiceMatch("Confirm", "Yes please", "  yes,   PLEASE!"));
        assertThat(matcher.match("No.")).contains(new ChoiceMatch("Cancel", "no", "No."));
    }

    @Test
    void noMatchForOtherSpeechOrNothing() {
        assertThat(matcher.match("maybe later")).isEmpty();
        assertThat(matcher.match("yes")).as("part of a phrase is not the phrase").isEmpty();
        assertThat(matcher.match("...")).isEmpty();
        assertThat(matcher.match((String) null)).isEmpty();
    }

    @Test
    void matchesARecognitionResultOnItsLexicalFormWhenItsDisplayHasDigits() {
        RecordingListener heard = new RecordingListener();
        StreamingRecognizer recognizer = new StreamingRecognizer(RecognizerConfig.defaults(), heard);
        recognizer.schedule(Utterance.at(500, "one"));
        recognizer.advanceTo(3_000);
        RecognitionResult result = heard.onlyResult();
        assertThat(result.displayText()).isEqualTo("1.");

        assertThat(matcher.match(result)).contains(new ChoiceMatch("Confirm", "One", "1."));
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
