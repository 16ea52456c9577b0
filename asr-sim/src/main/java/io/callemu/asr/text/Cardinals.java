package io.callemu.asr.text;

import java.util.List;
import java.util.Set;

/**
 * Numbers in words and in digits: cardinals to the trillions, negatives, decimals, amounts with a
 * scale word ("2.5 million"), percentages and ordinals. {@link #parse} and {@link #parseAmount} read
 * spoken numbers for the other grammars; {@link #match} writes the number family as ITN tokens;
 * {@link #verbalize} spells written numbers.
 */
final class Cardinals {

    /** A spoken number: its value, how many words it took, and whether its last word was an ordinal. */
    record Parsed(long value, int words, boolean ordinal) {
    }

    /**
     * A spoken amount: a whole part, decimal digits (or null), a scale word value (1 when none) and the
     * words it took. "two point five million" is whole 2, fraction "5", scale 1 000 000.
     */
    record Amount(long whole, String fraction, long scale, int words) {

        /** The written amount: "20.5", "2.5 million", "1,200,000", "900". */
        String written() {
            if (scale > 1) {
                return whole + (fraction != null ? "." + fraction : "") + " " + scaleWord(scale);
            }
            return fraction != null ? whole + "." + fraction : Cardinals.written(whole);
        }

        boolean isInteger() {
            return fraction == null && scale == 1;
        }
    }

    /** Words after which "second", "first" and "third" are not ordinals but a unit of time or an adverb. */
    private static final java.util.regex.Pattern WRITTEN = java.util.regex.Pattern.compile("\\d[\\d,]*(\\.\\d+)?");
    private static final java.util.regex.Pattern GROUPED = java.util.regex.Pattern.compile("\\d{1,3}(,\\d{3})*(\\.\\d+)?");

    private static final Set<String> BEFORE_NON_ORDINAL = Set.of("a", "one", "per", "each", "every", "this", "that",
            "at", "half", "split");
    /** Words after which "one" is a pronoun: "this one", "which one", "no one". */
    private static final Set<String> BEFORE_PRONOUN_ONE = Set.of("the", "this", "that", "which", "no", "any", "every",
            "each", "another", "other", "someone", "little", "big", "new", "old", "last", "next", "right", "wrong");
    /** Words after which a lone "first", "second" or "third" is an ordinal. */
    private static final Set<String> BEFORE_ORDINAL = Set.of("the", "my", "your", "his", "her", "its", "our", "their");

    private Cardinals() {
    }

    /** A cardinal starting at {@code i}, or an ordinal when its last word is one ("twenty first"); null when none. */
    static Parsed parse(List<String> w, int i) {
        long total = 0;
        int group = 0;
        long lastScale = Long.MAX_VALUE;
        boolean hundredInGroup = false;
        boolean ordinal = false;
        int k = i;
        while (k < w.size()) {
            String word = w.get(k);
            String base = word;
            String ofOrdinal = NumberWords.cardinalOfOrdinal(word);
            if (ofOrdinal != null) {
                base = ofOrdinal;
            }
            int small = NumberWords.belowTwenty(base);
            int tens = NumberWords.tens(base);
            long scale = NumberWords.scale(base);
            boolean taken;
            if (small == 0) {
                taken = k == i; // "zero" is a number on its own, never part of one
                if (taken) {
                    k++;
                    ordinal = ofOrdinal != null;
                    break;
                }
            } else if (small > 0) {
                int units = group % 100;
                taken = units == 0 || (units >= 20 && units % 10 == 0 && small <= 9);
                if (taken) {
                    group += small;
                }
            } else if (tens > 0) {
                taken = group % 100 == 0;
                if (taken) {
                    group += tens;
                }
            } else if (base.equals("hundred")) {
                taken = group > 0 && group < 100 && !hundredInGroup;
                if (taken) {
                    group *= 100;
                    hundredInGroup = true;
                }
            } else if (scale > 0) {
                taken = group > 0 && scale < lastScale;
                if (taken) {
                    total += group * scale;
                    group = 0;
                    hundredInGroup = false;
                    lastScale = scale;
                }
            } else {
                // "and" inside a number: "two hundred and one", "one thousand and five"
                taken = word.equals("and") && k > i && (w.get(k - 1).equals("hundred") || NumberWords.scale(w.get(k - 1)) > 0)
                        && k + 1 < w.size() && startsBelowHundred(w.get(k + 1));
            }
            if (!taken) {
                break;
            }
            k++;
            if (ofOrdinal != null) {
                ordinal = true;
                break;
            }
        }
        if (k == i) {
            return null;
        }
        return new Parsed(total + group, k - i, ordinal);
    }

    /** A non-negative amount starting at {@code i}: a cardinal, an optional "point" with digits, an optional scale word. */
    static Amount parseAmount(List<String> w, int i) {
        Parsed whole = parse(w, i);
        if (whole == null || whole.ordinal()) {
            return null;
        }
        int k = i + whole.words();
        String fraction = null;
        if (k + 1 < w.size() && w.get(k).equals("point") && fractionDigit(w.get(k + 1)) >= 0) {
            StringBuilder digits = new StringBuilder();
            k++;
            while (k < w.size() && fractionDigit(w.get(k)) >= 0) {
                digits.append(fractionDigit(w.get(k)));
                k++;
            }
            fraction = digits.toString();
        }
        long scale = 1;
        long wholeValue = whole.value();
        if (k < w.size() && NumberWords.scale(w.get(k)) >= 1_000_000 && wholeValue > 0 && wholeValue < 1000) {
            scale = NumberWords.scale(w.get(k));
            k++;
        } else if (fraction == null && wholeValue >= 1_000_000) {
            // "two million" as a number is written "2 million" when nothing follows the scale
            long top = topScale(wholeValue);
            if (wholeValue % top == 0 && wholeValue / top < 1000) {
                scale = top;
                wholeValue /= top;
            }
        }
        return new Amount(wholeValue, fraction, scale, k - i);
    }

