package io.callemu.emulator.core.recording;

/**
 * A stretch of a caller's audio on the emulated clock: 16 kHz mono PCM samples that begin at
 * {@code startsAt}. The samples are shared, never copied or changed.
 *
 * @param participantRawId who sent it
 * @param startsAt emulated epoch ms of the first sample
 * @param samples 16-bit PCM at {@link #SAMPLE_RATE}
 */
public record AudioClip(String participantRawId, long startsAt, short[] samples) {

  public static final int SAMPLE_RATE = 16_000;
  static final int SAMPLES_PER_MS = SAMPLE_RATE / 1000;

  /** Emulated epoch ms just after the last sample. */
  public long endsAt() {
    return startsAt + samples.length / SAMPLES_PER_MS;
  }
}
