package io.callemu.emulator.surface.speech;

import io.callemu.emulator.core.settings.Setting;
import io.callemu.emulator.surface.speech.usp.HypothesesPolicy;
import java.util.List;

/** The settings of the Speech surface, listed by {@code GET /_emulator/settings}. */
public final class SpeechSettings {

  public static final Setting<Long> MAX_SESSIONS = Setting.number("speech.maxSessions", 500, 1, 100_000,
      "Speech recognitions at once: open WebSocket connections plus REST requests being read; past it a"
          + " handshake or request is refused with 429",
      "callemu choice (bounded resources); the service's concurrency quota is 100 by default (S0)");
  public static final Setting<Long> IDLE_TIMEOUT_MS = Setting.number("speech.idleTimeoutMs", 180_000, 100,
      3_600_000,
      "how long (real ms) a WebSocket connection or a REST upload may pass without a message or data before"
          + " callemu closes it (WebSocket close 1000; REST 408)",
      "Bing Speech WebSocket protocol: an idle connection is closed after 180 s");
  public static final Setting<Long> MAX_TURN_SECONDS = Setting.number("speech.maxTurnSeconds", 600, 1, 3_600,
      "audio one WebSocket turn may carry; more closes the connection with 1008",
      "Bing Speech WebSocket protocol: a connection lasts at most 10 minutes");
  public static final Setting<HypothesesPolicy> CONTINUOUS_HYPOTHESES = Setting.choice("speech.continuousHypotheses",
      HypothesesPolicy.SDK, HypothesesPolicy.class,
      "speech.hypothesis in conversation and dictation turns whose speech.context does not ask: sdk = to"
          + " clients whose speech.config names the Speech SDK, always, never",
      "the Bing-era WebSocket protocol documents no partial results in dictation and conversation modes; the"
          + " Speech SDKs raise recognizing events in continuous recognition; UNVERIFIED which the live service does");

  public static final List<Setting<?>> ALL = List.of(MAX_SESSIONS, IDLE_TIMEOUT_MS, MAX_TURN_SECONDS,
      CONTINUOUS_HYPOTHESES);

  private SpeechSettings() {
  }
}