    /**
     * The number family at {@code i}: an optional sign ("minus", "negative"), then an amount, then
     * "percent"; or an ordinal. Returns the words used, 0 when there is no number here.
     */
    static int match(List<String> w, int i, String previous, boolean afterNumber, List<ItnToken> out) {
        int k = i;
        String sign = "";
        String word = w.get(i);
        if ((word.equals("minus") || word.equals("negative")) && !afterNumber && i + 1 < w.size()
                && NumberWords.isNumberWord(w.get(i + 1))) {
            sign = "-";
            k++;
        }
        Parsed parsed = parse(w, k);
        if (parsed == null) {
            return 0;
        }
        if (isPronounOne(w, i, parsed, previous)) {
            return 0;
        }
        if (parsed.ordinal()) {
            if (!sign.isEmpty() || !isOrdinalHere(w, i, parsed, previous)) {
                return 0;
            }
            out.add(ItnToken.of(TokenKind.ORDINAL, parsed.value() + NumberWords.ordinalSuffix(parsed.value())));
            return parsed.words();
        }
        Amount amount = parseAmount(w, k);
        k += amount.words();
        String text = sign + amount.written();
        if (k < w.size() && w.get(k).equals("percent")) {
            k++;
            text += "%";
        }
        out.add(ItnToken.of(TokenKind.NUMBER, text));
        return k - i;
    }

    /** An integer as written: plain digits below a million, grouped by commas from a million on. */
    static String written(long n) {
        if (Math.abs(n) < 1_000_000) {
            return Long.toString(n);
        }
        return String.format(java.util.Locale.ROOT, "%,d", n);
    }

    /**
     * Spells a written number token: "-5", "1,234", "6.5", "0042", "2.5" followed by "million".
     * Returns false when the text is not a number.
     */
    static boolean verbalize(String number, String scaleWord, List<String> out) {
        String sign = number.startsWith("-") || number.startsWith("\u2212") ? "minus" : number.startsWith("+") ? "plus" : null;
        String s = sign == null ? number : number.substring(1);
        if (s.isEmpty() || !Character.isDigit(s.charAt(0)) || !WRITTEN.matcher(s).matches()
                || (s.indexOf(',') >= 0 && !GROUPED.matcher(s).matches())) {
            return false;
        }
        if (sign != null) {
            out.add(sign);
        }
        int dot = s.indexOf('.');
        String whole = (dot < 0 ? s : s.substring(0, dot)).replace(",", "");
        boolean grouped = s.contains(",");
        if (dot < 0 && !grouped && scaleWord == null && (whole.length() > 15 || (whole.length() > 1 && whole.charAt(0) == '0')
                || whole.length() > 6)) {
            NumberWords.spellDigits(whole, out); // a code, an account or a PIN is read digit by digit
        } else if (whole.length() > 15) {
            return false;
        } else {
            NumberWords.spell(Long.parseLong(whole), out);
        }
        if (dot >= 0) {
            out.add("point");
            NumberWords.spellDigits(s.substring(dot + 1), out);
        }
        if (scaleWord != null) {
            out.add(scaleWord);
        }
        return true;
    }

    /** The scale word following a written number ("million" in "2.5 million"), or null. */
    static String scaleWordOf(String token) {
        String t = token.toLowerCase(java.util.Locale.ROOT);
        return NumberWords.scale(t) >= 1_000_000 ? t : null;
    }

    /** "the first one", "this one", "one of them": the pronoun, not the number. */
    private static boolean isPronounOne(List<String> w, int i, Parsed parsed, String previous) {
        if (parsed.value() != 1 || parsed.words() != 1 || parsed.ordinal()) {
            return false;
        }
        boolean ofNext = i + 1 < w.size() && w.get(i + 1).equals("of");
        return ofNext || BEFORE_PRONOUN_ONE.contains(previous) || NumberWords.cardinalOfOrdinal(previous) != null;
    }

    private static boolean isOrdinalHere(List<String> w, int i, Parsed parsed, String previous) {
        if (parsed.words() > 1 || parsed.value() > 3) {
            return true; // "twenty first", "fourth", "hundredth": nothing else they could be
        }
        // a lone "first", "second" or "third" is often not a number: "just a second", "at first"
        if (BEFORE_NON_ORDINAL.contains(previous)) {
            return false;
        }
        boolean firstOfAll = parsed.value() == 1 && i + 2 < w.size() && w.get(i + 1).equals("of") && w.get(i + 2).equals("all");
        return !firstOfAll && BEFORE_ORDINAL.contains(previous);
    }

    private static int fractionDigit(String word) {
        return word.equals("oh") ? 0 : NumberWords.digit(word);
    }

    private static boolean startsBelowHundred(String word) {
        return NumberWords.belowTwenty(word) > 0 || NumberWords.tens(word) > 0
                || NumberWords.cardinalOfOrdinal(word) != null;
    }

    private static long topScale(long n) {
        long top = 1;
        for (long s = 1_000_000; s <= n && s > 0; s *= 1000) {
            top = s;
        }
        return top;
    }

    private static String scaleWord(long scale) {
        if (scale == 1_000_000_000_000L) {
            return "trillion";
        }
        return scale == 1_000_000_000L ? "billion" : "million";
    }
}
