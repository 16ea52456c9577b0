package io.callemu.asr.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Inverse text normalisation (ITN): lexical words to their written form, with the small rule set the
 * reference suggests. Cardinals up to 999 999 become digits ("six" → 6, "two hundred and one" → 201),
 * runs of spelled digits become digit strings, formatted as phone numbers at 7, 10 and 11 digits
 * ("five five five one two one two" → 555-1212), "point" makes decimals, and "percent" and "dollars"
 * after a number attach as symbols. Every other word is left as it is; nothing is capitalised or
 * punctuated (that is the display form's job).
 */
public final class InverseTextNormalizer {

    private InverseTextNormalizer() {
    }

    /** The ITN tokens for lexical words; numbers collapse, so there may be fewer tokens than words. */
    public static List<String> apply(List<String> words) {
        List<String> out = new ArrayList<>(words.size());
        int i = 0;
        while (i < words.size()) {
            int used = digitRun(words, i, out);
            if (used == 0) {
                used = number(words, i, out);
            }
            if (used == 0) {
                out.add(words.get(i));
                used = 1;
            }
            i += used;
        }
        return out;
    }

    /** Two or more single-digit words read one by one (a PIN, a phone number); returns the words used. */
    private static int digitRun(List<String> w, int i, List<String> out) {
        int end = i;
        while (end < w.size() && NumberWords.digit(w.get(end)) >= 0) {
            end++;
        }
        if (end < w.size() && isMultiplier(w.get(end))) {
            end--; // "one two hundred": the last digit starts a cardinal
        }
        if (end - i < 2) {
            return 0;
        }
        StringBuilder digits = new StringBuilder(end - i);
        for (int k = i; k < end; k++) {
            digits.append(NumberWords.digit(w.get(k)));
        }
        out.add(phoneFormat(digits.toString()));
        return end - i;
    }

    static String phoneFormat(String d) {
        switch (d.length()) {
            case 7:
                return d.substring(0, 3) + "-" + d.substring(3);
            case 10:
                return d.substring(0, 3) + "-" + d.substring(3, 6) + "-" + d.substring(6);
            case 11:
                return d.charAt(0) == '1'
                        ? "1-" + d.substring(1, 4) + "-" + d.substring(4, 7) + "-" + d.substring(7)
                        : d;
            default:
                return d;
        }
    }

    /** A cardinal with an optional decimal part and an optional percent or dollar suffix. */
    private static int number(List<String> w, int i, List<String> out) {
        long[] value = new long[1];
        int used = cardinal(w, i, value);
        if (used == 0) {
            return 0;
        }
        StringBuilder text = new StringBuilder().append(value[0]);
        int k = i + used;
        if (k + 1 < w.size() && w.get(k).equals("point") && NumberWords.digit(w.get(k + 1)) >= 0) {
            text.append('.');
            k++;
            while (k < w.size() && NumberWords.digit(w.get(k)) >= 0) {
                text.append(NumberWords.digit(w.get(k)));
                k++;
            }
        }
        if (k < w.size() && w.get(k).equals("percent")) {
            text.append('%');
            k++;
        } else if (k < w.size() && (w.get(k).equals("dollars") || w.get(k).equals("dollar"))) {
            text.insert(0, '$');
            k++;
        }
        out.add(text.toString());
        return k - i;
    }

    private static int cardinal(List<String> w, int i, long[] value) {
        long[] part = new long[1];
        int used = belowThousand(w, i, part);
        if (used == 0) {
            return 0;
        }
        long v = part[0];
        if (i + used < w.size() && w.get(i + used).equals("thousand") && v > 0) {
            v *= 1000;
            used++;
            int rest = belowThousand(w, i + used, part);
            if (rest > 0 && part[0] > 0) {
                v += part[0];
                used += rest;
            }
        }
        value[0] = v;
        return used;
    }

    private static int belowThousand(List<String> w, int start, long[] value) {
        int i = start;
        long v = 0;
        int unit = i < w.size() ? NumberWords.digit(w.get(i)) : -1;
        if (unit >= 1 && i + 1 < w.size() && w.get(i + 1).equals("hundred")) {
            v = unit * 100L;
            i += 2;
            if (i + 1 < w.size() && w.get(i).equals("and") && startsBelowHundred(w.get(i + 1))) {
                i++;
            }
        }
        int tens = i < w.size() ? NumberWords.tens(w.get(i)) : -1;
        if (tens > 0) {
            v += tens;
            i++;
            int ones = i < w.size() ? NumberWords.digit(w.get(i)) : -1;
            if (ones >= 1) {
                v += ones;
                i++;
            }
        } else if (i < w.size()) {
            int small = NumberWords.belowTwenty(w.get(i));
            // "zero" is a number on its own, never after "hundred"
            if (small > 0 || (small == 0 && i == start)) {
                v += small;
                i++;
            }
        }
        value[0] = v;
        return i - start;
    }

    private static boolean startsBelowHundred(String word) {
        return NumberWords.belowTwenty(word) > 0 || NumberWords.tens(word) > 0;
    }

    private static boolean isMultiplier(String word) {
        return word.equals("hundred") || word.equals("thousand");
    }
}
