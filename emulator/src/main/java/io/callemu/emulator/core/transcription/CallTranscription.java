package io.callemu.emulator.core.transcription;

import io.callemu.emulator.core.call.Call;
import io.callemu.emulator.core.call.Requester;
import io.callemu.emulator.core.call.TranscriptionSetup;
import io.callemu.emulator.core.input.CallerInputListener;
import io.callemu.emulator.core.input.SpeechInput;
import io.callemu.emulator.core.input.SpeechStart;
import io.callemu.emulator.core.transcription.PhraseSegments.Hypothesis;
import java.util.UUID;

/**
 * Transcription of one call: its setup, its current locale, and while it runs the stream and the
 * subscription id. Listens to the call's caller input for the whole call and turns every phrase
 * said while transcription runs into segments. Used on the emulator's context only.
 */
final class CallTranscription implements CallerInputListener, TranscriptionTransport.Listener {

  private final TranscriptionService service;
  private final Call call;
  private final TranscriptionSetup setup;
  private String locale;
  private String subscriptionId;
  private TranscriptionTransport.Stream stream;
  private Requester requester;
  private long streamStartMillis;
  /** Counts starts, so a phrase's final due after a stop and restart is not sent to the new stream. */
  private long generation;

  CallTranscription(TranscriptionService service, Call call, TranscriptionSetup setup) {
    this.service = service;
    this.call = call;
    this.setup = setup;
    this.locale = setup.locale();
  }

  Call call() {
    return call;
  }

  TranscriptionSetup setup() {
    return setup;
  }

  boolean isRunning() {
    return stream != null;
  }

  String locale() {
    return locale;
  }

  Requester requester() {
    return requester;
  }

  /** Opens the stream (the request was accepted and nothing failed it). */
  void begin(String startLocale, Requester by, long nowMillis) {
    locale = startLocale;
    requester = by;
    subscriptionId = UUID.randomUUID().toString();
    streamStartMillis = nowMillis;
    generation++;
    stream = service.transport().open(new TranscriptionTransport.Target(setup.transportUrl(), call.id(),
        call.correlationId(), this::metadata), this);
  }

  /** Ends the running stream with a normal close; no event (the caller sends what fits). */
  void end(String reason) {
    if (stream != null) {
      TranscriptionTransport.Stream s = stream;
      stream = null;
      s.close(reason);
    }
  }

  void changeLocale(String newLocale) {
    locale = newLocale;
  }

  boolean isConnected() {
    return stream != null && stream.isConnected();
  }

  boolean dropConnection() {
    return stream != null && stream.drop();
  }

  private TranscriptionTransport.Metadata metadata() {
    return new TranscriptionTransport.Metadata(subscriptionId, locale, call.id(), call.correlationId());
  }

  // ---- the stream's news ----

  @Override
  public void opened(boolean reconnected) {
    service.streamOpened(this, reconnected);
  }

  @Override
  public void interrupted(String why) {
    service.streamInterrupted(this);
  }

  @Override
  public void gaveUp(String why) {
    stream = null;
    service.streamFailed(this);
  }

  // ---- what the caller says ----

  /**
   * A phrase begins. When its words are known now and hypotheses are wanted, each one is sent at its
   * time during the speech, as the service sends them while the caller talks.
   */
  @Override
  public void speechStarted(SpeechStart start) {
    if (stream == null || start.planned() == null || !setup.intermediateResults()) {
      return;
    }
    PhraseSegments phrase = new PhraseSegments(start.planned(), streamStartMillis);
    for (Hypothesis h : phrase.intermediates(service.intermediateIntervalMs())) {
      sendLater(start.atMillis() + h.afterMillis(), h.segment());
    }
  }

  /** A phrase ends: its one Final goes out after the segmentation silence. */
  @Override
  public void speechEnded(SpeechInput speech) {
    if (stream == null || speech.startedAtMillis() < streamStartMillis) {
      // Not listening, or the phrase began before transcription did: the service heard no start.
      return;
    }
    PhraseSegments phrase = new PhraseSegments(speech, streamStartMillis);
    if (phrase.hasText()) {
      sendLater(speech.endedAtMillis() + service.segmentationSilenceMs(), phrase.finalSegment());
    }
  }

  /** Sends {@code segment} at emulated time {@code atMillis} unless this stream was stopped (or restarted) by then. */
  private void sendLater(long atMillis, TranscriptSegment segment) {
    long myGeneration = generation;
    service.later(call, Math.max(0, atMillis - service.nowMillis()), () -> {
      if (stream != null && generation == myGeneration) {
        stream.send(segment);
      }
    });
  }

  @Override
  public void inputClosed() {
    end("call ended");
    service.forget(this);
  }

  // ---- views ----

  /** The subscription as the call's properties show it. */
  TranscriptionView view() {
    return new TranscriptionView(subscriptionId, stream != null, setup.intermediateResults(), locale,
        setup.transportUrl(), stream == null ? null : stream.stats());
  }
}
