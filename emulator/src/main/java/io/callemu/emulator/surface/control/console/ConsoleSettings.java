package io.callemu.emulator.surface.control.console;

import io.callemu.emulator.core.settings.Setting;
import java.util.List;

/** The web console's settings: how much it keeps and how much a slow tab may hold up. */
public final class ConsoleSettings {

  public static final Setting<Long> TAB_BUFFER_KIB = Setting.number("console.tabBufferKiB", 1_024, 16, 65_536,
      "KiB of live-feed messages that may wait for one console tab that reads slowly; when more come, the"
          + " waiting ones are dropped and the tab is told to resync",
      "callemu choice (bounded memory)");

  public static final Setting<Long> HISTORY = Setting.number("console.history", 10_000, 100, 1_000_000,
      "timeline items (call, media, caller and journal events of calls) the console keeps, oldest dropped first",
      "callemu choice (bounded memory)");

  public static final List<Setting<?>> ALL = List.of(TAB_BUFFER_KIB, HISTORY);

  private ConsoleSettings() {
  }
}
