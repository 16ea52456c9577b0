package io.callemu.emulator.surface.acs.transcription;

import io.callemu.asr.wire.ResultStatusCasing;
import io.callemu.emulator.core.settings.Setting;
import java.util.List;

/** The settings of the ACS transcription WebSocket: buffering, reconnects, and the frames' casing. */
public final class TranscriptionStreamSettings {

  /** The casing of {@code resultStatus} in TranscriptionData frames. */
  public enum StatusCasing implements Setting.Choice {
    CAPITALISED("Final", ResultStatusCasing.CAPITALIZED), LOWER("final", ResultStatusCasing.LOWER_CASE);

    private final String wire;
    private final ResultStatusCasing casing;

    StatusCasing(String wire, ResultStatusCasing casing) {
      this.wire = wire;
      this.casing = casing;
    }

    @Override
    public String wire() {
      return wire;
    }

    ResultStatusCasing casing() {
      return casing;
    }
  }

  public static final Setting<StatusCasing> RESULT_STATUS_CASING = Setting.choice(
      "transcription.resultStatusCasing", StatusCasing.CAPITALISED, StatusCasing.class,
      "casing of resultStatus in TranscriptionData frames",
      "the real-time transcription tutorial's sample and the JS SDK test payload say 'Final', the SDK enums "
          + "lower case (https://learn.microsoft.com/azure/communication-services/how-tos/call-automation/"
          + "real-time-transcription-tutorial)");
  public static final Setting<Long> QUEUE_LIMIT = Setting.number("transcription.queueLimit", 256, 1, 100_000,
      "frames that may wait per transcription stream while the app reads slowly or the socket reconnects; "
          + "beyond it Intermediate frames are dropped first, then the oldest Final, each drop journalled",
      "callemu choice (bounded memory); the service's buffering is undocumented");
  public static final Setting<Long> RECONNECT_ATTEMPTS = Setting.number("transcription.reconnectAttempts", 3, 0, 100,
      "how often callemu tries to reopen a transcription WebSocket the app closed or refused before it gives up "
          + "with TranscriptionFailed 500/8578",
      "callemu choice; the service's retry policy is undocumented");
  public static final Setting<Long> RECONNECT_DELAY_MS = Setting.number("transcription.reconnectDelayMs", 1_000, 0,
      600_000, "delay before each reconnect attempt (emulated ms)", "callemu choice");
  public static final Setting<Long> CONNECT_TIMEOUT_MS = Setting.number("transcription.connectTimeoutMs", 5_000, 100,
      600_000, "how long one WebSocket connect may take (real ms) before the attempt counts as failed",
      "callemu choice");

  public static final List<Setting<?>> ALL = List.of(RESULT_STATUS_CASING, QUEUE_LIMIT, RECONNECT_ATTEMPTS,
      RECONNECT_DELAY_MS, CONNECT_TIMEOUT_MS);

  private TranscriptionStreamSettings() {
  }
}
