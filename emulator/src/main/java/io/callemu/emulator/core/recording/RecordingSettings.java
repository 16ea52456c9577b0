package io.callemu.emulator.core.recording;

import io.callemu.emulator.core.settings.Setting;
import java.util.List;

/** Where recordings go and how long they stay (listed by {@code GET /_emulator/settings}). */
public final class RecordingSettings {

  public static final Setting<Long> RETENTION_MS = Setting.number("graph.recordingRetentionMs", 600_000, 0,
      86_400_000, "how long (emulated ms) after its call ended a recording can still be downloaded; then it is "
          + "deleted and its location answers 404",
      "CONTRACT section 6; Graph discards recordings 'shortly after the call ends' "
          + "(https://learn.microsoft.com/graph/api/call-record), the delay is UNVERIFIED");
  public static final Setting<Long> MAX_TOTAL_BYTES = Setting.number("graph.recordingMaxTotalBytes", 512L << 20,
      4L << 20, 1L << 40, "bytes of recordings kept in the data dir; beyond it the oldest are deleted (journalled)",
      "callemu choice (bounded disk use; a two-minute recording is 3.84 MB)");

  public static final List<Setting<?>> ALL = List.of(RETENTION_MS, MAX_TOTAL_BYTES);

  private RecordingSettings() {
  }
}
