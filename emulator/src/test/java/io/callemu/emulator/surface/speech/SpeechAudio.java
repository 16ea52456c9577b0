package io.callemu.emulator.surface.speech;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Test audio for the Speech surface: 16-bit PCM made of silence and voice-like bursts (harmonics of
 * 150 Hz, which the voice activity detector takes for speech) of exact lengths, and the WAV headers
 * the clients send (a whole file's, the SDKs' streaming header with zero sizes, the REST sample's
 * 46-byte one).
 */
public final class SpeechAudio {

  private final int sampleRate;
  private final int channels;
  private final List<short[]> parts = new ArrayList<>();

  private SpeechAudio(int sampleRate, int channels) {
    this.sampleRate = sampleRate;
    this.channels = channels;
  }

  /** 16 kHz mono. */
  public static SpeechAudio pcm16k() {
    return new SpeechAudio(16_000, 1);
  }

  public static SpeechAudio pcm(int sampleRate, int channels) {
    return new SpeechAudio(sampleRate, channels);
  }

  public SpeechAudio silence(int ms) {
    parts.add(new short[samples(ms)]);
    return this;
  }

  /**
   * A voice-like burst (the same signal on every channel): harmonics of 150 Hz whose loudness rises and
   * falls like syllables every 300 ms, as speech does (a steady tone would become the detector's noise
   * floor after a second or two).
   */
  public SpeechAudio voice(int ms) {
    int n = ms * sampleRate / 1000;
    short[] s = new short[n * channels];
    for (int i = 0; i < n; i++) {
      double t = (double) i / sampleRate;
      double v = 0;
      for (int h = 1; h <= 5; h++) {
        v += Math.sin(2 * Math.PI * 150 * h * t) / h;
      }
      v *= 0.1 + 0.9 * Math.abs(Math.sin(Math.PI * t / 0.3));
      for (int c = 0; c < channels; c++) {
        s[i * channels + c] = (short) (9_000 * v);
      }
    }
    parts.add(s);
    return this;
  }

  /** Steady white noise at about -30 dBFS (seeded): loud, but no speech. */
  public SpeechAudio noise(int ms) {
    java.util.Random random = new java.util.Random(ms);
    short[] s = new short[samples(ms)];
    for (int i = 0; i < s.length; i++) {
      s[i] = (short) (random.nextGaussian() * 1_000);
    }
    parts.add(s);
    return this;
  }

  private int samples(int ms) {
    return ms * sampleRate / 1000 * channels;
  }

  /** The sample bytes (little endian), without a header. */
  public byte[] pcmBytes() {
    int total = parts.stream().mapToInt(p -> p.length).sum();
    ByteBuffer b = ByteBuffer.allocate(total * 2).order(ByteOrder.LITTLE_ENDIAN);
    parts.forEach(p -> {
      for (short s : p) {
        b.putShort(s);
      }
    });
    return b.array();
  }

  /** A whole WAV file with true sizes. */
  public byte[] wav() {
    byte[] pcm = pcmBytes();
    return concat(header(36 + pcm.length, 16, pcm.length), pcm);
  }

  /** The Speech SDKs' streaming form: a 44-byte header whose RIFF and data sizes are 0, then the samples. */
  public byte[] streamingWav() {
    return concat(header(0, 16, 0), pcmBytes());
  }

  /** The REST sample's form: a 46-byte header (fmt chunk of 18 bytes, RIFF size 0x804E, data size 0). */
  public byte[] wav46() {
    return concat(header(0x804E, 18, 0), pcmBytes());
  }

  /** The header alone, sizes 0 (the SDKs' first audio message). */
  public byte[] streamingHeader() {
    return header(0, 16, 0);
  }

  /** SHA-256 of the sample bytes, lower-case hex: what a test registers a transcript with. */
  public String sha256() {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pcmBytes()));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private byte[] header(int riffSize, int fmtSize, int dataSize) {
    ByteBuffer b = ByteBuffer.allocate(20 + fmtSize + 8).order(ByteOrder.LITTLE_ENDIAN);
    b.put(ascii("RIFF")).putInt(riffSize).put(ascii("WAVE")).put(ascii("fmt ")).putInt(fmtSize)
        .putShort((short) 1).putShort((short) channels).putInt(sampleRate).putInt(sampleRate * channels * 2)
        .putShort((short) (channels * 2)).putShort((short) 16);
    if (fmtSize == 18) {
      b.putShort((short) 0);
    }
    b.put(ascii("data")).putInt(dataSize);
    return b.array();
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  public static byte[] concat(byte[]... pieces) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : pieces) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }
}
