package io.callemu.emulator.core.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One tunable of the emulator with its type: a whole number within bounds, a flag, or one of a
 * fixed set of words. It knows its default and the documents behind it (listed by {@code GET
 * /_emulator/settings}) and how its text form ({@code --set key=value}) reads.
 *
 * @param <T> {@link Long}, {@link Boolean} or a {@link Choice} enum
 */
public final class Setting<T> {

  /**
   * An enum constant a choice setting takes, with the word that names it on the wire: its name in
   * lower case unless the constant says otherwise.
   */
  public interface Choice {
    default String wire() {
      return ((Enum<?>) this).name().toLowerCase(Locale.ROOT);
    }
  }

  private final String key;
  private final T defaultValue;
  private final String description;
  private final String source;
  private final long min;
  private final long max;
  private final List<T> choices;

  private Setting(String key, T defaultValue, String description, String source, long min, long max,
      List<T> choices) {
    this.key = key;
    this.defaultValue = defaultValue;
    this.description = description;
    this.source = source;
    this.min = min;
    this.max = max;
    this.choices = choices;
  }

  /** A whole-number setting in {@code [min, max]}. */
  public static Setting<Long> number(String key, long defaultValue, long min, long max,
      String description, String source) {
    return new Setting<>(key, defaultValue, description, source, min, max, List.of());
  }

  /** A setting that is {@code true} or {@code false}. */
  public static Setting<Boolean> flag(String key, boolean defaultValue, String description, String source) {
    return new Setting<>(key, defaultValue, description, source, 0, 0, List.of(defaultValue, !defaultValue));
  }

  /** A setting that takes one constant of {@code type}, named by its {@link Choice#wire()} word. */
  public static <E extends Enum<E> & Choice> Setting<E> choice(String key, E defaultValue, Class<E> type,
      String description, String source) {
    List<E> ordered = new ArrayList<>();
    ordered.add(defaultValue);
    for (E e : type.getEnumConstants()) {
      if (e != defaultValue) {
        ordered.add(e);
      }
    }
    return new Setting<>(key, defaultValue, description, source, 0, 0, List.copyOf(ordered));
  }

  public String key() {
    return key;
  }

  public T defaultValue() {
    return defaultValue;
  }

  public String description() {
    return description;
  }

  /** The documents (or callemu's reasoning) behind the default. */
  public String source() {
    return source;
  }

  /** Whether the setting is a whole number (then {@link #min()} and {@link #max()} apply). */
  public boolean isNumber() {
    return choices.isEmpty();
  }

  public long min() {
    return min;
  }

  public long max() {
    return max;
  }

  /** The words a flag or choice takes, the default first; empty for a number. */
  public List<String> choiceWords() {
    return choices.stream().map(this::format).toList();
  }

  /**
   * The value {@code text} stands for.
   *
   * @throws IllegalArgumentException naming the key and what it accepts
   */
  public T parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("setting " + key + " needs a value");
    }
    String v = text.trim();
    if (isNumber()) {
      long n;
      try {
        n = Long.parseLong(v);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("setting " + key + " takes a whole number, got '" + text + "'");
      }
      if (n < min || n > max) {
        throw new IllegalArgumentException("setting " + key + " must be within " + min + ".." + max + ", got " + n);
      }
      @SuppressWarnings("unchecked")
      T value = (T) Long.valueOf(n);
      return value;
    }
    // Exact first: choices may differ only in case (Final / final).
    for (T c : choices) {
      if (format(c).equals(v)) {
        return c;
      }
    }
    for (T c : choices) {
      if (format(c).toLowerCase(Locale.ROOT).equals(v.toLowerCase(Locale.ROOT))) {
        return c;
      }
    }
    throw new IllegalArgumentException("setting " + key + " takes one of " + choiceWords() + ", got '" + text + "'");
  }

  /** The text form of {@code value}. */
  public String format(T value) {
    return value instanceof Choice c ? c.wire() : String.valueOf(value);
  }
}
