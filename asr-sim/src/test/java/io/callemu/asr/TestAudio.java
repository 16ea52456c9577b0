package io.callemu.asr;

import io.callemu.asr.audio.PcmAudio;
import io.callemu.asr.audio.WavReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Random;

/** Test audio: the committed espeak-ng fixtures, padding of known length, seeded white noise at a given SNR. */
public final class TestAudio {

    private TestAudio() {
    }

    public static byte[] fixtureBytes(String name) {
        try (InputStream in = TestAudio.class.getResourceAsStream("/speech/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static PcmAudio fixture(String name) {
        return WavReader.read(fixtureBytes(name));
    }

    /** The clip with {@code beforeMs} and {@code afterMs} of digital silence around it. */
    public static short[] padded(PcmAudio clip, int beforeMs, int afterMs) {
        int before = beforeMs * PcmAudio.SAMPLES_PER_MILLI;
        short[] out = new short[before + clip.length() + afterMs * PcmAudio.SAMPLES_PER_MILLI];
        System.arraycopy(clip.samples(), 0, out, before, clip.length());
        return out;
    }

    /**
     * Adds seeded Gaussian white noise to the whole signal so that the clip's own power over the noise
     * power is {@code snrDb}; samples saturate at 16-bit full scale.
     */
    public static short[] withNoise(short[] signal, PcmAudio clip, double snrDb, long seed) {
        double noiseRms = Math.sqrt(power(clip.samples()) / Math.pow(10, snrDb / 10));
        return addNoise(signal, noiseRms, seed);
    }

    /** Noise alone at an RMS level in dBFS. */
    public static short[] noise(int millis, double rmsDbfs, long seed) {
        return addNoise(new short[millis * PcmAudio.SAMPLES_PER_MILLI], 32768 * Math.pow(10, rmsDbfs / 20), seed);
    }

    private static short[] addNoise(short[] signal, double noiseRms, long seed) {
        Random random = new Random(seed);
        short[] out = new short[signal.length];
        for (int i = 0; i < signal.length; i++) {
            long v = Math.round(signal[i] + random.nextGaussian() * noiseRms);
            out[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, v));
        }
        return out;
    }

    static double power(short[] s) {
        double sum = 0;
        for (short v : s) {
            sum += (double) v * v;
        }
        return sum / s.length;
    }
}
