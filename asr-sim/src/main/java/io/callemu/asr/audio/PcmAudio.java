package io.callemu.asr.audio;

/** Mono 16-bit PCM at 16 kHz, the one format the recognizer works on. */
public final class PcmAudio {

    public static final int SAMPLE_RATE = 16_000;
    public static final int SAMPLES_PER_MILLI = SAMPLE_RATE / 1000;

    private final short[] samples;

    private PcmAudio(short[] samples) {
        this.samples = samples;
    }

    /** Wraps samples (16 kHz mono) without copying; the caller must not change them afterwards. */
    public static PcmAudio of(short[] samples) {
        return new PcmAudio(samples);
    }

    /** The samples; shared, not copied. */
    public short[] samples() {
        return samples;
    }

    public int length() {
        return samples.length;
    }

    public long durationMillis() {
        return samples.length / SAMPLES_PER_MILLI;
    }
}
