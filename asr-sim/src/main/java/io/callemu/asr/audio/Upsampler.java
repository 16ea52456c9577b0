package io.callemu.asr.audio;

/**
 * 8 kHz to 16 kHz by linear interpolation, one block after another: each input sample is preceded by
 * the midpoint between it and the sample before (the previous block's last, kept here). That delays
 * the signal by half an input sample (62.5 µs), keeps its timing exact, and is enough for energy-based
 * voice activity detection. One instance follows one stream; it allocates nothing.
 */
public final class Upsampler {

    private int previous;
    private boolean started;

    /** Writes {@code 2 × count} samples at 16 kHz to {@code out[outOffset]} for {@code count} samples at 8 kHz. */
    public void process(short[] in, int offset, int count, short[] out, int outOffset) {
        int prev = started || count == 0 ? previous : in[offset];
        for (int i = 0; i < count; i++) {
            int s = in[offset + i];
            out[outOffset + 2 * i] = (short) ((prev + s) >> 1);
            out[outOffset + 2 * i + 1] = (short) s;
            prev = s;
        }
        if (count > 0) {
            previous = prev;
            started = true;
        }
    }

    /** A whole clip at 8 kHz, upsampled. */
    public static short[] upsample(short[] narrow) {
        short[] wide = new short[narrow.length * 2];
        new Upsampler().process(narrow, 0, narrow.length, wide, 0);
        return wide;
    }
}
