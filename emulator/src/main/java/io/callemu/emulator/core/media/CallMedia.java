package io.callemu.emulator.core.media;

import io.callemu.dtmf.DtmfTone;
import io.callemu.dtmf.TelephoneEventDecoder;
import io.callemu.dtmf.ToneEndReason;
import io.callemu.dtmf.ToneListener;
import io.callemu.emulator.core.call.Call;
import io.callemu.emulator.core.clock.Clock;
import io.callemu.emulator.core.fault.Fault;
import io.callemu.emulator.core.input.CallerInputListener;
import io.callemu.emulator.core.input.SpeechInput;
import io.callemu.emulator.core.input.SpeechStart;
import io.callemu.emulator.core.input.ToneInput;
import io.callemu.emulator.core.outcome.ResultCatalogue;
import io.callemu.emulator.core.outcome.ResultRow;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The media side of one call: its queue of media operations (one runs at a time, the rest wait in
 * order), continuous DTMF recognition, and its RFC 4733 decoder, which every tone of the call goes
 * through (RTP from outside and the control API alike). Lives on the emulator's context.
 */
final class CallMedia implements CallerInputListener, ToneListener {

  /** Operations that may wait per call; more are refused (bounded memory). */
  static final int MAX_QUEUED = 100;

  private final MediaService service;
  private final Call call;
  private final Deque<MediaOperation> queue = new ArrayDeque<>();
  private final TelephoneEventDecoder decoder;
  /** Which participant a stream (SSRC) of the control API's sender speaks for. */
  private final Map<Long, String> ssrcParticipants = new HashMap<>();
  private MediaOperation running;
  private ContinuousDtmf continuous;
  private Clock.Timer decoderTick;
  private RtpEndpoint rtp;
  private boolean closed;
  private boolean starting;

  /** Continuous DTMF recognition in force: its target, context and callback, and the sequence. */
  private static final class ContinuousDtmf {
    final String targetRawId;
    final String operationContext;
    final String callbackUri;
    int sequenceId;

    ContinuousDtmf(String targetRawId, String operationContext, String callbackUri) {
      this.targetRawId = targetRawId;
      this.operationContext = operationContext;
      this.callbackUri = callbackUri;
    }
  }

  CallMedia(MediaService service, Call call) {
    this.service = service;
    this.call = call;
    this.decoder = TelephoneEventDecoder.builder().build(this);
    call.input().subscribe(this);
  }

  Call call() {
    return call;
  }

  MediaService service() {
    return service;
  }

  void attach(RtpEndpoint endpoint) {
    if (closed) {
      endpoint.close();
    } else {
      rtp = endpoint;
    }
  }

  // ---- the queue ----

  boolean hasRoom() {
    return queue.size() < MAX_QUEUED;
  }

  void enqueue(MediaOperation op, boolean interrupt) {
    if (interrupt) {
      cancelAll();
    }
    queue.addLast(op);
    if (running == null) {
      startNext();
    }
  }

  private void startNext() {
    if (starting) {
      // An operation that ends inside its own start(): the loop below goes on with the next.
      return;
    }
    starting = true;
    try {
      while (running == null && !queue.isEmpty() && !closed) {
        MediaOperation op = queue.pollFirst();
        running = op;
        op.start();
        if (op.ended() && running == op) {
          running = null;
        }
      }
    } finally {
      starting = false;
    }
  }

  /** Called by an operation when it finished (with its event sent). */
  void operationEnded(MediaOperation op) {
    if (op == running) {
      running = null;
      startNext();
    } else {
      queue.remove(op);
    }
  }

  /** The running operation and every queued one, each with its Canceled event, in order. */
  void cancelAll() {
    List<MediaOperation> all = new ArrayList<>();
    if (running != null) {
      all.add(running);
    }
    all.addAll(queue);
    queue.clear();
    running = null;
    for (MediaOperation op : all) {
      op.cancel();
    }
  }

  /**
   * Ends {@code op} with an armed fault if one matches; true when it did. The fault's row comes from
   * the catalogue (its message unless the fault gives one); unknown pairs end as the action's
   * failure event with the fault's values.
   */
  boolean endWithFault(MediaOperation op) {
    Fault fault = service.faults().take(op.kind(), call.callConnectionId()).orElse(null);
    if (fault == null) {
      return false;
    }
    ResultCatalogue.Forced forced = ResultCatalogue.forced(op.kind(), fault.result(),
        op.kind().equals("play") ? ResultCatalogue.PLAY_INTERNAL : ResultCatalogue.RECOGNIZE_UNSPECIFIED);
    String eventName = forced.event();
    JsonObject info = forced.resultInformation();
    JsonObject extra = null;
    if (eventName.endsWith("Failed")) {
      extra = new JsonObject().put("failedPlaySourceIndex", 0);
    } else if (eventName.equals("RecognizeCompleted") && op instanceof RecognizeOperation rec) {
      extra = rec.emptyResult();
    } else if (eventName.equals("PlayCompleted")) {
      ResultRow started = ResultCatalogue.PLAY_STARTED;
      op.emit(started.event(), started.toJson(), null);
    }
    service.note(call, "fault " + fault.id() + " ends " + op.kind() + " " + op.id + " with "
        + eventName + " " + info.encode());
    op.finish(eventName, info, extra);
    return true;
  }

  // ---- continuous DTMF ----

  void startContinuousDtmf(String targetRawId, String operationContext, String callbackUri) {
    continuous = new ContinuousDtmf(targetRawId, operationContext, callbackUri);
  }

