package io.callemu.asr.text;

import java.util.Locale;

/** The Speech service's {@code profanity} option; it shapes MaskedITN, Display and hypotheses, never Lexical or ITN. */
public enum ProfanityMode {
    /** Each letter of a profane word becomes {@code *} (the service default). */
    MASKED,
    /** Profane words are dropped as if they had not been said. */
    REMOVED,
    /** Nothing is filtered. */
    RAW;

    /** Parses the wire value ({@code masked}, {@code removed}, {@code raw}; case-insensitive). */
    public static ProfanityMode parse(String value) {
        for (ProfanityMode m : values()) {
            if (m.name().equalsIgnoreCase(value)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown profanity option '" + value + "': expected masked, removed or raw");
    }

    public String wireValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
