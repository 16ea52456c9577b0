package io.callemu.emulator.core.media;

import io.callemu.dtmf.DtmfTone;
import java.util.Set;

/**
 * A validated recordResponse (reference graph-and-speech.md A7.1).
 *
 * @param prompt played before the beep, or null
 * @param bargeIn cancel the running and queued media operations and start at once
 * @param initialSilenceMs how long the caller may stay silent after the prompt and the beep
 * @param maxSilenceMs how long the caller may pause once it started speaking
 * @param maxRecordMs how long the recording may last (at most {@link #MAX_RECORD_MS})
 * @param playBeep play a beep between the prompt and the recording
 * @param stopTones keys that end the recording
 */
public record RecordSpec(PlaySource prompt, boolean bargeIn, long initialSilenceMs, long maxSilenceMs,
    long maxRecordMs, boolean playBeep, Set<DtmfTone> stopTones) {

  /** The two-minute cap on a recording (reference A7). */
  public static final long MAX_RECORD_MS = 120_000;

  public RecordSpec {
    stopTones = Set.copyOf(stopTones);
    if (maxRecordMs > MAX_RECORD_MS) {
      throw new IllegalArgumentException("a recording lasts at most " + MAX_RECORD_MS + " ms");
    }
  }
}
