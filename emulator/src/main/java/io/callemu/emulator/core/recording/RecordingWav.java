package io.callemu.emulator.core.recording;

import io.callemu.dtmf.DtmfTone;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes {@link CapturedAudio} as a RIFF WAV file, PCM 16-bit, 16 kHz, mono: silence, the clips
 * mixed in at their offsets (clipped to 16 bits where they overlap), each key press as its DTMF
 * dual tone (ITU-T Q.23 frequencies; hook flash is silent). Renders in small blocks into buffers
 * it keeps, so writing a two-minute recording holds a few kilobytes and makes no garbage; silent
 * blocks are left as holes in a sparse file, which read as zeros. Blocking: run it off the event
 * loop, one instance per writing thread.
 */
public final class RecordingWav {

  /** Bytes of the RIFF/fmt/data header before the samples. */
  public static final int HEADER_BYTES = 44;
  private static final int BLOCK_SAMPLES = 8_192;
  /** Each of a key's two sine waves at a quarter of full scale (about -12 dBFS each). */
  private static final double TONE_AMPLITUDE = 8_192;
  private static final int[] LOW_HZ = {697, 770, 852, 941};
  private static final int[] HIGH_HZ = {1209, 1336, 1477, 1633};

  private final ByteBuffer out = ByteBuffer.allocate(BLOCK_SAMPLES * 2).order(ByteOrder.LITTLE_ENDIAN);
  private final int[] mix = new int[BLOCK_SAMPLES];

  /** Samples of the window. */
  static long samples(CapturedAudio audio) {
    return audio.durationMillis() * AudioClip.SAMPLES_PER_MS;
  }

  /** Size of the file {@link #write} makes. */
  public static long fileBytes(CapturedAudio audio) {
    return HEADER_BYTES + samples(audio) * 2;
  }

