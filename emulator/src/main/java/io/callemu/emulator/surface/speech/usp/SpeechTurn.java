package io.callemu.emulator.surface.speech.usp;

import io.callemu.emulator.surface.speech.recognition.AudioRecognition;
import io.callemu.emulator.surface.speech.recognition.BadAudioException;
import io.callemu.emulator.surface.speech.recognition.PhraseStatus;
import io.callemu.emulator.surface.speech.recognition.RecognitionEvents;
import io.callemu.emulator.surface.speech.recognition.RecognitionSettings;
import io.callemu.emulator.surface.speech.recognition.SpeechHypothesis;
import io.callemu.emulator.surface.speech.recognition.SpeechPhrase;
import io.callemu.emulator.surface.speech.recognition.SpeechTranscripts;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * One turn: the audio of one {@code X-RequestId}, recognised as it streams, and the service messages it
 * produces, in the order the SDKs expect: {@code turn.start} (with a service tag, which the Java SDK
 * keeps for continuations), {@code speech.startDetected} once speech is heard, {@code speech.hypothesis}
 * while it goes on, {@code speech.endDetected}, {@code speech.phrase}, {@code turn.end}. A single shot
 * ends at its first result. A continuous turn gives a phrase per utterance and ends when the client's
 * audio ends; its {@code speech.endDetected} comes once, at that end, since the client stops sending
 * audio when it sees one. Offsets count from the turn's first byte of audio, which is what the SDKs
 * expect of a continuation turn that replays audio.
 */
final class SpeechTurn implements RecognitionEvents {

  private final String requestId;
  private final RecognitionSettings settings;
  private final Long continuationTicks;
  private final LongSupplier clock;
  private final Consumer<String> send;
  private final AudioRecognition recognition;
  private boolean speechReported;
  private boolean endReported;
  private boolean failed;
  private long lastSpeechEndTicks;

  SpeechTurn(String requestId, RecognitionSettings settings, Long continuationTicks, SpeechTranscripts transcripts,
      long maxAudioMillis, LongSupplier clock, Consumer<String> send) {
    this.requestId = requestId;
    this.settings = settings;
    this.continuationTicks = continuationTicks;
    this.clock = clock;
    this.send = send;
    this.recognition = new AudioRecognition(settings, transcripts, maxAudioMillis, 0, this);
  }

  String requestId() {
    return requestId;
  }

  /** Sends {@code turn.start}; an armed fault makes the turn's one result an Error. */
  void start(String armedError) {
    byte[] tag = new byte[16];
    ThreadLocalRandom.current().nextBytes(tag);
    send.accept(ServiceMessages.message(ServiceMessages.TURN_START, requestId, clock.getAsLong(),
        ServiceMessages.turnStartBody(HexFormat.of().formatHex(tag))));
    if (armedError != null) {
      recognition.fail(armedError);
    }
  }

  void audio(byte[] bytes, int offset, int length) throws BadAudioException {
    recognition.feed(bytes, offset, length);
  }

  /** The client's end of audio: the results still due are given. */
  void endOfAudio() throws BadAudioException {
    recognition.end();
  }

  /** Every result is given: the turn may end. */
  boolean finished() {
    return failed || recognition.finished();
  }

  /** Sends what closes the turn: the continuous turn's {@code speech.endDetected}, then {@code turn.end}. */
  void end() {
    if (speechReported && !endReported) {
      endReported = true;
      send.accept(ServiceMessages.message(ServiceMessages.END_DETECTED, requestId, clock.getAsLong(),
          ServiceMessages.offsetBody(lastSpeechEndTicks)));
    }
    send.accept(ServiceMessages.message(ServiceMessages.TURN_END, requestId, clock.getAsLong()));
  }

  TurnRecord record(boolean completed) {
    return new TurnRecord(requestId, settings, recognition.pcmSha256(), recognition.audioMillis(),
        recognition.outcomes(), continuationTicks, completed);
  }

  @Override
  public void speechStarted(long offsetTicks) {
    if (!speechReported) {
      speechReported = true;
      send.accept(ServiceMessages.message(ServiceMessages.START_DETECTED, requestId, clock.getAsLong(),
          ServiceMessages.offsetBody(offsetTicks)));
    }
  }

  @Override
  public void hypothesis(SpeechHypothesis hypothesis) {
    send.accept(ServiceMessages.message(ServiceMessages.HYPOTHESIS, requestId, clock.getAsLong(), hypothesis.body()));
  }

  @Override
  public void speechEnded(long offsetTicks) {
    lastSpeechEndTicks = offsetTicks;
    if (!settings.continuous() && !endReported) {
      endReported = true;
      send.accept(ServiceMessages.message(ServiceMessages.END_DETECTED, requestId, clock.getAsLong(),
          ServiceMessages.offsetBody(offsetTicks)));
    }
  }

  @Override
  public void phrase(SpeechPhrase phrase) {
    failed |= phrase.status() == PhraseStatus.ERROR;
    send.accept(ServiceMessages.message(ServiceMessages.PHRASE, requestId, clock.getAsLong(), phrase.body()));
  }
}
