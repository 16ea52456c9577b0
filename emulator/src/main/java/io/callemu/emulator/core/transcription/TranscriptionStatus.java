package io.callemu.emulator.core.transcription;

/** The state a transcription event reports. */
public enum TranscriptionStatus {
  TRANSCRIPTION_STARTED,
  TRANSCRIPTION_RESUMED,
  TRANSCRIPTION_UPDATED,
  TRANSCRIPTION_STOPPED,
  TRANSCRIPTION_FAILED
}
