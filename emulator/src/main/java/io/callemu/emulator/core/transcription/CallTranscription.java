package io.callemu.emulator.core.transcription;

import io.callemu.asr.wire.TranscriptionFrames;
import io.callemu.emulator.core.call.Call;
import io.callemu.emulator.core.input.CallerInputListener;
import io.callemu.emulator.core.input.SpeechInput;
import io.callemu.emulator.core.input.SpeechStart;
import io.callemu.emulator.core.transcription.FrameQueue.Frame;
import io.callemu.emulator.core.transcription.PhraseFrames.Hypothesis;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.UUID;

/**
 * Transcription of one call: its options, its current locale, and while it runs the stream and
 * the subscription id. Listens to the call's caller input for the whole call and turns every
 * phrase said while transcription runs into frames. Used on the emulator's context only.
 */
final class CallTranscription implements CallerInputListener, TranscriptionStream.Listener {

  /** Who asked for the running transcription: its operationContext and callback target. */
  record Requester(String operationContext, String callbackUri) {
  }

  private final TranscriptionService service;
  private final Call call;
  private final TranscriptionOptions options;
  private String locale;
  private String subscriptionId;
  private TranscriptionStream stream;
  private Requester requester;
  private long streamStartMillis;
  /** Counts starts, so a phrase's final due after a stop and restart is not sent to the new stream. */
  private long generation;

  CallTranscription(TranscriptionService service, Call call, TranscriptionOptions options) {
    this.service = service;
    this.call = call;
    this.options = options;
    this.locale = options.locale();
  }

  Call call() {
    return call;
  }

  TranscriptionOptions options() {
    return options;
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
  void begin(String startLocale, Requester by, TranscriptionStream newStream, long nowMillis) {
    locale = startLocale;
    requester = by;
    subscriptionId = UUID.randomUUID().toString();
    streamStartMillis = nowMillis;
    generation++;
    stream = newStream;
    stream.open();
  }

  /** Ends the running stream with a normal close; no event (the caller sends what fits). */
  void end(String reason) {
    if (stream != null) {
      stream.close(reason);
      stream = null;
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

  /** The metadata frame of a (re)connection, with the locale in force now. */
  String metadataFrame() {
    return TranscriptionFrames.appendMetadata(new StringBuilder(), subscriptionId, locale, call.callConnectionId(),
        call.correlationId(), null).toString();
  }

  // ---- the stream's news ------------------------------------------------------------------------

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

  // ---- what the caller says ---------------------------------------------------------------------

  /**
   * A phrase begins. When its words are known now and hypotheses are wanted, each Intermediate
   * frame is sent at its time during the speech, as the service sends them while the caller talks.
   */
  @Override
  public void speechStarted(SpeechStart start) {
    if (stream == null || start.planned() == null || !options.enableIntermediateResults()) {
      return;
    }
    PhraseFrames phrase = new PhraseFrames(start.planned(), streamStartMillis);
    for (Hypothesis h : phrase.intermediates(service.intermediateIntervalMs(), service.casing())) {
      sendLater(start.atMillis() + h.afterMillis(), h.frame());
    }
  }

  /** A phrase ends: its one Final goes out after the end silence. */
  @Override
  public void speechEnded(SpeechInput speech) {
    if (stream == null || speech.startedAtMillis() < streamStartMillis) {
      // Not listening, or the phrase began before transcription did: the service heard no start.
      return;
    }
    PhraseFrames phrase = new PhraseFrames(speech, streamStartMillis);
    if (phrase.hasText()) {
      sendLater(speech.endedAtMillis() + service.segmentationSilenceMs(), phrase.finalFrame(service.casing()));
    }
  }

  /** Sends {@code frame} at emulated time {@code atMillis} unless this stream was stopped (or restarted) by then. */
  private void sendLater(long atMillis, Frame frame) {
    long myGeneration = generation;
    service.later(call, Math.max(0, atMillis - service.nowMillis()), () -> {
      if (stream != null && generation == myGeneration) {
        stream.send(frame);
      }
    });
  }

  @Override
  public void inputClosed() {
    end("call ended");
    service.forget(this);
  }

  // ---- views ------------------------------------------------------------------------------------

  /** {@code transcriptionSubscription} of CallConnectionProperties (reference section 5). */
  JsonObject subscriptionJson() {
    JsonArray types = new JsonArray().add("final");
    if (options.enableIntermediateResults()) {
      types.add("intermediate");
    }
    JsonObject o = new JsonObject();
    if (subscriptionId != null) {
      o.put("id", subscriptionId);
    }
    return o.put("state", stream != null ? "active" : "inactive").put("subscribedResultTypes", types)
        .put("locale", locale);
  }

  /** The control API's view: the subscription plus the stream's connection and counters. */
  JsonObject detailJson() {
    JsonObject o = subscriptionJson().put("transportUrl", options.transportUrl());
    if (stream != null) {
      o.put("stream", stream.toJson());
    }
    return o;
  }
}
