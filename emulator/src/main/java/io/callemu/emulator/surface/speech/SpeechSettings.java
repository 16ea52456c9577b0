package io.callemu.emulator.surface.speech;

import io.callemu.emulator.settings.Setting;
import io.callemu.emulator.surface.speech.usp.HypothesesPolicy;
import java.util.Arrays;
import java.util.List;

/** The settings of the Speech surface, listed by {@code GET /_emulator/settings}. */
public final class SpeechSettings {

  public static final String MAX_SESSIONS = "speech.maxSessions";
  public static final String IDLE_TIMEOUT_MS = "speech.idleTimeoutMs";
  public static final String MAX_TURN_SECONDS = "speech.maxTurnSeconds";
  public static final String CONTINUOUS_HYPOTHESES = "speech.continuousHypotheses";

  public static final List<Setting> ALL = List.of(
      Setting.number(MAX_SESSIONS, 500, 1, 100_000,
          "Speech recognitions at once: open WebSocket connections plus REST requests being read; past it a"
              + " handshake or request is refused with 429",
          "callemu choice (bounded resources); the service's concurrency quota is 100 by default (S0)"),
      Setting.number(IDLE_TIMEOUT_MS, 180_000, 100, 3_600_000,
          "how long (real ms) a WebSocket connection or a REST upload may pass without a message or data before"
              + " callemu closes it (WebSocket close 1000; REST 408)",
          "Bing Speech WebSocket protocol: an idle connection is closed after 180 s"),
      Setting.number(MAX_TURN_SECONDS, 600, 1, 3_600,
          "audio one WebSocket turn may carry; more closes the connection with 1008",
          "Bing Speech WebSocket protocol: a connection lasts at most 10 minutes"),
      Setting.choice(CONTINUOUS_HYPOTHESES, HypothesesPolicy.SDK.wireName(),
          Arrays.stream(HypothesesPolicy.values()).map(HypothesesPolicy::wireName).toList(),
          "speech.hypothesis in conversation and dictation turns whose speech.context does not ask: sdk = to"
              + " clients whose speech.config names the Speech SDK, always, never",
          "seed 003 (Bing era): no partial results in dictation and conversation modes; the Speech SDKs raise"
              + " recognizing events in continuous recognition; UNVERIFIED which the live service does"));

  private SpeechSettings() {
  }
}