  /** Writes the file (replacing one that is there) and returns its size. */
  public long write(CapturedAudio audio, Path file) throws IOException {
    long total = samples(audio);
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      out.clear();
      header(out, total * 2);
      out.flip();
      drain(channel, out);
      for (long from = 0; from < total; from += BLOCK_SAMPLES) {
        int n = (int) Math.min(BLOCK_SAMPLES, total - from);
        if (silent(audio, from, n)) {
          // Silence is a hole in the file (reads as zeros): writing it would cost a core a burst
          // of completions needs for the notifications.
          channel.position(channel.position() + n * 2L);
          continue;
        }
        AudioClip sole = soleClip(audio, from, n);
        if (sole != null) {
          // The common case, one clip and nothing else: its samples as they are.
          int offset = (int) (from - (sole.startsAt() - audio.startsAt()) * AudioClip.SAMPLES_PER_MS);
          out.clear();
          out.asShortBuffer().put(sole.samples(), offset, n);
          out.limit(n * 2);
          drain(channel, out);
          continue;
        }
        java.util.Arrays.fill(mix, 0, n, 0);
        for (AudioClip clip : audio.clips()) {
          addClip(mix, from, n, clip, audio.startsAt());
        }
        for (TonePress press : audio.tones()) {
          addTone(mix, from, n, press, audio.startsAt());
        }
        out.clear();
        for (int i = 0; i < n; i++) {
          out.putShort((short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, mix[i])));
        }
        out.flip();
        drain(channel, out);
      }
      // A file that ends in silence gets its full length here.
      long length = HEADER_BYTES + total * 2;
      if (channel.size() < length) {
        channel.write(ByteBuffer.allocate(1), length - 1);
      }
    }
    return HEADER_BYTES + total * 2;
  }

  /**
   * The one clip that covers window samples {@code [from, from + n)} when nothing else (no other
   * clip, no key press) falls on them; else null.
   */
  private static AudioClip soleClip(CapturedAudio audio, long from, int n) {
    AudioClip sole = null;
    for (AudioClip clip : audio.clips()) {
      long offset = (clip.startsAt() - audio.startsAt()) * AudioClip.SAMPLES_PER_MS;
      boolean overlaps = offset < from + n && offset + clip.samples().length > from;
      if (!overlaps) {
        continue;
      }
      if (sole != null || offset > from || offset + clip.samples().length < from + n) {
        return null;
      }
      sole = clip;
    }
    long fromMs = audio.startsAt() + from / AudioClip.SAMPLES_PER_MS;
    long toMs = audio.startsAt() + (from + n + AudioClip.SAMPLES_PER_MS - 1) / AudioClip.SAMPLES_PER_MS;
    for (TonePress press : audio.tones()) {
      if (press.startsAt() < toMs && press.endsAt() > fromMs) {
        return null;
      }
    }
    return sole;
  }

  /** Whether no clip and no key press falls on window samples {@code [from, from + n)}. */
  private static boolean silent(CapturedAudio audio, long from, int n) {
    long fromMs = audio.startsAt() + from / AudioClip.SAMPLES_PER_MS;
    long toMs = audio.startsAt() + (from + n + AudioClip.SAMPLES_PER_MS - 1) / AudioClip.SAMPLES_PER_MS;
    for (AudioClip clip : audio.clips()) {
      if (clip.startsAt() < toMs && clip.endsAt() + 1 > fromMs) {
        return false;
      }
    }
    for (TonePress press : audio.tones()) {
      if (press.startsAt() < toMs && press.endsAt() > fromMs) {
        return false;
      }
    }
    return true;
  }

  private static void drain(FileChannel channel, ByteBuffer buffer) throws IOException {
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
  }

  private static void header(ByteBuffer b, long dataBytes) {
    b.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt((int) (36 + dataBytes))
        .put("WAVE".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
        .put("fmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(16)
        .putShort((short) 1) // PCM
        .putShort((short) 1) // mono
        .putInt(AudioClip.SAMPLE_RATE)
        .putInt(AudioClip.SAMPLE_RATE * 2) // byte rate
        .putShort((short) 2) // block align
        .putShort((short) 16)
        .put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt((int) dataBytes);
  }

  /** Adds the part of {@code clip} that falls on window samples {@code [from, from + n)}. */
  private static void addClip(int[] mix, long from, int n, AudioClip clip, long windowStart) {
    long offset = (clip.startsAt() - windowStart) * AudioClip.SAMPLES_PER_MS;
    short[] s = clip.samples();
    long start = Math.max(from, offset);
    long end = Math.min(from + n, offset + s.length);
    for (long i = start; i < end; i++) {
      mix[(int) (i - from)] += s[(int) (i - offset)];
    }
  }

  private static void addTone(int[] mix, long from, int n, TonePress press, long windowStart) {
    int key = keyIndex(press.tone());
    if (key < 0) {
      return;
    }
    long offset = (press.startsAt() - windowStart) * AudioClip.SAMPLES_PER_MS;
    long length = (press.endsAt() - press.startsAt()) * AudioClip.SAMPLES_PER_MS;
    long start = Math.max(from, offset);
    long end = Math.min(from + n, offset + length);
    double low = 2 * Math.PI * LOW_HZ[key / 4] / AudioClip.SAMPLE_RATE;
    double high = 2 * Math.PI * HIGH_HZ[key % 4] / AudioClip.SAMPLE_RATE;
    for (long i = start; i < end; i++) {
      long t = i - offset;
      mix[(int) (i - from)] += (int) Math.round(TONE_AMPLITUDE * (Math.sin(low * t) + Math.sin(high * t)));
    }
  }

  /** Row * 4 + column of the key on the keypad (1 2 3 A / 4 5 6 B / 7 8 9 C / * 0 # D), -1 for flash. */
  static int keyIndex(DtmfTone tone) {
    return switch (tone) {
      case ONE -> 0;
      case TWO -> 1;
      case THREE -> 2;
      case A -> 3;
      case FOUR -> 4;
      case FIVE -> 5;
      case SIX -> 6;
      case B -> 7;
      case SEVEN -> 8;
      case EIGHT -> 9;
      case NINE -> 10;
      case C -> 11;
      case STAR -> 12;
      case ZERO -> 13;
      case POUND -> 14;
      case D -> 15;
      case FLASH -> -1;
    };
  }

  /** The two frequencies (Hz) of a key, low then high; empty for flash. */
  public static int[] frequencies(DtmfTone tone) {
    int key = keyIndex(tone);
    return key < 0 ? new int[0] : new int[] {LOW_HZ[key / 4], HIGH_HZ[key % 4]};
  }
}
