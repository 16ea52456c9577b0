package io.callemu.emulator.core.media;

import io.callemu.emulator.core.settings.Setting;
import java.util.List;

/** The settings of recordResponse (listed by {@code GET /_emulator/settings}). */
public final class RecordSettings {

  public static final Setting<Long> BEEP_MS = Setting.number("recordResponse.beepMs", 500, 0, 10_000,
      "how long the beep of a recordResponse with playBeep plays (emulated ms); the initial silence starts after it",
      "callemu choice: the beep's length is UNVERIFIED (reference graph-and-speech.md A7.7 suggests about 0.5 s)");

  public static final List<Setting<?>> ALL = List.of(BEEP_MS);

  private RecordSettings() {
  }
}
