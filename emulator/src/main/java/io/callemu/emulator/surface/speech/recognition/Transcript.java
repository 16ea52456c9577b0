package io.callemu.emulator.surface.speech.recognition;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a caller says, registered for the Speech surface (CONTRACT section 7): {@code text} written any
 * way ("five" or "5"; empty for speech nothing can be recognised in), and optionally the SHA-256 of the
 * PCM sample bytes of the audio it answers.
 *
 * @param text      what is said
 * @param pcmSha256 64 hex digits, lower case; null for a transcript of the queue
 */
public record Transcript(String text, String pcmSha256) {

  /** Longest text accepted, so that the registry's memory stays bounded. */
  public static final int MAX_TEXT_LENGTH = 10_000;
  private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");

  /** @throws IllegalArgumentException for a missing or too long text, or a hash that is not 64 hex digits */
  public Transcript {
    if (text == null) {
      throw new IllegalArgumentException("text is required: what the caller says");
    }
    if (text.length() > MAX_TEXT_LENGTH) {
      throw new IllegalArgumentException("text is longer than " + MAX_TEXT_LENGTH + " characters");
    }
    if (pcmSha256 != null) {
      if (!SHA256_HEX.matcher(pcmSha256).matches()) {
        throw new IllegalArgumentException("pcmSha256 must be 64 hex digits (the SHA-256 of the PCM sample bytes)");
      }
      pcmSha256 = pcmSha256.toLowerCase(Locale.ROOT);
    }
  }
}
