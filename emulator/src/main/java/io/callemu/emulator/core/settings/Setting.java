package io.callemu.emulator.core.settings;

import java.util.List;
import java.util.Locale;

/**
 * One tunable of the emulator: a whole number within bounds or one of a fixed set of words, with
 * its default and the documents behind the default (listed by {@code GET /_emulator/settings}).
 */
public record Setting(String key, String defaultValue, String description, String source,
    long min, long max, List<String> choices) {

  /** A whole-number setting in {@code [min, max]}. */
  public static Setting number(String key, long defaultValue, long min, long max,
      String description, String source) {
    return new Setting(key, Long.toString(defaultValue), description, source, min, max, List.of());
  }

  /** A setting that takes one of {@code choices}. */
  public static Setting choice(String key, String defaultValue, List<String> choices,
      String description, String source) {
    return new Setting(key, defaultValue, description, source, 0, 0, List.copyOf(choices));
  }

  /**
   * The value in canonical form.
   *
   * @throws IllegalArgumentException with a message naming the key and what it accepts
   */
  public String normalize(String value) {
    if (value == null) {
      throw new IllegalArgumentException("setting " + key + " needs a value");
    }
    String v = value.trim();
    if (!choices.isEmpty()) {
      if (choices.contains(v)) {
        // exact first: choices may differ only in case (Final / final)
        return v;
      }
      String lower = v.toLowerCase(Locale.ROOT);
      for (String c : choices) {
        if (c.toLowerCase(Locale.ROOT).equals(lower)) {
          return c;
        }
      }
      throw new IllegalArgumentException("setting " + key + " takes one of " + choices + ", got '" + value + "'");
    }
    long n;
    try {
      n = Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("setting " + key + " takes a whole number, got '" + value + "'");
    }
    if (n < min || n > max) {
      throw new IllegalArgumentException("setting " + key + " must be within " + min + ".." + max + ", got " + n);
    }
    return Long.toString(n);
  }
}
