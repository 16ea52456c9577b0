package io.callemu.asr.text;

/** English cardinal number words, both ways, for the range the recognizer normalises (0 to 999 999). */
final class NumberWords {

    static final int MAX = 999_999;

    private static final String[] BELOW_TWENTY = {
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
    private static final String[] TENS = {
        null, null, "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};

    private NumberWords() {
    }

    /** The value of "zero".."nineteen", or -1. */
    static int belowTwenty(String word) {
        for (int i = 0; i < BELOW_TWENTY.length; i++) {
            if (BELOW_TWENTY[i].equals(word)) {
                return i;
            }
        }
        return -1;
    }

    /** The value of a single digit word "zero".."nine", or -1. */
    static int digit(String word) {
        int v = belowTwenty(word);
        return v <= 9 ? v : -1;
    }

    /** The value of "twenty".."ninety", or -1. */
    static int tens(String word) {
        for (int i = 2; i < TENS.length; i++) {
            if (TENS[i].equals(word)) {
                return i * 10;
            }
        }
        return -1;
    }

    static String digitWord(int digit) {
        return BELOW_TWENTY[digit];
    }

    /** Spells {@code n} (0..999 999) the way people say it: 1234 → "one thousand two hundred thirty four". */
    static void spell(int n, java.util.List<String> out) {
        if (n < 0 || n > MAX) {
            throw new IllegalArgumentException("cannot spell " + n + ": outside 0.." + MAX);
        }
        if (n == 0) {
            out.add("zero");
            return;
        }
        if (n >= 1000) {
            spellBelowThousand(n / 1000, out);
            out.add("thousand");
        }
        spellBelowThousand(n % 1000, out);
    }

    private static void spellBelowThousand(int n, java.util.List<String> out) {
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
