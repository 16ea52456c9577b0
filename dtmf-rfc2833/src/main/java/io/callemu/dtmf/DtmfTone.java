package io.callemu.dtmf;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The DTMF tone vocabulary: one constant per RFC 4733 DTMF event (codes 0-16), with the key a caller
 * presses, the ACS Call Automation tone name and the Microsoft Graph tone name.
 *
 * <p>{@link #FLASH} (hook flash, code 16) is an event but not a key: it has no key character and no ACS
 * name ({@link #isKey()} is false). ACS names are those of the {@code Tone} type
 * (zero … nine, a … d, pound, asterisk); Graph names are those of {@code toneInfo.tone}
 * (tone0 … tone9, star, pound, a … d, flash).
 */
public enum DtmfTone {
    ZERO('0', 0, "zero", "tone0"),
    ONE('1', 1, "one", "tone1"),
    TWO('2', 2, "two", "tone2"),
    THREE('3', 3, "three", "tone3"),
    FOUR('4', 4, "four", "tone4"),
    FIVE('5', 5, "five", "tone5"),
    SIX('6', 6, "six", "tone6"),
    SEVEN('7', 7, "seven", "tone7"),
    EIGHT('8', 8, "eight", "tone8"),
    NINE('9', 9, "nine", "tone9"),
    STAR('*', 10, "asterisk", "star"),
    POUND('#', 11, "pound", "pound"),
    A('A', 12, "a", "a"),
    B('B', 13, "b", "b"),
    C('C', 14, "c", "c"),
    D('D', 15, "d", "d"),
    FLASH(DtmfTone.NO_KEY, 16, null, "flash");

    /** Highest RFC 4733 event code that is a DTMF event; receivers ignore higher codes. */
    public static final int MAX_CODE = 16;

    private static final char NO_KEY = '\0';
    private static final String VALID_KEYS = "0-9, *, #, A-D";

    /** Indexed by RFC 4733 code; an array, not a map, because the decoder looks codes up per packet. */
    private static final DtmfTone[] BY_CODE = values();
    private static final Map<String, DtmfTone> BY_ACS_NAME = new HashMap<>();
    private static final Map<String, DtmfTone> BY_GRAPH_NAME = new HashMap<>();

    static {
        for (DtmfTone tone : BY_CODE) {
            if (tone.acsName != null) {
                BY_ACS_NAME.put(tone.acsName, tone);
            }
            BY_GRAPH_NAME.put(tone.graphName, tone);
        }
    }

    private final char key;
    private final int code;
    private final String acsName;
    private final String graphName;

    DtmfTone(char key, int code, String acsName, String graphName) {
        this.key = key;
        this.code = code;
        this.acsName = acsName;
        this.graphName = graphName;
    }

    /** The RFC 4733 event code (0-16). */
    public int code() {
        return code;
    }

    /** Whether this is a key of the keypad (every tone except {@link #FLASH}). */
    public boolean isKey() {
        return key != NO_KEY;
    }

    /**
     * The key character ('0'-'9', '*', '#', 'A'-'D').
     *
     * @throws IllegalStateException for {@link #FLASH}, which is not a key
     */
    public char key() {
        if (!isKey()) {
            throw new IllegalStateException(this + " is not a key and has no key character");
        }
        return key;
    }

    /**
     * The ACS Call Automation tone name ({@code "zero"}, {@code "pound"}, {@code "asterisk"} …).
     *
     * @throws IllegalStateException for {@link #FLASH}, which ACS does not name
     */
    public String acsName() {
        if (acsName == null) {
            throw new IllegalStateException(this + " has no ACS tone name");
        }
        return acsName;
    }

    /** The Microsoft Graph tone name ({@code "tone0"}, {@code "star"}, {@code "flash"} …). */
    public String graphName() {
        return graphName;
    }

    /**
     * The tone of an RFC 4733 event code, or {@code null} when the code is not a DTMF event (negative or
     * above {@link #MAX_CODE}). Returns null instead of throwing because receivers must ignore such
     * codes silently.
     */
    public static DtmfTone fromCode(int code) {
        return code >= 0 && code <= MAX_CODE ? BY_CODE[code] : null;
    }

    /**
     * The tone of a key character; letters A-D are accepted in either case.
     *
     * @throws IllegalArgumentException naming the character when it is not a key
     */
    public static DtmfTone fromKey(char key) {
        DtmfTone tone = keyOrNull(key);
        if (tone == null) {
            throw new IllegalArgumentException(
                    "invalid DTMF key " + describe(key) + "; valid keys are " + VALID_KEYS);
        }
        return tone;
    }

    /**
     * The tone with this exact ACS tone name.
     *
     * @throws IllegalArgumentException when no tone has this ACS name
     */
    public static DtmfTone fromAcsName(String name) {
        DtmfTone tone = BY_ACS_NAME.get(name);
        if (tone == null) {
            throw new IllegalArgumentException("unknown ACS tone name \"" + name
                    + "\"; valid names are zero-nine, a-d, pound, asterisk");
        }
        return tone;
    }

    /**
     * The tone with this exact Graph tone name.
     *
     * @throws IllegalArgumentException when no tone has this Graph name
     */
    public static DtmfTone fromGraphName(String name) {
        DtmfTone tone = BY_GRAPH_NAME.get(name);
        if (tone == null) {
            throw new IllegalArgumentException("unknown Graph tone name \"" + name
                    + "\"; valid names are tone0-tone9, star, pound, a-d, flash");
        }
        return tone;
    }

    /**
     * Parses a string of keys such as {@code "12#*A"} into tones, in order. The empty string gives an
     * empty list.
     *
     * @throws IllegalArgumentException naming the first character that is not a key and its index
     */
    public static List<DtmfTone> parseKeys(CharSequence keys) {
        List<DtmfTone> tones = new ArrayList<>(keys.length());
        for (int i = 0; i < keys.length(); i++) {
            char c = keys.charAt(i);
            DtmfTone tone = keyOrNull(c);
            if (tone == null) {
                throw new IllegalArgumentException("invalid DTMF key " + describe(c) + " at index " + i
                        + " in \"" + keys + "\"; valid keys are " + VALID_KEYS);
            }
            tones.add(tone);
        }
        return tones;
    }

    /**
     * The key string of these tones, the inverse of {@link #parseKeys}.
     *
     * @throws IllegalStateException when the list holds {@link #FLASH}
     */
    public static String toKeys(List<DtmfTone> tones) {
        StringBuilder keys = new StringBuilder(tones.size());
        for (DtmfTone tone : tones) {
            keys.append(tone.key());
        }
        return keys.toString();
    }

    private static DtmfTone keyOrNull(char c) {
        if (c >= '0' && c <= '9') {
            return BY_CODE[c - '0'];
        }
        switch (c) {
            case '*':
                return STAR;
            case '#':
                return POUND;
            case 'A': case 'a':
                return A;
            case 'B': case 'b':
                return B;
            case 'C': case 'c':
                return C;
            case 'D': case 'd':
                return D;
            default:
                return null;
        }
    }

    private static String describe(char c) {
        return c >= 0x20 && c < 0x7f ? "'" + c + "'" : String.format("U+%04X", (int) c);
    }
}
