package io.callemu.emulator.core.media;

/** Where a media operation is in its state machine (listed in the call's detail). */
public enum OperationState {
  QUEUED, LOADING, PLAYING, PROMPTING, BEEPING, WAITING, COLLECTING, SPEAKING, END_SILENCE, ENDED
}
