package io.callemu.emulator.core.input;

/**
 * Receives what the remote party of one call does. All methods have empty defaults, so a
 * subscriber implements only what it needs. Called on the emulator's context at the emulated time
 * the input happens ({@code atMillis} is that time on the emulator's clock); must not block or
 * throw (a thrown exception is journalled and swallowed so other subscribers still run).
 */
public interface CallerInputListener {

  /** A key press was recognised (at the start of the press, as RFC 4733 receivers report it). */
  default void toneReceived(ToneInput tone) {
  }

  /**
   * The caller started speaking (voice activity began); {@code start.planned()} is the whole
   * utterance when the source knows its words up front.
   */
  default void speechStarted(SpeechStart start) {
  }

  /**
   * The caller stopped speaking; {@code speech.phrase()} is what was said. Comes after the matching
   * {@link #speechStarted}, before any further input of that participant.
   */
  default void speechEnded(SpeechInput speech) {
  }

  /** The call ended; no more input follows and the subscription is dropped. */
  default void inputClosed() {
  }
}
