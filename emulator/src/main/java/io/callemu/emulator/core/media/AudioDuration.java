package io.callemu.emulator.core.media;

/**
 * How long a WAV or MP3 file plays, read from its bytes (the two formats the play action takes,
 * reference 8.2). No decoding: WAV from its {@code fmt }/{@code data} chunks, MP3 by walking its
 * frame headers after an optional ID3v2 tag.
 */
public final class AudioDuration {

  private static final int[][] MP3_BITRATES_KBPS = {
      // MPEG-1 layer I, II, III
      {0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448},
      {0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384},
      {0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320},
      // MPEG-2/2.5 layer I, then II and III
      {0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256},
      {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160}};
  private static final int[] MP3_SAMPLE_RATES = {44100, 48000, 32000};

  private AudioDuration() {
  }

  /** The duration in milliseconds, or -1 when the bytes are neither a WAV nor an MP3 file. */
  public static long millis(byte[] b) {
    if (b.length >= 12 && ascii(b, 0, "RIFF") && ascii(b, 8, "WAVE")) {
      return wav(b);
    }
    return mp3(b);
  }

  private static long wav(byte[] b) {
    long byteRate = -1;
    int at = 12;
    while (at + 8 <= b.length) {
      long size = le32(b, at + 4);
      int body = at + 8;
      if (ascii(b, at, "fmt ") && size >= 16 && body + 16 <= b.length) {
        byteRate = le32(b, body + 8);
      } else if (ascii(b, at, "data")) {
        if (byteRate <= 0) {
          return -1;
        }
        // Streams written before their length was known carry 0 or 0xFFFFFFFF: use what is there.
        long available = b.length - body;
        long data = size == 0 || size > available ? available : size;
        return data * 1000 / byteRate;
      }
      at = (int) Math.min(Integer.MAX_VALUE, body + size + (size & 1));
    }
    return -1;
  }

  private static long mp3(byte[] b) {
    int at = 0;
    if (b.length >= 10 && ascii(b, 0, "ID3")) {
      int tagSize = ((b[6] & 0x7F) << 21) | ((b[7] & 0x7F) << 14) | ((b[8] & 0x7F) << 7) | (b[9] & 0x7F);
      at = 10 + tagSize + ((b[5] & 0x10) != 0 ? 10 : 0);
    }
    long samples = 0;
    long sampleRate = 0;
    int frames = 0;
    while (at + 4 <= b.length) {
      int h = ((b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
      if ((h >>> 21) != 0x7FF) {
        break;
      }
      int version = (h >>> 19) & 3; // 0: 2.5, 2: 2, 3: 1
      int layer = (h >>> 17) & 3; // 1: III, 2: II, 3: I
      int bitrateIndex = (h >>> 12) & 15;
      int rateIndex = (h >>> 10) & 3;
      int padding = (h >>> 9) & 1;
      if (version == 1 || layer == 0 || bitrateIndex == 0 || bitrateIndex == 15 || rateIndex == 3) {
        break;
      }
      boolean mpeg1 = version == 3;
      int rate = MP3_SAMPLE_RATES[rateIndex] >> (mpeg1 ? 0 : version == 2 ? 1 : 2);
      int table = mpeg1 ? 3 - layer : (layer == 3 ? 3 : 4);
      int bitrate = MP3_BITRATES_KBPS[table][bitrateIndex] * 1000;
      int frameSamples;
      int length;
      if (layer == 3) {
        frameSamples = 384;
        length = (12 * bitrate / rate + padding) * 4;
      } else {
        frameSamples = layer == 2 || mpeg1 ? 1152 : 576;
        length = frameSamples / 8 * bitrate / rate + padding;
      }
      if (length < 4) {
        break;
      }
      samples += frameSamples;
      sampleRate = rate;
      frames++;
      at += length;
    }
    return frames == 0 ? -1 : samples * 1000 / sampleRate;
  }

  private static boolean ascii(byte[] b, int at, String s) {
    if (at + s.length() > b.length) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (b[at + i] != s.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static long le32(byte[] b, int at) {
    return (b[at] & 0xFFL) | (b[at + 1] & 0xFFL) << 8 | (b[at + 2] & 0xFFL) << 16 | (b[at + 3] & 0xFFL) << 24;
  }
}
