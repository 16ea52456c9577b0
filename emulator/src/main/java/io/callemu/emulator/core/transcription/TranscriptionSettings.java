package io.callemu.emulator.core.transcription;

import io.callemu.emulator.core.settings.Setting;
import io.callemu.emulator.core.settings.Settings;
import java.util.List;

/**
 * The settings of real-time transcription, listed by {@code GET /_emulator/settings} (the
 * {@code transcription.resultStatusCasing} fidelity switch is {@link Settings#TRANSCRIPTION_STATUS_CASING}).
 */
public final class TranscriptionSettings {

  public static final String QUEUE_LIMIT = "transcription.queueLimit";
  public static final String RECONNECT_ATTEMPTS = "transcription.reconnectAttempts";
  public static final String RECONNECT_DELAY_MS = "transcription.reconnectDelayMs";
  public static final String CONNECT_TIMEOUT_MS = "transcription.connectTimeoutMs";
  public static final String SEGMENTATION_SILENCE_MS = "transcription.segmentationSilenceMs";
  public static final String INTERMEDIATE_INTERVAL_MS = "transcription.intermediateIntervalMs";

  public static final List<Setting> ALL = List.of(
      Setting.number(QUEUE_LIMIT, 256, 1, 100_000,
          "frames that may wait per transcription stream while the app reads slowly or the socket "
              + "reconnects; beyond it Intermediate frames are dropped first, then the oldest Final, "
              + "each drop journalled",
          "callemu choice (bounded memory); the service's buffering is undocumented"),
      Setting.number(RECONNECT_ATTEMPTS, 3, 0, 100,
          "how often callemu tries to reopen a transcription WebSocket the app closed or refused "
              + "before it gives up with TranscriptionFailed 500/8578",
          "callemu choice; the service's retry policy is undocumented"),
      Setting.number(RECONNECT_DELAY_MS, 1_000, 0, 600_000,
          "delay before each reconnect attempt (emulated ms)", "callemu choice"),
      Setting.number(CONNECT_TIMEOUT_MS, 5_000, 100, 600_000,
          "how long one WebSocket connect may take (real ms) before the attempt counts as failed",
          "callemu choice"),
      Setting.number(SEGMENTATION_SILENCE_MS, 500, 100, 5_000,
          "silence after the caller stops speaking before the phrase's Final frame is sent (emulated ms)",
          "Speech service default segmentation silence, 500 ms"),
      Setting.number(INTERMEDIATE_INTERVAL_MS, 300, 50, 5_000,
          "speech covered by each further Intermediate frame of a phrase (emulated ms of speech)",
          "Speech service: a hypothesis about every 300 ms"));

  private TranscriptionSettings() {
  }
}
