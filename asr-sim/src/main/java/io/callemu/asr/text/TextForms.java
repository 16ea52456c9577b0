package io.callemu.asr.text;

import java.util.List;

/**
 * The four text forms a speech service reports for one hypothesis: Lexical (as spoken), ITN (written
 * form), MaskedITN (ITN with the profanity option applied) and Display (MaskedITN capitalised and
 * punctuated, without disfluencies). Lexical and ITN are never filtered. All four derive from the
 * lexical words, so they always agree: ITN is the inverse normalisation of Lexical, MaskedITN differs
 * from ITN only in profane words, and Display is MaskedITN formatted.
 */
public record TextForms(String lexical, String itn, String maskedItn, String display) {

    /** Derives every form from the lexical words with the given profanity filter. */
    public static TextForms of(Lexical lexical, ProfanityFilter profanity) {
        List<ItnToken> itn = InverseTextNormalizer.tokens(lexical.words());
        List<ItnToken> masked = profanity.applyToTokens(itn);
        return new TextForms(lexical.text(), join(itn), join(masked), DisplayFormatter.format(masked, lexical.casing()));
    }

    /**
     * The text of an intermediate hypothesis over lexical words heard so far: the masked ITN in lower
     * case, or null when the service would not send it (profanity in it while the mode is masked) or
     * when nothing is left to show (profanity alone, removed).
     */
    public static String hypothesisText(List<String> lexicalWords, ProfanityFilter profanity) {
        if (profanity.mode() == ProfanityMode.MASKED && profanity.containsProfanity(lexicalWords)) {
            return null;
        }
        String text = join(profanity.applyToTokens(InverseTextNormalizer.tokens(lexicalWords)));
        return text.isEmpty() ? null : text;
    }

    /** True when nothing is left to show, for example when profanity was the only thing said and it was removed. */
    public boolean isBlank() {
        return display.isEmpty();
    }

    private static String join(List<ItnToken> tokens) {
        StringBuilder sb = new StringBuilder();
        for (ItnToken t : tokens) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(t.itn());
        }
        return sb.toString();
    }
}
