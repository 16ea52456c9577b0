package io.callemu.emulator.surface.speech.recognition;

/** Audio callemu cannot recognise, with what is wrong with it; REST answers 400, a WebSocket closes with 1007. */
public final class BadAudioException extends Exception {

  /** What is wrong. */
  public enum Problem {
    /** Not a RIFF/WAVE stream, or a malformed header. */
    NOT_WAV,
    /** A WAV, but not 16-bit PCM at 8 or 16 kHz with one or two channels. */
    UNSUPPORTED_FORMAT,
    /** The stream ended inside its header, or before the samples its header declares. */
    TRUNCATED,
    /** More audio than the limit allows. */
    TOO_LONG
  }

  private final Problem problem;

  public BadAudioException(Problem problem, String message) {
    super(message, null, false, false);
    this.problem = problem;
  }

  public Problem problem() {
    return problem;
  }
}
