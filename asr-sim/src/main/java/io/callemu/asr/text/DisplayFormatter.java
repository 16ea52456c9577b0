package io.callemu.asr.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The display form from MaskedITN tokens: disfluencies ("uh", "umm") and immediate repeats ("its its")
 * dropped, the script's capitalisation of names restored, "i" capitalised, the first letter capitalised,
 * and a final "?" after a leading question word or "." otherwise.
 */
final class DisplayFormatter {

    private static final Set<String> DISFLUENCIES = Set.of("uh", "um", "umm", "uhm", "uhmm", "er", "erm", "ah", "hmm");
    private static final Set<String> QUESTION_WORDS = Set.of(
            "how", "what", "why", "where", "when", "who", "which", "is", "are", "can", "do", "does", "did",
            "will", "would", "should", "could");

    private DisplayFormatter() {
    }

    static String format(List<String> maskedItn, Map<String, String> casing) {
        List<String> words = new ArrayList<>(maskedItn.size());
        for (String w : maskedItn) {
            boolean repeat = !words.isEmpty() && words.get(words.size() - 1).equals(w) && isWord(w);
            if (!DISFLUENCIES.contains(w) && !repeat) {
                words.add(w);
            }
        }
        if (words.isEmpty()) {
            return "";
        }
        String terminal = QUESTION_WORDS.contains(words.get(0)) ? "?" : ".";
        StringBuilder sb = new StringBuilder();
        for (String w : words) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(cased(w, casing));
        }
        sb.setCharAt(0, Character.toUpperCase(sb.charAt(0)));
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
        return word;
    }

    private static boolean isWord(String w) {
        return !w.isEmpty() && Character.isLetter(w.charAt(0));
    }
}
