package io.callemu.emulator.platform.journal;

import io.callemu.emulator.core.settings.Setting;
import java.util.List;

/** The journal's settings. */
public final class JournalSettings {

  public static final Setting<Long> CAPACITY = Setting.number("journal.capacity", 10_000, 10, 10_000_000,
      "entries the in-memory journal keeps (oldest dropped first; --journal files keep all)",
      "callemu choice (bounded memory)");

  public static final List<Setting<?>> ALL = List.of(CAPACITY);

  private JournalSettings() {
  }
}
