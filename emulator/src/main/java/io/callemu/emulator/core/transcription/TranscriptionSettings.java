package io.callemu.emulator.core.transcription;

import io.callemu.emulator.core.settings.Setting;
import java.util.List;

/** The settings of when transcript segments are due. */
public final class TranscriptionSettings {

  public static final Setting<Long> SEGMENTATION_SILENCE_MS = Setting.number("transcription.segmentationSilenceMs",
      500, 100, 5_000,
      "silence after the caller stops speaking before the phrase's Final frame is sent (emulated ms)",
      "Speech service default segmentation silence, 500 ms");
  public static final Setting<Long> INTERMEDIATE_INTERVAL_MS = Setting.number(
      "transcription.intermediateIntervalMs", 300, 50, 5_000,
      "speech covered by each further Intermediate frame of a phrase (emulated ms of speech)",
      "Speech service: a hypothesis about every 300 ms");

  public static final List<Setting<?>> ALL = List.of(SEGMENTATION_SILENCE_MS, INTERMEDIATE_INTERVAL_MS);

  private TranscriptionSettings() {
  }
}
