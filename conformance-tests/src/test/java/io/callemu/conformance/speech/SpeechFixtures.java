package io.callemu.conformance.speech;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The espeak-ng recordings of src/test/resources/speech (made by src/test/fixtures/make-speech-fixtures.sh),
 * 16 kHz mono 16-bit PCM with silence of known length around the speech:
 * <ul>
 *   <li>{@code pencils.wav}: 500 ms silence, "Remind me to buy five pencils", 1 s silence</li>
 *   <li>{@code pencils-8k.wav}: the same at 8 kHz</li>
 *   <li>{@code two-phrases.wav}: 300 ms silence, "hello there", 800 ms pause, "good morning", 1 s silence</li>
 * </ul>
 */
final class SpeechFixtures {

  static final String PENCILS = "pencils.wav";
  static final String PENCILS_8K = "pencils-8k.wav";
  static final String TWO_PHRASES = "two-phrases.wav";

  private SpeechFixtures() {
  }

  static Path path(String name) {
    try {
      return Path.of(SpeechFixtures.class.getResource("/speech/" + name).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalStateException("no fixture " + name, e);
    }
  }

  static byte[] bytes(String name) {
    try {
      return Files.readAllBytes(path(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The SHA-256 of a fixture's PCM sample bytes (its 44-byte header left out), as callemu matches transcripts. */
  static String pcmSha256(String name) {
    byte[] wav = bytes(name);
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(wav, 44, wav.length - 44);
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code ms} of 16 kHz mono silence as a WAV file. */
  static byte[] silence(int ms) {
    int data = 32 * ms;
    ByteBuffer b = ByteBuffer.allocate(44 + data).order(ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes()).putInt(36 + data).put("WAVE".getBytes()).put("fmt ".getBytes()).putInt(16)
        .putShort((short) 1).putShort((short) 1).putInt(16_000).putInt(32_000).putShort((short) 2)
        .putShort((short) 16).put("data".getBytes()).putInt(data);
    return b.array();
  }

  /** {@link #silence} written to a temporary file (the Java SDK reads files). */
  static Path silenceFile(int ms) {
    return temporary(silence(ms));
  }

  /** A fixture followed by {@code ms} of silence, in a temporary file: a recording that goes on after its speech. */
  static Path withTrailingSilence(String name, int ms) {
    byte[] wav = bytes(name);
    byte[] longer = Arrays.copyOf(wav, wav.length + 32 * ms);
    ByteBuffer b = ByteBuffer.wrap(longer).order(ByteOrder.LITTLE_ENDIAN);
    b.putInt(4, longer.length - 8);
    b.putInt(40, longer.length - 44);
    return temporary(longer);
  }

  private static Path temporary(byte[] wav) {
    try {
      Path p = Files.createTempFile("callemu-speech-", ".wav");
      Files.write(p, wav);
      p.toFile().deleteOnExit();
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
