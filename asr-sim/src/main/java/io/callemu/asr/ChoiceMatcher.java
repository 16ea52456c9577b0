package io.callemu.asr;

import io.callemu.asr.text.Lexical;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Matches heard speech against {@link Choice} phrases. Both sides are compared in their lexical form
 * (lower case, no punctuation, numbers as words), so "Confirm." matches the phrase "confirm" and the
 * display "1." matches the phrase "One". With {@link ChoicePhraseMatching#WITHIN_UTTERANCE} (the
 * default) a phrase said anywhere in the utterance matches, on word boundaries; when several do, the
 * one said first wins, then the longer, then the earlier choice. With
 * {@link ChoicePhraseMatching#WHOLE_UTTERANCE} the utterance must be the phrase and the first choice in
 * order wins. Negation is not understood: "not support" matches "support".
 */
public final class ChoiceMatcher {

    private record Phrase(String label, String configured, List<String> words, int order) {
    }

    private final List<Phrase> phrases;
    private final ChoicePhraseMatching matching;

    /** Phrases said inside a longer utterance match. */
    public ChoiceMatcher(List<Choice> choices) {
        this(choices, ChoicePhraseMatching.WITHIN_UTTERANCE);
    }

    public ChoiceMatcher(List<Choice> choices, ChoicePhraseMatching matching) {
        if (choices == null || choices.isEmpty()) {
            throw new IllegalArgumentException("choices recognition needs at least one choice");
        }
        if (matching == null) {
            throw new IllegalArgumentException("a phrase matching mode is required");
        }
        this.matching = matching;
        List<Phrase> all = new ArrayList<>();
        for (Choice choice : choices) {
            for (String phrase : choice.phrases()) {
                List<String> words = Lexical.of(phrase).words();
                if (!words.isEmpty()) {
                    all.add(new Phrase(choice.label(), phrase, words, all.size()));
                }
            }
        }
        this.phrases = List.copyOf(all);
    }

    /** The choice the heard text selects (text written any way: "Yes, please!", "1"). */
    public Optional<ChoiceMatch> match(String heard) {
        return heard == null ? Optional.empty() : matchWords(Lexical.of(heard).words());
    }

    /** The choice a recognition result selects, from its best alternative's lexical form; none for anything but a Success. */
    public Optional<ChoiceMatch> match(RecognitionResult result) {
        if (result.status() != RecognitionStatus.SUCCESS) {
            return Optional.empty();
        }
        String lexical = result.best().forms().lexical();
        return matchWords(lexical.isEmpty() ? List.of() : Arrays.asList(lexical.split(" ")));
    }

    private Optional<ChoiceMatch> matchWords(List<String> heard) {
        if (heard.isEmpty()) {
            return Optional.empty();
        }
        Phrase best = null;
        int bestAt = Integer.MAX_VALUE;
        for (Phrase p : phrases) {
            int at = matching == ChoicePhraseMatching.WHOLE_UTTERANCE ? (p.words().equals(heard) ? 0 : -1)
                    : indexOf(heard, p.words());
            boolean better = at >= 0 && (at < bestAt || (at == bestAt && p.words().size() > best.words().size()));
            if (better) {
                best = p;
                bestAt = at;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        return Optional.of(new ChoiceMatch(best.label(), best.configured(), String.join(" ", best.words())));
    }

    private static int indexOf(List<String> heard, List<String> phrase) {
        for (int at = 0; at + phrase.size() <= heard.size(); at++) {
            if (heard.subList(at, at + phrase.size()).equals(phrase)) {
                return at;
            }
        }
        return -1;
    }
}
