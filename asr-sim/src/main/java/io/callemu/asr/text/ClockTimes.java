package io.callemu.asr.text;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Clock times: "3:30 PM" is said "three thirty p m", "3:05" "three oh five", "3 PM" "three p m" and
 * "3:00" "three o'clock". Spoken, an hour and minutes are a time when "a m", "p m" or "o'clock"
 * follows, or when a word that introduces a time ("at", "by", "until", …) precedes them; otherwise
 * "six forty five" stays two numbers.
 */
final class ClockTimes {

    private static final Set<String> BEFORE_TIME = Set.of("at", "by", "until", "till", "around", "before", "after", "from");
    private static final Pattern WRITTEN = Pattern.compile("(\\d{1,2})(?::(\\d{2}))?((?:[ap]\\.?m\\.?)?)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern MERIDIEM = Pattern.compile("([ap])\\.?m\\.?", Pattern.CASE_INSENSITIVE);

    private ClockTimes() {
    }

    /** A time at {@code i}; returns the words used, 0 when there is none. */
    static int match(List<String> w, int i, String previous, List<ItnToken> out) {
        int hour = hour(w, i);
        if (hour < 0) {
            return 0;
        }
        int k = i + (hour > 20 ? 2 : 1);
        if (k < w.size() && w.get(k).equals("o'clock")) {
            if (hour > 12) {
                return 0;
            }
            out.add(ItnToken.of(TokenKind.TIME, hour + ":00"));
            return k + 1 - i;
        }
        int[] minutes = {-1};
        k += minutes(w, k, minutes);
        String meridiem = k < w.size() ? meridiem(w, k) : null;
        if (meridiem != null) {
            if (hour < 1 || hour > 12) {
                return 0;
            }
            k += w.get(k).length() == 1 ? 2 : 1; // "p m" or "pm"
            String clock = minutes[0] >= 0 ? hour + ":" + twoDigits(minutes[0]) : Integer.toString(hour);
            out.add(ItnToken.of(TokenKind.TIME, clock + " " + meridiem));
            return k - i;
        }
        if (minutes[0] < 0 || !BEFORE_TIME.contains(previous)) {
            return 0;
        }
        out.add(ItnToken.of(TokenKind.TIME, hour + ":" + twoDigits(minutes[0])));
        return k - i;
    }

    /** An hour 0..23 said as one or two words, or -1. */
    private static int hour(List<String> w, int i) {
        int small = NumberWords.belowTwenty(w.get(i));
        if (small >= 0) {
            return small;
        }
        if (w.get(i).equals("twenty")) {
            int unit = i + 1 < w.size() ? NumberWords.digit(w.get(i + 1)) : -1;
            return unit >= 1 && unit <= 3 ? 20 + unit : -1;
        }
        return -1;
    }

    /** Minutes 1..59 ("oh five", "fifteen", "forty five"); sets {@code value[0]} and returns the words used. */
    private static int minutes(List<String> w, int k, int[] value) {
        if (k >= w.size()) {
            return 0;
        }
        String word = w.get(k);
        if (word.equals("oh") && k + 1 < w.size() && NumberWords.digit(w.get(k + 1)) > 0) {
            value[0] = NumberWords.digit(w.get(k + 1));
            return 2;
        }
        int teen = NumberWords.belowTwenty(word);
        if (teen >= 10) {
            value[0] = teen;
            return 1;
        }
        int tens = NumberWords.tens(word);
        if (tens > 0 && tens < 60) {
            int unit = k + 1 < w.size() ? NumberWords.digit(w.get(k + 1)) : -1;
            value[0] = tens + Math.max(unit, 0);
            return unit > 0 ? 2 : 1;
        }
        return 0;
    }

    /** "AM" or "PM" for "a m", "p m", "am", "pm" at {@code k}, or null. */
    private static String meridiem(List<String> w, int k) {
        String word = w.get(k);
        if ((word.equals("a") || word.equals("p")) && k + 1 < w.size() && w.get(k + 1).equals("m")) {
            return word.equals("a") ? "AM" : "PM";
        }
        if (word.equals("pm")) {
            return "PM";
        }
        // "am" alone is the verb as often as not; it is a time only right after the hour or minutes
        return word.equals("am") ? "AM" : null;
    }

    /**
     * Spells a written time at {@code raw[i]} ("3:30", "3:30PM", "3pm", or "3:30" / "3" followed by a
     * token "PM"); returns the raw tokens used, 0 when it is not a time.
     */
    static int verbalize(String[] raw, int i, List<String> out) {
        String token = Lexical.stripEdges(raw[i]);
        if (token.isEmpty() || !Character.isDigit(token.charAt(0))) {
            return 0;
        }
        if (Lexical.isDigits(token) && (i + 1 >= raw.length || raw[i + 1].isEmpty() || "aApP".indexOf(raw[i + 1].charAt(0)) < 0)) {
            return 0; // a bare number is a time only before "AM" or "PM"
        }
        Matcher m = WRITTEN.matcher(token);
        if (!m.matches()) {
            return 0;
        }
        String meridiem = m.group(3);
        int used = 1;
        if (meridiem.isEmpty() && i + 1 < raw.length) {
            Matcher next = MERIDIEM.matcher(Lexical.stripEdges(raw[i + 1]));
            if (next.matches()) {
                meridiem = next.group(1);
                used = 2;
            }
        }
        boolean hasMinutes = m.group(2) != null;
        if (!hasMinutes && meridiem.isEmpty()) {
            return 0;
        }
        int hour = Integer.parseInt(m.group(1));
        int minutes = hasMinutes ? Integer.parseInt(m.group(2)) : 0;
        if (hour > 23 || minutes > 59 || (!meridiem.isEmpty() && (hour < 1 || hour > 12))) {
            return 0;
        }
        NumberWords.spell(hour, out);
        if (minutes > 0) {
            NumberWords.spellPair(minutes, out);
        } else if (meridiem.isEmpty()) {
            out.add("o'clock");
        }
        if (!meridiem.isEmpty()) {
            out.add(meridiem.substring(0, 1).toLowerCase(Locale.ROOT));
            out.add("m");
        }
        return used;
    }

    private static String twoDigits(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }
}
