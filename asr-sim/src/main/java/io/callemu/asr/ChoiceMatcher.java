package io.callemu.asr;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Matches heard speech against {@link Choice} phrases. Both sides are normalised (case, punctuation,
 * spacing) so "Confirm." spoken matches the phrase "confirm"; the first choice in order wins.
 */
public final class ChoiceMatcher {

    private final List<Choice> choices;

    public ChoiceMatcher(List<Choice> choices) {
        if (choices == null || choices.isEmpty()) {
            throw new IllegalArgumentException("choices recognition needs at least one choice");
        }
        this.choices = List.copyOf(choices);
    }

    /** The choice whose phrase equals the heard text after normalisation, with the text as heard. */
    public Optional<ChoiceMatch> match(String heard) {
        String normalised = normalise(heard);
        if (normalised.isEmpty()) {
            return Optional.empty();
        }
        for (Choice choice : choices) {
            for (String phrase : choice.phrases()) {
                if (normalise(phrase).equals(normalised)) {
                    return Optional.of(new ChoiceMatch(choice.label(), phrase, heard));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Matches a recognition result on its display text, then on its lexical and ITN forms (so a phrase
     * written "one" matches the display "1."). No match for anything but a Success.
     */
    public Optional<ChoiceMatch> match(RecognitionResult result) {
        if (result.status() != RecognitionStatus.SUCCESS) {
            return Optional.empty();
        }
        var best = result.best().forms();
        return match(best.display())
                .or(() -> match(best.lexical()).map(m -> new ChoiceMatch(m.label(), m.matchedPhrase(), best.display())))
                .or(() -> match(best.itn()).map(m -> new ChoiceMatch(m.label(), m.matchedPhrase(), best.display())));
    }

    /** Lower case, every run of characters other than letters, digits and apostrophes collapsed to one space. */
    static String normalise(String text) {
        if (text == null) {
            return "";
        }
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}']+", " ").trim();
    }
}