  void stopContinuousDtmf(String operationContext, String callbackUri) {
    ContinuousDtmf was = continuous;
    continuous = null;
    String context = operationContext != null ? operationContext : was == null ? null : was.operationContext;
    publish(ResultCatalogue.DTMF_STOPPED, context, callbackUri, null);
  }

  private void publish(ResultRow row, String operationContext, String callbackUri, JsonObject extra) {
    JsonObject data = io.callemu.emulator.core.call.CallService.eventData(call, row.event(), row.toJson(), operationContext);
    if (extra != null) {
      data.mergeIn(extra);
    }
    service.calls().publish(call, row.event(), data, callbackUri);
  }

  // ---- the caller's input ----

  @Override
  public void toneReceived(ToneInput tone) {
    ContinuousDtmf c = continuous;
    if (c != null && c.targetRawId.equals(tone.participantRawId())) {
      Fault fault = service.faults().take("continuousDtmf", call.callConnectionId()).orElse(null);
      if (fault != null) {
        // The armed row (ToneFailed by default) replaces this tone's event.
        ResultCatalogue.Forced forced = ResultCatalogue.forced("continuousDtmf", fault.result(),
            ResultCatalogue.DTMF_TONE_FAILED);
        JsonObject data = io.callemu.emulator.core.call.CallService.eventData(call, forced.event(),
            forced.resultInformation(), c.operationContext);
        if (forced.row() == ResultCatalogue.DTMF_TONE_RECEIVED) {
          data.put("sequenceId", ++c.sequenceId).put("tone", tone.tone().acsName());
        }
        service.calls().publish(call, forced.event(), data, c.callbackUri);
      } else {
        c.sequenceId++;
        publish(ResultCatalogue.DTMF_TONE_RECEIVED, c.operationContext, c.callbackUri,
            new JsonObject().put("sequenceId", c.sequenceId).put("tone", tone.tone().acsName()));
      }
    }
    if (running != null) {
      running.tone(tone);
    }
  }

  @Override
  public void speechStarted(SpeechStart start) {
    if (running != null) {
      running.speechStarted(start);
    }
  }

  @Override
  public void speechEnded(SpeechInput speech) {
    if (running != null) {
      running.speechEnded(speech);
    }
  }

  /** Keys of the control API: which participant an SSRC speaks for. */
  void claimSsrc(long ssrc, String participantRawId) {
    ssrcParticipants.put(ssrc, participantRawId);
  }

  /** One packet for the call's decoder (from the RTP port or the control API); never throws. */
  void receiveRtp(byte[] packet, int offset, int length) {
    if (closed) {
      return;
    }
    decoder.receive(packet, offset, length, service.clock().nowMillis());
    scheduleTick();
  }

  /** Ends presses whose packets stopped, at the time the decoder asks for. */
  private void scheduleTick() {
    long next = decoder.nextTimeoutMillis();
    if (next == Long.MAX_VALUE || (decoderTick != null && decoderTick.dueAt() <= next)) {
      return;
    }
    if (decoderTick != null) {
      decoderTick.cancel();
    }
    decoderTick = service.clock().schedule(next - service.clock().nowMillis(), () -> {
      decoderTick = null;
      if (!closed) {
        decoder.tick(service.clock().nowMillis());
        scheduleTick();
      }
    });
  }

  @Override
  public void onToneStart(long ssrc, DtmfTone tone, long rtpTimestamp) {
    if (!tone.isKey() || !call.isActive()) {
      return;
    }
    String participant = ssrcParticipants.getOrDefault(ssrc, call.remoteParty().rawId());
    call.input().tone(new ToneInput(participant, tone, service.clock().nowMillis()));
  }

  @Override
  public void onToneEnd(long ssrc, DtmfTone tone, long rtpTimestamp, long durationSamples,
      long durationMillis, ToneEndReason endedBy) {
    // Tones count when recognised (at their start); the end changes nothing for ACS.
  }

  // ---- the end ----

  /** The call is ending: continuous DTMF stops (200/7000, before CallDisconnected), operations stop silently. */
  void callEnding() {
    ContinuousDtmf c = continuous;
    continuous = null;
    if (c != null) {
      publish(ResultCatalogue.DTMF_STOPPED_CALL_ENDED, c.operationContext, c.callbackUri, null);
    }
    close();
  }

  void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (running != null) {
      running.abort();
      running = null;
    }
    queue.forEach(MediaOperation::abort);
    queue.clear();
    if (decoderTick != null) {
      decoderTick.cancel();
      decoderTick = null;
    }
    if (rtp != null) {
      rtp.close();
    }
  }

  /** The call detail's {@code media} object. */
  JsonObject describe() {
    JsonArray ops = new JsonArray();
    if (running != null) {
      ops.add(running.describe().put("running", true));
    }
    queue.forEach(op -> ops.add(op.describe().put("running", false)));
    JsonObject o = new JsonObject().put("operations", ops);
    if (continuous != null) {
      JsonObject c = new JsonObject().put("targetParticipant", continuous.targetRawId)
          .put("lastSequenceId", continuous.sequenceId);
      if (continuous.operationContext != null) {
        c.put("operationContext", continuous.operationContext);
      }
      o.put("continuousDtmf", c);
    } else {
      o.putNull("continuousDtmf");
    }
    JsonObject decoded = new JsonObject();
    for (io.callemu.dtmf.DecodeResult r : io.callemu.dtmf.DecodeResult.values()) {
      decoded.put(r.name().toLowerCase(java.util.Locale.ROOT), decoder.count(r));
    }
    if (rtp != null) {
      o.put("rtp", rtp.describe().put("decoded", decoded).put("ssrcEvictions", decoder.ssrcEvictions()));
    } else {
      o.putNull("rtp");
    }
    return o;
  }
}
