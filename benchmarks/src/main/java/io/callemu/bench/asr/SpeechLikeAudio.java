package io.callemu.bench.asr;

import java.util.Random;

/**
 * Deterministic stand-in for call audio, looped by the benchmarks: steady noise at -45 dBFS with
 * "phrases" of 1.5 s (a 150 Hz buzz with harmonics, its loudness pulsing at 4 syllables a second)
 * separated by 1 s pauses (a 2.5 s cycle), so the detector and segmenter go through every state.
 */
public final class SpeechLikeAudio {

    public static final int SAMPLE_RATE = 16_000;
    /** One phrase and its pause. */
    static final int CYCLE_MILLIS = 2_500;

    private SpeechLikeAudio() {
    }

    public static short[] tenSeconds() {
        Random random = new Random(1);
        short[] out = new short[10 * SAMPLE_RATE];
        double noiseRms = 32768 * Math.pow(10, -45 / 20.0);
        for (int i = 0; i < out.length; i++) {
            double t = (double) i / SAMPLE_RATE;
            double inCycle = t % 2.5;
            double voice = 0;
            if (inCycle < 1.5) {
                double syllable = 0.5 - 0.5 * Math.cos(2 * Math.PI * 4 * inCycle);
                for (int h = 1; h <= 5; h++) {
                    voice += Math.sin(2 * Math.PI * 150 * h * t) / h;
                }
                voice *= 6000 * syllable;
            }
            out[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, voice + random.nextGaussian() * noiseRms));
        }
        return out;
    }

    /** The same ten seconds as a phone sends them over RTP: 8 kHz (pairs averaged), G.711 µ-law, 80 000 bytes. */
    static byte[] tenSecondsMuLaw() {
        short[] wide = tenSeconds();
        byte[] out = new byte[wide.length / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = muLaw((wide[2 * i] + wide[2 * i + 1]) / 2);
        }
        return out;
    }

    /** G.711 µ-law encoding (ITU-T G.711): bias 0x84, a 3-bit segment, a 4-bit step, the byte complemented. */
    private static byte muLaw(int sample) {
        int sign = sample < 0 ? 0x80 : 0;
        int magnitude = Math.min(Math.abs(sample), 32635) + 0x84;
        int exponent = 7;
        for (int mask = 0x4000; (magnitude & mask) == 0 && exponent > 0; mask >>= 1) {
            exponent--;
        }
        int mantissa = (magnitude >> (exponent + 3)) & 0x0f;
        return (byte) ~(sign | (exponent << 4) | mantissa);
    }
}
