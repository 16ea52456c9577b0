package io.callemu.asr;

import io.callemu.asr.audio.G711;
import io.callemu.asr.audio.PcmAudio;
import io.callemu.asr.audio.WavReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

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

    /**
     * 16 kHz samples as a caller's phone sends them: halved to 8 kHz (each pair averaged) and companded
     * with the JDK's own G.711 encoder.
     */
    public static byte[] g711(short[] samples16k, G711 law) {
        int n = samples16k.length / 2;
        byte[] pcm = new byte[2 * n];
        for (int i = 0; i < n; i++) {
            int s = (samples16k[2 * i] + samples16k[2 * i + 1]) / 2;
            pcm[2 * i] = (byte) s;
            pcm[2 * i + 1] = (byte) (s >> 8);
        }
        AudioFormat linear = new AudioFormat(8000, 16, 1, true, false);
        AudioFormat.Encoding encoding = law == G711.MU_LAW ? AudioFormat.Encoding.ULAW : AudioFormat.Encoding.ALAW;
        AudioFormat companded = new AudioFormat(encoding, 8000, 8, 1, 1, 8000, false);
        try (AudioInputStream in = AudioSystem.getAudioInputStream(companded,
                new AudioInputStream(new java.io.ByteArrayInputStream(pcm), linear, n))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double power(short[] s) {
        double sum = 0;
        for (short v : s) {
            sum += (double) v * v;
        }
        return sum / s.length;
    }
}
