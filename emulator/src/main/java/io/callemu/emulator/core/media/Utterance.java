package io.callemu.emulator.core.media;

import io.callemu.emulator.core.input.SpeechInput;
import io.callemu.emulator.core.input.SpeechStart;

/** One utterance of a participant, named by who speaks and when it began (its start and end carry both). */
record Utterance(String participantRawId, long startedAtMillis) {

  static Utterance of(SpeechStart start) {
    return new Utterance(start.participantRawId(), start.atMillis());
  }

  static Utterance of(SpeechInput speech) {
    return new Utterance(speech.participantRawId(), speech.startedAtMillis());
  }
}
