package io.callemu.emulator.surface.speech.recognition;

import java.util.Locale;

/**
 * The {@code profanity} option: {@code masked} (the default: each letter of a profane word becomes
 * {@code *}, hypotheses with profanity are withheld), {@code removed} (dropped as if unsaid) or
 * {@code raw}. It shapes MaskedITN and Display, never Lexical or ITN.
 */
public enum ProfanityOption {
  MASKED,
  REMOVED,
  RAW;

  /**
   * Parses a wire value in any case ({@code Raw} from the JS SDK's speech.context, {@code raw} from Java's).
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  public static ProfanityOption parse(String value) {
    for (ProfanityOption p : values()) {
      if (p.name().equalsIgnoreCase(value.trim())) {
        return p;
      }
    }
    throw new IllegalArgumentException("profanity must be masked, removed or raw, was '" + value + "'");
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
