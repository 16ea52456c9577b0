package io.callemu.asr.audio;

/**
 * Collects G.711 payloads of any length (RTP packets of 10, 20 or 30 ms) into 20 ms frames of 16 kHz
 * linear PCM, the detector's frame: 160 code bytes are decoded and upsampled to 320 samples. Bytes
 * that do not fill a frame wait for the next payload. One instance follows one stream; it allocates
 * nothing after construction.
 */
public final class G711FrameAssembler {

    /** Receives each completed frame; the array is reused for the next one. */
    @FunctionalInterface
    public interface FrameSink {
        void frame(short[] samples16k, int offset);
    }

    /** Samples per 20 ms at 8 kHz. */
    public static final int NARROW_FRAME_SAMPLES = 160;

    private final short[] narrow = new short[NARROW_FRAME_SAMPLES];
    private final short[] wide = new short[2 * NARROW_FRAME_SAMPLES];
    private final Upsampler upsampler = new Upsampler();
    private int filled;

    /** Adds {@code length} code bytes; every frame they complete goes to {@code sink}. Returns the frames completed. */
    public int push(G711 law, byte[] payload, int offset, int length, FrameSink sink) {
        if (offset < 0 || length < 0 || offset + length > payload.length) {
            throw new IllegalArgumentException("payload range " + offset + "+" + length + " outside " + payload.length + " bytes");
        }
        int frames = 0;
        int at = offset;
        int end = offset + length;
        while (at < end) {
            int take = Math.min(end - at, NARROW_FRAME_SAMPLES - filled);
            law.decode(payload, at, take, narrow, filled);
            filled += take;
            at += take;
            if (filled == NARROW_FRAME_SAMPLES) {
                upsampler.process(narrow, 0, NARROW_FRAME_SAMPLES, wide, 0);
                filled = 0;
                frames++;
                sink.frame(wide, 0);
            }
        }
        return frames;
    }

    /** Code bytes received that do not yet make a whole frame. */
    public int pendingSamples() {
        return filled;
    }
}
