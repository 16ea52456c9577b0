package io.callemu.asr.vad;

/**
 * Tuning of the {@link EnergyVad}.
 *
 * @param thresholdDb   how far above the noise floor a frame's energy must be to count as voiced
 * @param silenceDbfs   frames quieter than this (dB relative to full scale, measured after smoothing) are silence, not noise
 * @param hangoverMs    how long speech continues through unvoiced frames (gaps between words, soft consonants)
 * @param minSpeechMs   voiced time needed before speech is declared (clicks and knocks are shorter)
 */
public record VadSettings(double thresholdDb, double silenceDbfs, int hangoverMs, int minSpeechMs) {

    /** Tuned on the espeak-ng fixtures in white noise: start within 60 ms and end within 150 ms down to 5 dB SNR. */
    public static final VadSettings DEFAULT = new VadSettings(6.0, -60.0, 200, 100);

    public VadSettings {
        if (!(thresholdDb > 0)) {
            throw new IllegalArgumentException("thresholdDb must be positive: " + thresholdDb);
        }
        if (hangoverMs < EnergyVad.FRAME_MILLIS || minSpeechMs < EnergyVad.FRAME_MILLIS) {
            throw new IllegalArgumentException("hangover and minimum speech must be at least one frame ("
                    + EnergyVad.FRAME_MILLIS + " ms)");
        }
    }
}
