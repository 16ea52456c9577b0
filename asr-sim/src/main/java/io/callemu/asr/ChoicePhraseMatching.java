package io.callemu.asr;

import java.util.Locale;

/**
 * Whether a choice phrase said inside a longer utterance selects its choice. The ACS recognize how-to
 * (seed 000_d76f98a45aa53fc6.txt) says "Hearing any of these phrases results in a successful
 * recognition" and that {@code RecognizedPhrase} holds "the phrase detected", and the one real event in
 * the reference (acs-callautomation-surface.md §7) reports {@code recognizedPhrase} "customer help" in
 * lower case without punctuation, a phrase rather than a transcript: the service spots phrases, so
 * {@link #WITHIN_UTTERANCE} is the default. Whether the live service also accepts surrounding words is
 * not documented; {@link #WHOLE_UTTERANCE} is the stricter reading.
 */
public enum ChoicePhraseMatching {
    /** A phrase anywhere in the utterance selects its choice: "I need support" selects "support". */
    WITHIN_UTTERANCE("withinUtterance"),
    /** Only an utterance that is the phrase (case, punctuation and number spelling aside) selects it. */
    WHOLE_UTTERANCE("wholeUtterance");

    private final String settingValue;

    ChoicePhraseMatching(String settingValue) {
        this.settingValue = settingValue;
    }

    /** How a setting spells it: {@code withinUtterance} or {@code wholeUtterance}. */
    public String settingValue() {
        return settingValue;
    }

    /** Parses {@link #settingValue()} (case-insensitive). */
    public static ChoicePhraseMatching parse(String value) {
        for (ChoicePhraseMatching m : values()) {
            if (m.settingValue.toLowerCase(Locale.ROOT).equals(value == null ? null : value.toLowerCase(Locale.ROOT))) {
                return m;
            }
        }
        throw new IllegalArgumentException("choice phrase matching must be 'withinUtterance' or 'wholeUtterance', was '"
                + value + "'");
    }
}
