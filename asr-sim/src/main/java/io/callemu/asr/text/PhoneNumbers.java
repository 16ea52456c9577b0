package io.callemu.asr.text;

import java.util.List;

/**
 * Telephone numbers and other digit strings. Written with separators ("425-555-1212",
 * "(425) 555-1212", "+1 425 555 1212") they are said digit by digit. Spoken, a run of digits may be
 * grouped the way people read numbers aloud ("one eight hundred, four five six, eight nine ten"); a
 * run of 7, 10 or 11 (leading 1) digits with at least three single digits is a US number and written
 * {@code 555-1212}, {@code 425-555-1212}, {@code 1-800-456-8910}; a shorter run of single digits is
 * a digit string ("my pin is one two three four" → "my pin is 1234").
 */
final class PhoneNumbers {

    private static final int MIN_SINGLE_DIGITS = 3;
    private static final java.util.regex.Pattern SEPARATED_DIGITS =
            java.util.regex.Pattern.compile("\\+?\\(?\\d+\\)?([-.]\\(?\\d+\\)?)*");

    private PhoneNumbers() {
    }

    /** A phone number or digit string at {@code i}; returns the words used, 0 when there is none. */
    static int match(List<String> w, int i, List<ItnToken> out) {
        boolean plus = w.get(i).equals("plus");
        int start = plus ? i + 1 : i;
        if (start >= w.size() || (NumberWords.digit(w.get(start)) < 0 && !w.get(start).equals("double"))) {
            return 0;
        }
        StringBuilder digits = new StringBuilder(16);
        int used = phoneDigits(w, start, digits);
        if (used > 0 && (!plus || digits.length() >= 10)) {
            out.add(ItnToken.of(TokenKind.PHONE, (plus ? "+" : "") + format(digits)));
            return start + used - i;
        }
        if (plus) {
            return 0;
        }
        return digitRun(w, i, out);
    }

    /** Formats 7, 10 or 11 digits the US way. */
    static String format(CharSequence d) {
        String s = d.toString();
        switch (s.length()) {
            case 7:
                return s.substring(0, 3) + "-" + s.substring(3);
            case 10:
                return s.substring(0, 3) + "-" + s.substring(3, 6) + "-" + s.substring(6);
            default:
                return s.charAt(0) + "-" + s.substring(1, 4) + "-" + s.substring(4, 7) + "-" + s.substring(7);
        }
    }

    /**
     * Reads digit groups as people say phone numbers: single digits (and "oh" after the first), "double
     * five", "eight hundred" after a digit, teens and tens ("eight nine ten" = 8910). Returns the words
     * the words of the longest prefix that makes a US number (7, 10 or 11 digits, at least three said
     * singly), or 0 when none does; {@code digits} then holds that number.
     */
    private static int phoneDigits(List<String> w, int i, StringBuilder digits) {
        int k = i;
        int singles = 0;
        int bestWords = 0;
        int bestDigits = 0;
        while (k < w.size() && digits.length() <= 11) {
            String word = w.get(k);
            int d = NumberWords.digit(word);
            if (word.equals("oh") && k > i) {
                d = 0;
            }
            int teen = NumberWords.belowTwenty(word);
            int tens = NumberWords.tens(word);
            if (d >= 0 && k + 1 < w.size() && w.get(k + 1).equals("hundred") && d > 0) {
                digits.append(d).append("00");
                k += 2;
            } else if (d >= 0) {
                digits.append(d);
                singles++;
                k++;
            } else if (word.equals("double") && k + 1 < w.size() && NumberWords.digit(w.get(k + 1)) >= 0) {
                int twice = NumberWords.digit(w.get(k + 1));
                digits.append(twice).append(twice);
                singles += 2;
                k += 2;
            } else if (teen >= 10 && k > i) {
                digits.append(teen);
                k++;
            } else if (tens > 0 && k > i) {
                int unit = k + 1 < w.size() ? NumberWords.digit(w.get(k + 1)) : -1;
                digits.append(unit > 0 ? tens + unit : tens);
                k += unit > 0 ? 2 : 1;
            } else {
                break;
            }
            int n = digits.length();
            // a number never ends inside a run of single digits: "one two three four one two three four" is 8 digits
            boolean runGoesOn = k < w.size() && (NumberWords.digit(w.get(k)) >= 0 || w.get(k).equals("oh"));
            if (singles >= MIN_SINGLE_DIGITS && !runGoesOn && (n == 7 || n == 10 || (n == 11 && digits.charAt(0) == '1'))) {
                bestWords = k - i;
                bestDigits = n;
            }
        }
        digits.setLength(bestDigits);
        return bestWords;
    }

    /** Two or more single digits read one by one (a PIN, a code). */
    private static int digitRun(List<String> w, int i, List<ItnToken> out) {
        int end = i;
        while (end < w.size() && (NumberWords.digit(w.get(end)) >= 0 || (end > i && w.get(end).equals("oh")))) {
            end++;
        }
        if (end < w.size() && (w.get(end).equals("hundred") || NumberWords.scale(w.get(end)) > 0)) {
            end--; // "one two hundred": the last digit starts a cardinal
        }
        while (end > i && w.get(end - 1).equals("oh")) {
            end--; // a trailing "oh" is the interjection
        }
        if (end - i < 2) {
            return 0;
        }
        StringBuilder digits = new StringBuilder(end - i);
        for (int k = i; k < end; k++) {
            digits.append(w.get(k).equals("oh") ? 0 : NumberWords.digit(w.get(k)));
        }
        out.add(ItnToken.of(TokenKind.NUMBER, digits.toString()));
        return end - i;
    }

    /**
     * Spells a written phone number or separated digit groups ("555-1212", "(425)", "+1-425-555-1212",
     * "1.800.456.8910"): every digit said, a leading "+" as "plus". Returns false for anything else.
     */
    static boolean verbalize(String token, List<String> out) {
        boolean separated = token.contains("-") || token.contains("(") || token.startsWith("+")
                || token.indexOf('.') != token.lastIndexOf('.');
        if (!separated || !SEPARATED_DIGITS.matcher(token).matches()) {
            return false;
        }
        if (token.startsWith("+")) {
            out.add("plus");
        }
        StringBuilder digits = new StringBuilder();
        for (int k = 0; k < token.length(); k++) {
            if (Character.isDigit(token.charAt(k))) {
                digits.append(token.charAt(k));
            }
        }
        NumberWords.spellDigits(digits, out);
        return true;
    }
}
