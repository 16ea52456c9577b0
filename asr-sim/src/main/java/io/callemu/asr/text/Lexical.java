package io.callemu.asr.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns what a script says a caller spoke into the lexical form a speech service reports: lower-case
 * words, no punctuation, everything written in digits or symbols said as words. The text may be
 * written any way ("five" or "5", "$20.50" or "twenty dollars and fifty cents"):
 * "Pay $20.50 on 3/4 to 555-1212, Jennifer." → "pay twenty dollars and fifty cents on march fourth to
 * five five five one two one two jennifer". Apostrophes inside words stay.
 *
 * <p>It also remembers how the script capitalised words after the first (proper nouns, acronyms), so
 * the display form can restore them; a recognizer would know "Jennifer" is a name.
 */
public final class Lexical {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern JOINERS = Pattern.compile("[-/:]");
    private static final Pattern ORDINAL = Pattern.compile("\\d{1,15}(st|nd|rd|th)");
    private static final Pattern AREA_CODE_FIRST = Pattern.compile("\\(\\d+\\).*");
    private static final Pattern DIGIT_THEN_BRACKET = Pattern.compile(".*\\d\\)");

    private final List<String> words;
    private final Map<String, String> casing;

    private Lexical(List<String> words, Map<String, String> casing) {
        this.words = List.copyOf(words);
        this.casing = Map.copyOf(casing);
    }

    /** Parses free text as a caller would say it. */
    public static Lexical of(String text) {
        List<String> words = new ArrayList<>();
        Map<String, String> casing = new LinkedHashMap<>();
        String[] raw = WHITESPACE.split(text.trim());
        int i = 0;
        while (i < raw.length) {
            if (raw[i].isEmpty()) {
                i++;
                continue;
            }
            int before = words.size();
            int used = verbalize(raw, i, words);
            if (used == 1) {
                rememberCasing(raw[i], before > 0, casing);
            }
            i += used;
        }
        return new Lexical(words, casing);
    }

    /** Lexical form from words that are already lexical (for example alternatives built from another result). */
    public static Lexical ofWords(List<String> words, Map<String, String> casing) {
        return new Lexical(words, casing);
    }

    public List<String> words() {
        return words;
    }

    /** Lower-case word → the capitalisation the script used for it, for words that were not sentence-initial. */
    public Map<String, String> casing() {
        return casing;
    }

    public String text() {
        return String.join(" ", words);
    }

    public boolean isEmpty() {
        return words.isEmpty();
    }

    /** Says the raw token at {@code i} (and the tokens it needs after it); returns how many raw tokens it used. */
    private static int verbalize(String[] raw, int i, List<String> out) {
        String token = stripEdges(raw[i]);
        if (isPlainWord(token)) {
            // most of a script: no digits or symbols, so only a month name can start something else
            int used = Dates.verbalize(raw, i, out);
            if (used == 0) {
                out.add(token.toLowerCase(Locale.ROOT));
            }
            return Math.max(used, 1);
        }
        int used = ClockTimes.verbalize(raw, i, out);
        if (used == 0) {
            used = Dates.verbalize(raw, i, out);
        }
        if (used > 0) {
            return used;
        }
        String next = i + 1 < raw.length ? Cardinals.scaleWordOf(stripEdges(raw[i + 1])) : null;
        if (Money.verbalize(token, next, out) || Cardinals.verbalize(token, next, out)) {
            return next != null && (startsWithSymbolOrDigit(token)) ? 2 : 1;
        }
        if (Addresses.verbalize(token, out) || PhoneNumbers.verbalize(token, out) || ordinal(token, out)
                || percent(token, out)) {
            return 1;
        }
        words(token, out);
        return 1;
    }

    static boolean isDigits(String token) {
        for (int c = 0; c < token.length(); c++) {
            if (!Character.isDigit(token.charAt(c))) {
                return false;
            }
        }
        return !token.isEmpty();
    }

