package io.callemu.asr.wire;

import io.callemu.asr.Word;
import java.util.List;

/**
 * The few JSON primitives the wire writers need, appended straight into a caller's StringBuilder so a
 * reused builder renders a frame without allocating.
 */
final class Json {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Json() {
    }

    /** A JSON string literal (or {@code null}): quotes, backslashes, control characters and lone surrogates escaped. */
    static void string(StringBuilder sb, String s) {
        if (s == null) {
            sb.append("null");
            return;
        }
        sb.append('"');
        int n = s.length();
        int clean = 0;
        while (clean < n && !needsEscape(s, clean)) {
            clean++;
        }
        if (clean == n) {
            sb.append(s); // the usual case: one bulk copy
        } else {
            sb.append(s, 0, clean);
            for (int i = clean; i < n; i++) {
                appendEscaped(sb, s, i);
            }
        }
        sb.append('"');
    }

    /**
     * A number within 0..1 (a confidence) with up to 15 decimals and no trailing zeros, written without
     * Double.toString, which costs more than the rest of a frame together on JDK 17.
     */
    static void unitInterval(StringBuilder sb, double d) {
        if (!(d >= 0.0 && d <= 1.0)) {
            throw new IllegalArgumentException("expected a number within 0..1, was " + d);
        }
        long digits = Math.round(d * 1e15);
        if (digits >= 1_000_000_000_000_000L) {
            sb.append("1.0");
            return;
        }
        sb.append("0.");
        if (digits == 0) {
            sb.append('0');
            return;
        }
        int width = 15;
        while (digits % 10 == 0) {
            digits /= 10;
            width--;
        }
        for (long p = pow10(width - 1); p > digits; p /= 10) {
            sb.append('0');
        }
        sb.append(digits);
    }

    /**
     * A JSON array of timed words; each surface names the fields its own way, so the caller passes the
     * opening of each object ({@code {"text":}) and the two number fields ({@code ,"offset":}).
     */
    static void words(StringBuilder sb, List<Word> words, String openText, String offsetField, String durationField) {
        sb.append('[');
        for (int i = 0, n = words.size(); i < n; i++) {
            Word w = words.get(i);
            if (i > 0) {
                sb.append(',');
            }
            sb.append(openText);
            string(sb, w.text());
            sb.append(offsetField).append(w.offsetTicks()).append(durationField).append(w.durationTicks()).append('}');
        }
        sb.append(']');
    }

    private static long pow10(int exponent) {
        long p = 1;
        for (int i = 0; i < exponent; i++) {
            p *= 10;
        }
        return p;
    }

    private static boolean needsEscape(String s, int i) {
        char c = s.charAt(i);
        return c < 0x20 || c == '"' || c == '\\' || c == '\u2028' || c == '\u2029' || isLoneSurrogate(s, i, c);
    }

    private static void appendEscaped(StringBuilder sb, String s, int i) {
        char c = s.charAt(i);
        switch (c) {
            case '"':
                sb.append("\\\"");
                break;
            case '\\':
                sb.append("\\\\");
                break;
            case '\n':
                sb.append("\\n");
                break;
            case '\r':
                sb.append("\\r");
                break;
            case '\t':
                sb.append("\\t");
                break;
            case '\b':
                sb.append("\\b");
                break;
            case '\f':
                sb.append("\\f");
                break;
            default:
                if (needsEscape(s, i)) {
                    unicodeEscape(sb, c);
                } else {
                    sb.append(c);
                }
        }
    }

    private static boolean isLoneSurrogate(String s, int i, char c) {
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        return Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)));
    }

    private static void unicodeEscape(StringBuilder sb, char c) {
        sb.append("\\u").append(HEX[c >> 12 & 0xf]).append(HEX[c >> 8 & 0xf]).append(HEX[c >> 4 & 0xf]).append(HEX[c & 0xf]);
    }
}
