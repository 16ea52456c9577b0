package io.callemu.emulator.surface.speech.recognition;

/** What recognising one audio stream produces, in stream order; offsets are ticks from the stream's start. */
public interface RecognitionEvents {

  /** An utterance's speech began. */
  void speechStarted(long offsetTicks);

  /** The words heard so far of the utterance in progress. */
  void hypothesis(SpeechHypothesis hypothesis);

  /** An utterance's speech ended; its final result follows. */
  void speechEnded(long offsetTicks);

  /** A final result: an utterance, a timeout or an error. */
  void phrase(SpeechPhrase phrase);
}
