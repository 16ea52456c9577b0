package io.callemu.emulator.core.settings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The current value of every registered {@link Setting}: its default until changed by {@code
 * --set} or {@code POST /_emulator/settings}. Each feature owns its settings (a group: a class with
 * {@code Setting} constants and a list of them); the composition root registers the groups, so this
 * class knows no feature. Read on the emulator's context only.
 */
public final class Settings {

  /** What the listing shows of one setting. */
  public record Entry(Setting<?> setting, String value, String setBy) {
  }

  private final Map<String, Setting<?>> known = new LinkedHashMap<>();
  private final Map<Setting<?>, Object> values = new LinkedHashMap<>();
  private final Map<Setting<?>, String> origins = new LinkedHashMap<>();

  /** Registers every setting of the groups, in order; a key registered twice is a programming error. */
  @SafeVarargs
  public Settings(List<? extends Setting<?>>... groups) {
    for (List<? extends Setting<?>> group : groups) {
      for (Setting<?> s : group) {
        if (known.putIfAbsent(s.key(), s) != null) {
          throw new IllegalStateException("setting " + s.key() + " is registered twice");
        }
      }
    }
  }

  /** The current value of {@code setting}. */
  @SuppressWarnings("unchecked")
  public <T> T get(Setting<T> setting) {
    Object v = values.get(setting);
    return v != null ? (T) v : setting.defaultValue();
  }

  /**
   * Checks {@code value} for {@code key} without setting it.
   *
   * @throws IllegalArgumentException for an unknown key or a bad value
   */
  public void check(String key, String value) {
    setting(key).parse(value);
  }

  /**
   * Sets {@code key}; {@code origin} is shown by the listing ({@code "--set"}, {@code "api"}).
   *
   * @throws IllegalArgumentException for an unknown key or a bad value (nothing changes)
   */
  public void set(String key, String value, String origin) {
    Setting<?> s = setting(key);
    values.put(s, s.parse(value));
    origins.put(s, origin);
  }

  /** Every setting in registration order with its current value and who set it. */
  public List<Entry> entries() {
    List<Entry> out = new ArrayList<>();
    for (Setting<?> s : known.values()) {
      out.add(new Entry(s, text(s), origins.getOrDefault(s, "default")));
    }
    return out;
  }

  private <T> String text(Setting<T> s) {
    return s.format(get(s));
  }

  private Setting<?> setting(String key) {
    Setting<?> s = known.get(key);
    if (s == null) {
      throw new IllegalArgumentException("unknown setting '" + key + "' (known: " + known.keySet() + ")");
    }
    return s;
  }
}
