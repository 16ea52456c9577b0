package io.callemu.asr.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what a script says a caller spoke ("Pay $5 to 555-1212, Jennifer.") into the lexical form a
 * speech service reports: lower-case words, no punctuation, numbers spelled out
 * ("pay five dollars to five five five one two one two jennifer"). Apostrophes inside words stay.
 *
 * <p>It also remembers how the script capitalised words after the first (proper nouns, acronyms), so
 * the display form can restore them; a recognizer would know "Jennifer" is a name.
 */
public final class Lexical {

    private static final Pattern CURRENCY = Pattern.compile("\\$(\\d{1,6})(?:\\.(\\d+))?");
    private static final Pattern DECIMAL = Pattern.compile("(\\d{1,6})\\.(\\d+)");
    private static final Pattern DIGITS = Pattern.compile("\\d+");

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
        for (String raw : text.trim().split("\\s+")) {
            if (raw.isEmpty()) {
                continue;
            }
            int before = words.size();
            addToken(raw, words);
            rememberCasing(raw, before > 0, casing);
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

    private static void addToken(String raw, List<String> out) {
        String token = raw.toLowerCase(Locale.ROOT);
        Matcher currency = CURRENCY.matcher(stripEdges(token));
        if (currency.matches()) {
            addNumber(currency.group(1), currency.group(2), out);
            out.add(Integer.parseInt(currency.group(1)) == 1 && currency.group(2) == null ? "dollar" : "dollars");
            return;
        }
        boolean hyphenated = token.indexOf('-') > 0;
        for (String part : token.split("[-/]")) {
            String core = stripEdges(part);
            if (core.isEmpty()) {
                continue;
            }
            boolean percent = part.endsWith("%");
            Matcher decimal = DECIMAL.matcher(core);
            if (decimal.matches()) {
                addNumber(decimal.group(1), decimal.group(2), out);
            } else if (DIGITS.matcher(core).matches()) {
                boolean cardinal = !hyphenated && core.length() <= 6 && (core.length() == 1 || core.charAt(0) != '0');
                if (cardinal) {
                    NumberWords.spell(Integer.parseInt(core), out);
                } else {
                    spellDigits(core, out);
                }
            } else {
                String word = core.replaceAll("[^\\p{L}\\p{N}']", "");
                if (!word.isEmpty()) {
                    out.add(word);
                }
            }
            if (percent) {
                out.add("percent");
            }
        }
    }

    private static void addNumber(String whole, String fraction, List<String> out) {
        NumberWords.spell(Integer.parseInt(whole), out);
        if (fraction != null) {
            out.add("point");
            spellDigits(fraction, out);
        }
    }

    private static void spellDigits(String digits, List<String> out) {
        for (int i = 0; i < digits.length(); i++) {
            out.add(NumberWords.digitWord(digits.charAt(i) - '0'));
        }
    }

    /** Drops leading and trailing characters that are neither letters nor digits (quotes, commas, full stops). */
    private static String stripEdges(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && !Character.isLetterOrDigit(s.charAt(from)) && s.charAt(from) != '$') {
            from++;
        }
        while (to > from && !Character.isLetterOrDigit(s.charAt(to - 1))) {
            to--;
        }
        return s.substring(from, to);
    }

    private static void rememberCasing(String raw, boolean notFirst, Map<String, String> casing) {
        String word = stripEdges(raw);
        if (word.isEmpty() || !word.chars().allMatch(c -> Character.isLetter(c) || c == '\'')) {
            return;
        }
        boolean hasUpper = word.chars().anyMatch(Character::isUpperCase);
        boolean acronym = word.length() > 1 && word.chars().allMatch(c -> Character.isUpperCase(c) || c == '\'');
        if (hasUpper && (notFirst || acronym)) {
            casing.putIfAbsent(word.toLowerCase(Locale.ROOT), word);
        }
    }
}
