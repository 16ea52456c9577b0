package io.callemu.asr.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The display form from MaskedITN tokens: disfluencies ("uh", "umm") and immediate repeats ("its its")
 * dropped, the script's capitalisation of names restored, "i", weekdays and months capitalised, entities
 * written as displayed ("March 4, 2024"), the first letter capitalised, and a final "?" after a
 * leading question word or "." otherwise.
 */
final class DisplayFormatter {

    private static final Set<String> DISFLUENCIES = Set.of("uh", "um", "umm", "uhm", "uhmm", "er", "erm", "ah", "hmm");
    private static final Set<String> QUESTION_WORDS = Set.of(
            "how", "what", "why", "where", "when", "who", "which", "is", "are", "can", "do", "does", "did",
            "will", "would", "should", "could", "what's", "where's", "who's", "how's", "when's", "why's", "isn't",
            "aren't", "can't", "don't", "doesn't", "didn't", "won't", "wouldn't", "shouldn't", "couldn't");
    /** Proper nouns every recognizer capitalises; "may" and "march" only inside a date. */
    private static final Set<String> CALENDAR_NAMES = Set.of("monday", "tuesday", "wednesday", "thursday", "friday",
            "saturday", "sunday", "january", "february", "april", "june", "july", "august", "september", "october",
            "november", "december");

    private DisplayFormatter() {
    }

    static String format(List<ItnToken> maskedItn, Map<String, String> casing) {
        List<ItnToken> kept = new ArrayList<>(maskedItn.size());
        for (ItnToken t : maskedItn) {
            boolean word = t.kind() == TokenKind.WORD;
            boolean repeat = word && !kept.isEmpty() && kept.get(kept.size() - 1).equals(t) && isWord(t.itn());
            if (!(word && DISFLUENCIES.contains(t.itn())) && !repeat) {
                kept.add(t);
            }
        }
        if (kept.isEmpty()) {
            return "";
        }
        ItnToken first = kept.get(0);
        String terminal = first.kind() == TokenKind.WORD && QUESTION_WORDS.contains(first.itn()) ? "?" : ".";
        StringBuilder sb = new StringBuilder();
        for (ItnToken t : kept) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(t.kind() == TokenKind.WORD ? cased(t.itn(), casing) : t.display());
        }
        // a sentence starts with a capital; an address or a symbol keeps its own spelling ("john@contoso.com")
        if ((first.kind() == TokenKind.WORD || first.kind() == TokenKind.DATE) && Character.isLetter(sb.charAt(0))) {
            sb.setCharAt(0, Character.toUpperCase(sb.charAt(0)));
        }
        return sb.append(terminal).toString();
    }

    private static String cased(String word, Map<String, String> casing) {
        String known = casing.get(word);
        if (known != null) {
            return known;
        }
        if (word.equals("i") || word.startsWith("i'")) {
            return "I" + word.substring(1);
        }
        if (CALENDAR_NAMES.contains(word)) {
            return Character.toUpperCase(word.charAt(0)) + word.substring(1);
        }
        return word;
    }

    private static boolean isWord(String w) {
        return !w.isEmpty() && Character.isLetter(w.charAt(0));
    }
}