    /** Letters, with apostrophes inside ("what's"): said as it is written. */
    private static boolean isPlainWord(String token) {
        int n = token.length();
        if (n == 0 || !Character.isLetter(token.charAt(0)) || !Character.isLetter(token.charAt(n - 1))) {
            return false;
        }
        for (int c = 1; c < n - 1; c++) {
            char ch = token.charAt(c);
            if (!Character.isLetter(ch) && ch != '\'') {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWithSymbolOrDigit(String token) {
        return !token.isEmpty() && !Character.isLetter(token.charAt(0));
    }

    /** "21st" → "twenty first". */
    private static boolean ordinal(String token, List<String> out) {
        String t = token.toLowerCase(Locale.ROOT);
        if (t.isEmpty() || !Character.isDigit(t.charAt(0)) || !ORDINAL.matcher(t).matches()) {
            return false;
        }
        long n = Long.parseLong(t.substring(0, t.length() - 2));
        if (n < 1 || !NumberWords.ordinalSuffix(n).equals(t.substring(t.length() - 2))) {
            return false;
        }
        NumberWords.spellOrdinal(n, out);
        return true;
    }

    /** "50%" → "fifty percent", "-3.5%" → "minus three point five percent". */
    private static boolean percent(String token, List<String> out) {
        if (!token.endsWith("%") || token.length() < 2) {
            return false;
        }
        int before = out.size();
        if (!Cardinals.verbalize(token.substring(0, token.length() - 1), null, out)) {
            out.subList(before, out.size()).clear();
            return false;
        }
        out.add("percent");
        return true;
    }

    /**
     * Anything else: words and numbers joined by "-", "/" or ":" ("t-shirt", "and/or", "24/7") are said
     * part by part, letters and digits inside a part are split ("mp3" → "mp three"), and a few symbols
     * are said by name.
     */
    private static void words(String token, List<String> out) {
        String lower = token.toLowerCase(Locale.ROOT);
        for (String part : JOINERS.split(lower)) {
            String core = stripEdges(part);
            if (core.isEmpty()) {
                continue;
            }
            if (core.endsWith("%") && percent(core, out)) {
                continue;
            }
            if (Cardinals.verbalize(core, null, out)) {
                continue;
            }
            symbolsAndRuns(core, out);
        }
    }

    private static void symbolsAndRuns(String core, List<String> out) {
        StringBuilder run = new StringBuilder();
        boolean digits = false;
        for (int c = 0; c <= core.length(); c++) {
            char ch = c < core.length() ? core.charAt(c) : ' ';
            boolean letter = Character.isLetter(ch) || (ch == '\'' && run.length() > 0 && !digits);
            boolean digit = Character.isDigit(ch);
            if ((letter || digit) && (run.length() == 0 || digit == digits)) {
                run.append(ch);
                digits = digit;
                continue;
            }
            flush(run, digits, out);
            run.setLength(0);
            if (letter || digit) {
                run.append(ch);
                digits = digit;
            } else {
                String name = symbolName(ch);
                if (name != null) {
                    out.add(name);
                }
            }
        }
    }

    private static void flush(StringBuilder run, boolean digits, List<String> out) {
        if (run.length() == 0) {
            return;
        }
        String text = run.toString();
        while (text.endsWith("'")) {
            text = text.substring(0, text.length() - 1);
        }
        if (text.isEmpty()) {
            return;
        }
        if (digits) {
            Cardinals.verbalize(text, null, out);
        } else {
            out.add(text);
        }
    }

    private static String symbolName(char c) {
        switch (c) {
            case '&':
                return "and";
            case '+':
                return "plus";
            case '@':
                return "at";
            case '%':
                return "percent";
            case '=':
                return "equals";
            default:
                return null;
        }
    }

    /**
     * Drops leading and trailing characters that are neither letters nor digits (quotes, commas, full
     * stops, brackets), keeping a leading currency symbol, sign or "+" and a trailing "%".
     */
    static String stripEdges(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && !Character.isLetterOrDigit(s.charAt(from)) && "$€£-\u2212+(".indexOf(s.charAt(from)) < 0) {
            from++;
        }
        while (to > from && !Character.isLetterOrDigit(s.charAt(to - 1)) && s.charAt(to - 1) != '%' && s.charAt(to - 1) != ')') {
            to--;
        }
        String core = s.substring(from, to);
        // brackets are kept only when they enclose an area code: "(425)"
        if (core.startsWith("(") && !AREA_CODE_FIRST.matcher(core).matches()) {
            core = core.substring(1);
        }
        if (core.endsWith(")") && !DIGIT_THEN_BRACKET.matcher(core).matches()) {
            core = core.substring(0, core.length() - 1);
        }
        return core;
    }

    private static void rememberCasing(String raw, boolean notFirst, Map<String, String> casing) {
        String word = stripEdges(raw);
        if (!isPlainWord(word)) {
            return;
        }
        boolean hasUpper = false;
        boolean allUpper = true;
        for (int c = 0; c < word.length(); c++) {
            char ch = word.charAt(c);
            hasUpper |= Character.isUpperCase(ch);
            allUpper &= Character.isUpperCase(ch) || ch == '\'';
        }
        boolean acronym = word.length() > 1 && allUpper;
        if (hasUpper && (notFirst || acronym)) {
            casing.putIfAbsent(word.toLowerCase(Locale.ROOT), word);
        }
    }
}
