package io.callemu.emulator.platform.webhook;

import io.callemu.emulator.core.settings.Setting;
import java.util.List;

/** The settings of callback delivery. */
public final class CallbackSettings {

  public static final Setting<Long> MAX_ATTEMPTS = Setting.number("callback.maxAttempts", 5, 1, 100,
      "delivery attempts per callback before it is journalled as undelivered",
      "callemu choice (the service's retry policy is undocumented)");
  public static final Setting<Long> RETRY_DELAY_MS = Setting.number("callback.retryDelayMs", 1_000, 0, 3_600_000,
      "delay before the first retry of a failed callback (emulated ms); doubles per attempt", "callemu choice");
  public static final Setting<Long> TIMEOUT_MS = Setting.number("callback.timeoutMs", 10_000, 100, 600_000,
      "how long one callback POST may stay unanswered (real ms) before it counts as failed", "callemu choice");
  public static final Setting<Long> QUEUE_LIMIT = Setting.number("callback.queueLimit", 1_000, 1, 1_000_000,
      "callbacks that may wait per call; more are journalled as undelivered (queue full)",
      "callemu choice (bounded memory)");

  public static final List<Setting<?>> ALL = List.of(MAX_ATTEMPTS, RETRY_DELAY_MS, TIMEOUT_MS, QUEUE_LIMIT);

  private CallbackSettings() {
  }
}
