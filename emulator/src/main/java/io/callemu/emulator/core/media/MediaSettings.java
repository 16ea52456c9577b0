package io.callemu.emulator.core.media;

import io.callemu.emulator.core.settings.Setting;
import java.util.List;

/** The settings of prompts, caller audio and the calls' RTP ports. */
public final class MediaSettings {

  public static final Setting<Long> WORDS_PER_MINUTE = Setting.number("prompt.wordsPerMinute", 150, 1, 10_000,
      "how fast a text or SSML prompt 'plays' (its length is words / rate, plus SSML breaks)",
      "callemu choice (typical neural TTS speaking rate)");
  public static final Setting<Long> DEFAULT_FILE_MS = Setting.number("prompt.defaultFileMs", 3_000, 0, 3_600_000,
      "how long a file prompt on a non-loopback host plays (callemu is offline and cannot fetch it)",
      "callemu choice");
  public static final Setting<Long> FETCH_TIMEOUT_MS = Setting.number("prompt.fetchTimeoutMs", 5_000, 100, 600_000,
      "how long fetching a loopback prompt file may take (real ms) before PlayFailed 8536", "callemu choice");
  public static final Setting<Long> SEGMENTATION_SILENCE_MS = Setting.number("speech.segmentationSilenceMs", 500,
      0, 60_000, "silence (ms) that splits the voice activity of an uploaded WAV into utterances",
      "Speech SDK InitialSegmentationSilenceTimeoutInSeconds default 0.5 s (no wire field)");
  public static final Setting<Long> RTP_MAX_PACKETS_PER_SECOND = Setting.number("rtp.maxPacketsPerSecond", 2_000,
      1, 1_000_000, "packets per second and call the RTP port decodes; the rest are dropped and counted",
      "callemu choice (a flood on one call must not starve the others)");
  public static final Setting<Boolean> RTP_PORT_PER_CALL = Setting.flag("rtp.portPerCall", true,
      "whether each new call binds its own UDP port for RFC 4733 DTMF (false saves one file descriptor per "
          + "call in load tests; the control API's dtmf still works)",
      "CONTRACT section 3");

  public static final List<Setting<?>> PROMPTS = List.of(WORDS_PER_MINUTE, DEFAULT_FILE_MS, FETCH_TIMEOUT_MS);
  public static final List<Setting<?>> CALLER_AUDIO = List.of(SEGMENTATION_SILENCE_MS, RTP_MAX_PACKETS_PER_SECOND,
      RTP_PORT_PER_CALL);

  private MediaSettings() {
  }
}
