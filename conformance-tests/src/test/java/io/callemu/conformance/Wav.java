package io.callemu.conformance;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Small RIFF/WAVE files (16-bit PCM, mono) made in memory for play sources and for the caller's
 * audio: their duration is known exactly, which is what the tests check.
 */
public final class Wav {

  private Wav() {}

  /** {@code ms} of a 440 Hz tone, the shape the play how-to asks for (16-bit PCM mono, 16 kHz by default). */
  static byte[] tone(int sampleRate, int ms) {
    short[] samples = new short[sampleRate * ms / 1000];
    for (int i = 0; i < samples.length; i++) {
      samples[i] = (short) (8_000 * Math.sin(2 * Math.PI * 440 * i / sampleRate));
    }
    return wav(sampleRate, samples);
  }

  /**
   * Silence, then a loud voice-like burst (several harmonics of 150 Hz), then silence: what a
   * voice activity detector sees as one utterance.
   */
  public static byte[] voiceBurst(int sampleRate, int leadingSilenceMs, int voiceMs, int trailingSilenceMs) {
    int lead = sampleRate * leadingSilenceMs / 1000;
    int voice = sampleRate * voiceMs / 1000;
    short[] samples = new short[lead + voice + sampleRate * trailingSilenceMs / 1000];
    for (int i = 0; i < voice; i++) {
      double t = (double) i / sampleRate;
      double v = 0;
      for (int h = 1; h <= 5; h++) {
        v += Math.sin(2 * Math.PI * 150 * h * t) / h;
      }
      samples[lead + i] = (short) (9_000 * v);
    }
    return wav(sampleRate, samples);
  }

  static byte[] wav(int sampleRate, short[] samples) {
    int dataBytes = samples.length * 2;
    ByteBuffer b = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(36 + dataBytes)
        .put("WAVE".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    b.put("fmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(16)
        .putShort((short) 1).putShort((short) 1).putInt(sampleRate).putInt(sampleRate * 2)
        .putShort((short) 2).putShort((short) 16);
    b.put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(dataBytes);
    for (short s : samples) {
      b.putShort(s);
    }
    return b.array();
  }

  /**
   * An MP3 file as the play how-to asks for it (ID3v2 tag, then MPEG-1 Layer III frames of
   * 128 kbit/s at 44.1 kHz, 1152 samples = 26.12 ms each, silent payload): {@code frames} frames.
   */
  static byte[] mp3(int frames) {
    int frameBytes = 144 * 128_000 / 44_100; // 417, no padding
    ByteBuffer b = ByteBuffer.allocate(10 + frames * frameBytes);
    b.put(new byte[] {'I', 'D', '3', 4, 0, 0, 0, 0, 0, 0}); // ID3v2.4 header, empty tag
    for (int i = 0; i < frames; i++) {
      b.put(new byte[] {(byte) 0xFF, (byte) 0xFB, (byte) 0x90, (byte) 0xC4});
      b.put(new byte[frameBytes - 4]);
    }
    return b.array();
  }

  /** How long {@link #mp3} plays, in ms (not rounded). */
  static double mp3Ms(int frames) {
    return frames * 1152 * 1000.0 / 44_100;
  }
}
