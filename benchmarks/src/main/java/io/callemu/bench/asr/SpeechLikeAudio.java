package io.callemu.bench.asr;

import java.util.Random;

/**
 * Deterministic stand-in for call audio, looped by the benchmarks: steady noise at -45 dBFS with
 * "phrases" of 1.5 s (a 150 Hz buzz with harmonics, its loudness pulsing at 4 syllables a second)
 * separated by 1 s pauses, so the detector and segmenter go through every state.
 */
public final class SpeechLikeAudio {

    public static final int SAMPLE_RATE = 16_000;

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
}
