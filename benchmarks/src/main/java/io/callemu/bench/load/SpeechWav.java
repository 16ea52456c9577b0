package io.callemu.bench.load;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A recording for the Speech load: a WAV file of 16 kHz mono 16-bit PCM (by default the espeak-ng
 * sentence the conformance suite uses), its samples, and the two forms the clients send it in.
 */
final class SpeechWav {

  /** 100 ms of audio: the Speech SDKs' chunk. */
  static final int CHUNK_BYTES = 3_200;

  final byte[] file;
  final byte[] pcm;

  private SpeechWav(byte[] file, byte[] pcm) {
    this.file = file;
    this.pcm = pcm;
  }

  static SpeechWav read(Path path) throws IOException {
    byte[] file = Files.readAllBytes(path);
    ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
    if (file.length < 12 || b.getInt(0) != 0x46464952 || b.getInt(8) != 0x45564157) {
      throw new IllegalArgumentException(path + " is not a WAV file");
    }
    int at = 12;
    boolean format = false;
    while (at + 8 <= file.length) {
      String id = new String(file, at, 4, java.nio.charset.StandardCharsets.US_ASCII);
      int size = b.getInt(at + 4);
      if (id.equals("fmt ")) {
        format = b.getShort(at + 8) == 1 && b.getShort(at + 10) == 1 && b.getInt(at + 12) == 16_000
            && b.getShort(at + 22) == 16;
      } else if (id.equals("data")) {
        if (!format) {
          throw new IllegalArgumentException(path + " must be 16 kHz mono 16-bit PCM");
        }
        return new SpeechWav(file, Arrays.copyOfRange(file, at + 8, Math.min(file.length, at + 8 + size)));
      }
      at += 8 + size + (size & 1);
    }
    throw new IllegalArgumentException(path + " has no data chunk");
  }

  long millis() {
    return pcm.length / 32L;
  }

  /** The Speech SDKs' first audio message: a 44-byte header whose sizes are 0. */
  static byte[] streamingHeader() {
    ByteBuffer b = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes()).putInt(0).put("WAVE".getBytes()).put("fmt ".getBytes()).putInt(16).putShort((short) 1)
        .putShort((short) 1).putInt(16_000).putInt(32_000).putShort((short) 2).putShort((short) 16)
        .put("data".getBytes()).putInt(0);
    return b.array();
  }

  /** The SHA-256 of the samples, as callemu matches transcripts by hash. */
  String pcmSha256() {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pcm));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
