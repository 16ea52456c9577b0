package io.callemu.emulator.surface.speech.recognition;

import java.util.Locale;

/** The {@code format} of results: {@code simple} (display text only) or {@code detailed} (N-best with every text form). */
public enum OutputFormat {
  SIMPLE,
  DETAILED;

  /**
   * Parses a wire value in any case.
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  public static OutputFormat parse(String value) {
    for (OutputFormat f : values()) {
      if (f.name().equalsIgnoreCase(value.trim())) {
        return f;
      }
    }
    throw new IllegalArgumentException("format must be simple or detailed, was '" + value + "'");
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
