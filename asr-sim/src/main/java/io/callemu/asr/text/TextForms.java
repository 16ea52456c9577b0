package io.callemu.asr.text;

import java.util.List;

/**
 * The four text forms a speech service reports for one hypothesis: Lexical (as spoken), ITN (written
 * form), MaskedITN (ITN with the profanity option applied) and Display (MaskedITN capitalised and
 * punctuated, without disfluencies). Lexical and ITN are never filtered.
 */
public record TextForms(String lexical, String itn, String maskedItn, String display) {

    /** Derives every form from the lexical words with the given profanity filter. */
    public static TextForms of(Lexical lexical, ProfanityFilter profanity) {
        List<String> itn = InverseTextNormalizer.apply(lexical.words());
        List<String> masked = profanity.apply(itn);
        return new TextForms(
                lexical.text(),
                String.join(" ", itn),
                String.join(" ", masked),
                DisplayFormatter.format(masked, lexical.casing()));
    }

    /** True when nothing is left to show, for example when profanity was the only thing said and it was removed. */
    public boolean isBlank() {
        return display.isEmpty();
    }
}
