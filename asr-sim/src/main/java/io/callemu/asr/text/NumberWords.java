package io.callemu.asr.text;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * English number words both ways: cardinals and ordinals up to the trillions, spelled as people say
 * them ("one thousand two hundred thirty four", "twenty first"), and the value of each word for the
 * parsers of the inverse text normaliser.
 */
final class NumberWords {

    /** Largest magnitude spelled or parsed: just under a quadrillion. */
    static final long MAX = 999_999_999_999_999L;

    private static final String[] BELOW_TWENTY = {
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
    private static final String[] TENS = {
        null, null, "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
    private static final String[] SCALES = {"trillion", "billion", "million", "thousand"};
    private static final long[] SCALE_VALUES = {1_000_000_000_000L, 1_000_000_000L, 1_000_000L, 1_000L};

    /** The irregular ordinals; every other one adds "th" ("sixth") or turns "y" into "ieth" ("twentieth"). */
    private static final Map<String, String> IRREGULAR_ORDINALS = Map.of(
            "one", "first", "two", "second", "three", "third", "five", "fifth", "eight", "eighth",
            "nine", "ninth", "twelve", "twelfth");

    /** Lookups for the parsers, which ask about every word they see. */
    private static final Map<String, Integer> BELOW_TWENTY_VALUES = new HashMap<>();
    private static final Map<String, Integer> TENS_VALUES = new HashMap<>();
    private static final Map<String, Long> SCALE_VALUES_BY_WORD = new HashMap<>();
    private static final Map<String, String> CARDINAL_OF_ORDINAL = new HashMap<>();

    static {
        for (int i = 0; i < BELOW_TWENTY.length; i++) {
            BELOW_TWENTY_VALUES.put(BELOW_TWENTY[i], i);
        }
        for (int i = 2; i < TENS.length; i++) {
            TENS_VALUES.put(TENS[i], i * 10);
        }
        for (int i = 0; i < SCALES.length; i++) {
            SCALE_VALUES_BY_WORD.put(SCALES[i], SCALE_VALUES[i]);
        }
        List<String> bases = new java.util.ArrayList<>(List.of(BELOW_TWENTY).subList(1, BELOW_TWENTY.length));
        bases.addAll(java.util.Arrays.asList(TENS).subList(2, TENS.length));
        bases.add("hundred");
        bases.addAll(List.of(SCALES));
        for (String base : bases) {
            CARDINAL_OF_ORDINAL.put(ordinalOf(base), base);
        }
    }

    private NumberWords() {
    }

    /** The value of "zero".."nineteen", or -1. */
    static int belowTwenty(String word) {
        Integer v = BELOW_TWENTY_VALUES.get(word);
        return v == null ? -1 : v;
    }

    /** The value of a single digit word "zero".."nine", or -1. */
    static int digit(String word) {
        int v = belowTwenty(word);
        return v <= 9 ? v : -1;
    }

    /** The value of "twenty".."ninety", or -1. */
    static int tens(String word) {
        Integer v = TENS_VALUES.get(word);
        return v == null ? -1 : v;
    }

    /** The value of "thousand".."trillion", or -1. */
    static long scale(String word) {
        Long v = SCALE_VALUES_BY_WORD.get(word);
        return v == null ? -1 : v;
    }

    static boolean isNumberWord(String word) {
        return belowTwenty(word) >= 0 || tens(word) > 0 || word.equals("hundred") || scale(word) > 0;
    }

    /** The cardinal word an ordinal word ends with ("twentieth" → "twenty", "first" → "one"), or null. */
    static String cardinalOfOrdinal(String word) {
        return CARDINAL_OF_ORDINAL.get(word);
    }

    /** Spells {@code n} (|n| ≤ {@link #MAX}) as people say it; negatives start with "minus". */
    static void spell(long n, List<String> out) {
        if (n < -MAX || n > MAX) {
            throw new IllegalArgumentException("cannot spell " + n + ": outside ±" + MAX);
        }
        if (n < 0) {
            out.add("minus");
            n = -n;
        }
        if (n == 0) {
            out.add("zero");
            return;
        }
        for (int i = 0; i < SCALES.length; i++) {
            long group = n / SCALE_VALUES[i] % 1000;
            if (group > 0) {
                spellBelowThousand((int) group, out);
                out.add(SCALES[i]);
            }
        }
        spellBelowThousand((int) (n % 1000), out);
    }

    /** Spells the ordinal of {@code n} (1 ≤ n ≤ {@link #MAX}): 21 → "twenty first", 100 → "one hundredth". */
    static void spellOrdinal(long n, List<String> out) {
        if (n < 1) {
            throw new IllegalArgumentException("no ordinal for " + n);
        }
        spell(n, out);
        int last = out.size() - 1;
        out.set(last, ordinalOf(out.get(last)));
    }

    /** The ordinal form of a cardinal word: "one" → "first", "twenty" → "twentieth", "seven" → "seventh". */
    static String ordinalOf(String cardinal) {
        String irregular = IRREGULAR_ORDINALS.get(cardinal);
        if (irregular != null) {
            return irregular;
        }
        if (cardinal.endsWith("y")) {
            return cardinal.substring(0, cardinal.length() - 1) + "ieth";
        }
        return cardinal + "th";
    }

    /** The English ordinal suffix of {@code n}: 1 → "st", 12 → "th", 22 → "nd". */
    static String ordinalSuffix(long n) {
        long lastTwo = n % 100;
        if (lastTwo >= 11 && lastTwo <= 13) {
            return "th";
        }
        switch ((int) (n % 10)) {
            case 1:
                return "st";
            case 2:
                return "nd";
            case 3:
                return "rd";
            default:
                return "th";
        }
    }

    /** Spells each digit of {@code digits} ("0042" → "zero zero four two"). */
    static void spellDigits(CharSequence digits, List<String> out) {
        for (int i = 0; i < digits.length(); i++) {
            out.add(BELOW_TWENTY[digits.charAt(i) - '0']);
        }
    }

    /** Two-digit groups as in years and clock times: 5 → "oh five", 45 → "forty five", 0 is not allowed. */
    static void spellPair(int n, List<String> out) {
        if (n < 1 || n > 99) {
            throw new IllegalArgumentException("not a two-digit group: " + n);
        }
        if (n < 10) {
            out.add("oh");
        }
        spellBelowThousand(n, out);
    }

    /** A year as it is read: 2024 → "twenty twenty four", 2005 → "two thousand five", 1905 → "nineteen oh five". */
    static void spellYear(int year, List<String> out) {
        int high = year / 100;
        int low = year % 100;
        if (year < 1000 || (year >= 2000 && year < 2010) || low == 0 && high % 10 == 0) {
            spell(year, out);
        } else if (low == 0) {
            spellBelowThousand(high, out);
            out.add("hundred");
        } else {
            spellBelowThousand(high, out);
            spellPair(low, out);
        }
    }

    private static void spellBelowThousand(int n, List<String> out) {
        if (n >= 100) {
            out.add(BELOW_TWENTY[n / 100]);
            out.add("hundred");
            n %= 100;
        }
        if (n >= 20) {
            out.add(TENS[n / 10]);
            n %= 10;
            if (n > 0) {
                out.add(BELOW_TWENTY[n]);
            }
        } else if (n > 0) {
            out.add(BELOW_TWENTY[n]);
        }
    }
}
