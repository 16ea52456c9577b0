package io.callemu.asr.text;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Calendar dates, US style: "3/4", "March 4", "March 4th" and "2024-03-04" are said "march fourth"
 * (with the year as it is read, "twenty twenty four"), "4 March" is said "the fourth of march".
 * Spoken, a month followed by a day (ordinal or cardinal, 1..31) is a date: ITN "march 4 2024",
 * displayed "March 4, 2024".
 */
final class Dates {

    static final String[] MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august",
        "september", "october", "november", "december"};
    private static final int[] DAYS_IN_MONTH = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    private static final Pattern NUMERIC = Pattern.compile("(\\d{1,2})/(\\d{1,2})(?:/(\\d{2}|\\d{4}))?");
    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern DAY = Pattern.compile("(\\d{1,2})(?:st|nd|rd|th)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern YEAR = Pattern.compile("\\d{4}");

    private Dates() {
    }

    /** A date at {@code i}; returns the words used, 0 when there is none. */
    static int match(List<String> w, int i, List<ItnToken> out) {
        int month = month(w.get(i));
        if (month >= 0) {
            return monthFirst(w, i, month, out);
        }
        if (w.get(i).equals("the") && i + 3 < w.size()) {
            return dayOfMonth(w, i, out);
        }
        return 0;
    }

    /** "march fourth [twenty twenty four]" → march 4 [2024]. */
    private static int monthFirst(List<String> w, int i, int month, List<ItnToken> out) {
        Cardinals.Parsed day = i + 1 < w.size() ? Cardinals.parse(w, i + 1) : null;
        if (day == null || !isDay(month, day.value()) || (!day.ordinal() && isAlsoAVerb(month))) {
            return 0;
        }
        int k = i + 1 + day.words();
        int[] year = {0};
        k += year(w, k, year);
        String name = MONTHS[month];
        String itn = name + " " + day.value();
        String display = capitalized(name) + " " + day.value();
        if (year[0] > 0) {
            itn += " " + year[0];
            display += ", " + year[0];
        }
        out.add(new ItnToken(TokenKind.DATE, itn, display));
        return k - i;
    }

    /** "the fourth of march [twenty twenty four]" → the 4th of march [2024]. */
    private static int dayOfMonth(List<String> w, int i, List<ItnToken> out) {
        Cardinals.Parsed day = Cardinals.parse(w, i + 1);
        if (day == null || !day.ordinal()) {
            return 0;
        }
        int k = i + 1 + day.words();
        int month = k + 1 < w.size() && w.get(k).equals("of") ? month(w.get(k + 1)) : -1;
        if (month < 0 || !isDay(month, day.value())) {
            return 0;
        }
        k += 2;
        int[] year = {0};
        k += year(w, k, year);
        String ordinal = day.value() + NumberWords.ordinalSuffix(day.value());
        String itn = "the " + ordinal + " of " + MONTHS[month];
        String display = "the " + ordinal + " of " + capitalized(MONTHS[month]);
        if (year[0] > 0) {
            itn += " " + year[0];
            display += ", " + year[0];
        }
        out.add(new ItnToken(TokenKind.DATE, itn, display));
        return k - i;
    }

    /** A year 1000..2999 at {@code k} ("twenty twenty four", "nineteen oh five", "two thousand five"); returns the words used. */
    private static int year(List<String> w, int k, int[] year) {
        if (k >= w.size()) {
            return 0;
        }
        Cardinals.Parsed whole = Cardinals.parse(w, k);
        if (whole != null && !whole.ordinal() && whole.value() >= 1000 && whole.value() <= 2999) {
            year[0] = (int) whole.value();
            return whole.words();
        }
        int[] high = {0};
        int used = pair(w, k, high);
        if (used == 0 || high[0] < 10) {
            return 0;
        }
        int at = k + used;
        if (at < w.size() && w.get(at).equals("hundred")) {
            year[0] = high[0] * 100;
            return used + 1;
        }
        int[] low = {0};
        int lowUsed = at < w.size() && w.get(at).equals("oh") && at + 1 < w.size() && NumberWords.digit(w.get(at + 1)) > 0
                ? 2 : pair(w, at, low);
        if (lowUsed == 2 && w.get(at).equals("oh")) {
            low[0] = NumberWords.digit(w.get(at + 1));
        }
        int value = high[0] * 100 + low[0];
        if (lowUsed == 0 || low[0] < 1 || value < 1000 || value > 2999) {
            return 0;
        }
        year[0] = value;
        return used + lowUsed;
    }

    /** A number 10..99 said as a teen or tens (and a unit); returns the words used. */
    private static int pair(List<String> w, int k, int[] value) {
        if (k >= w.size()) {
            return 0;
        }
        int teen = NumberWords.belowTwenty(w.get(k));
        if (teen >= 10) {
            value[0] = teen;
            return 1;
        }
        int tens = NumberWords.tens(w.get(k));
        if (tens <= 0) {
            return 0;
        }
        int unit = k + 1 < w.size() ? NumberWords.digit(w.get(k + 1)) : -1;
        value[0] = tens + Math.max(unit, 0);
        return unit > 0 ? 2 : 1;
    }

    /**
     * Spells a written date at {@code raw[i]}: "3/4[/2024]", "2024-03-04", "March 4[th][,] [2024]",
     * "Mar. 4", "4 March [2024]"; returns the raw tokens used, 0 when it is not a date.
     */
    static int verbalize(String[] raw, int i, List<String> out) {
        String token = Lexical.stripEdges(raw[i]);
        if (token.isEmpty()) {
            return 0;
        }
        if (!Character.isDigit(token.charAt(0))) {
            int month = writtenMonth(token);
            if (month < 0 || i + 1 >= raw.length) {
                return 0;
            }
            Matcher day = DAY.matcher(Lexical.stripEdges(raw[i + 1]));
            if (!day.matches()) {
                return 0;
            }
            int year = yearToken(raw, i + 2);
            return say(month, Integer.parseInt(day.group(1)), year, false, out) ? (year > 0 ? 3 : 2) : 0;
        }
        if (token.indexOf('/') < 0 && token.indexOf('-') < 0) {
            return dayFirst(raw, i, token, out); // "4 March"
        }
        Matcher numeric = NUMERIC.matcher(token);
        if (numeric.matches()) {
            int year = numeric.group(3) == null ? 0 : Integer.parseInt(numeric.group(3));
            return say(Integer.parseInt(numeric.group(1)) - 1, Integer.parseInt(numeric.group(2)),
                    twoDigitYear(numeric.group(3), year), false, out) ? 1 : 0;
        }
        Matcher iso = ISO.matcher(token);
        if (iso.matches()) {
            return say(Integer.parseInt(iso.group(2)) - 1, Integer.parseInt(iso.group(3)), Integer.parseInt(iso.group(1)),
                    false, out) ? 1 : 0;
        }
        return 0;
    }

    private static int dayFirst(String[] raw, int i, String token, List<String> out) {
        int month = i + 1 < raw.length ? writtenMonth(Lexical.stripEdges(raw[i + 1])) : -1;
        if (month < 0) {
            return 0;
        }
        Matcher day = DAY.matcher(token);
        if (!day.matches()) {
            return 0;
        }
        int year = yearToken(raw, i + 2);
        return say(month, Integer.parseInt(day.group(1)), year, true, out) ? (year > 0 ? 3 : 2) : 0;
    }

    private static boolean say(int month, int day, int year, boolean dayFirst, List<String> out) {
        if (month < 0 || month > 11 || !isDay(month, day)) {
            return false;
        }
        if (dayFirst) {
            out.add("the");
            NumberWords.spellOrdinal(day, out);
            out.add("of");
            out.add(MONTHS[month]);
        } else {
            out.add(MONTHS[month]);
            NumberWords.spellOrdinal(day, out);
        }
        if (year > 0) {
            NumberWords.spellYear(year, out);
        }
        return true;
    }

    /** "24" is 2024 and "99" is 1999: two-digit years from 50 on are the last century's. */
    private static int twoDigitYear(String written, int year) {
        if (written == null || written.length() == 4) {
            return year;
        }
        return year < 50 ? 2000 + year : 1900 + year;
    }

    private static int yearToken(String[] raw, int k) {
        if (k >= raw.length) {
            return 0;
        }
        String t = Lexical.stripEdges(raw[k]);
        return YEAR.matcher(t).matches() && t.charAt(0) != '0' ? Integer.parseInt(t) : 0;
    }

    /** The month (0..11) of a spoken month word, or -1. */
    static int month(String word) {
        for (int m = 0; m < MONTHS.length; m++) {
            if (MONTHS[m].equals(word)) {
                return m;
            }
        }
        return -1;
    }

    /**
     * The month of a written name or abbreviation of at least three letters ("Mar", "Sept."), or -1;
     * "May" and "March" count only capitalised ("we march 3 miles").
     */
    private static int writtenMonth(String token) {
        if (token.length() < 3 || token.length() > 10 || !Character.isLetter(token.charAt(0))) {
            return -1;
        }
        String t = token.toLowerCase(Locale.ROOT);
        if ((t.equals("may") || t.equals("march")) && !Character.isUpperCase(token.charAt(0))) {
            return -1;
        }
        if (t.endsWith(".")) {
            t = t.substring(0, t.length() - 1);
        }
        if (t.length() < 3) {
            return -1;
        }
        for (int c = 0; c < t.length(); c++) {
            if (!Character.isLetter(t.charAt(c))) {
                return -1;
            }
        }
        for (int m = 0; m < MONTHS.length; m++) {
            if (MONTHS[m].equals(t) || (MONTHS[m].startsWith(t) && (t.length() == 3 || t.equals("sept")))) {
                return m;
            }
        }
        return -1;
    }

    /** "may" and "march" take an ordinal day to be a date: "you may one day" is not May 1. */
    private static boolean isAlsoAVerb(int month) {
        return month == 2 || month == 4;
    }

    private static boolean isDay(int month, long day) {
        return day >= 1 && day <= DAYS_IN_MONTH[month];
    }

    private static String capitalized(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
