package io.callemu.emulator.core.media;

import io.callemu.dtmf.DecodeResult;
import io.callemu.dtmf.DtmfTone;
import io.callemu.dtmf.TelephoneEventDecoder;
import io.callemu.dtmf.ToneEndReason;
import io.callemu.dtmf.ToneListener;
import io.callemu.emulator.core.call.Call;
import io.callemu.emulator.core.call.Requester;
import io.callemu.emulator.core.clock.Clock;
import io.callemu.emulator.core.fault.Fault;
import io.callemu.emulator.core.input.CallerInputListener;
import io.callemu.emulator.core.input.SpeechInput;
import io.callemu.emulator.core.input.SpeechStart;
import io.callemu.emulator.core.input.ToneInput;
import io.callemu.emulator.core.outcome.ActionKind;
import io.callemu.emulator.core.outcome.Forced;
import io.callemu.emulator.core.outcome.Outcome;
import io.callemu.emulator.core.recording.AudioClip;
import io.callemu.emulator.core.recording.CapturedAudio;
import io.callemu.emulator.core.recording.Recording;
import io.callemu.emulator.core.settings.Setting;
import io.vertx.core.Future;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The media side of one call: its queue of media operations (one runs at a time, the rest wait in
 * order), continuous DTMF recognition, and its RFC 4733 decoder, which every tone of the call goes
 * through (RTP from outside and the control API alike). It is the {@link OperationContext} of its
 * operations. Lives on the emulator's context.
 */
final class CallMedia implements CallerInputListener, ToneListener, OperationContext {

  /** Operations that may wait per call; more are refused (bounded memory). */
  static final int MAX_QUEUED = 100;
  /** The caller's audio clips kept while they play; more at once push out the oldest (bounded memory). */
  static final int MAX_PLAYING_CLIPS = 16;

  private final MediaService service;
  private final Call call;
  private final Deque<MediaOperation> queue = new ArrayDeque<>();
  private final TelephoneEventDecoder decoder;
  /** Which participant a stream (SSRC) of the control API's sender speaks for. */
  private final Map<Long, String> ssrcParticipants = new HashMap<>();
  /** The caller's audio that is playing: clips kept until they end, for a recording that starts meanwhile. */
  private final Deque<AudioClip> playing = new ArrayDeque<>();
  /** Utterances begun and not yet ended (at most one or two per participant). */
  private final java.util.Set<Utterance> speaking = new java.util.HashSet<>();
  private MediaOperation running;
  private ContinuousDtmf continuous;
  private Clock.Timer decoderTick;
  private RtpEndpoint rtp;
  private boolean closed;
  private boolean starting;

  /** Continuous DTMF recognition in force: its target, who asked, whether hook flashes count, and the sequence. */
  private static final class ContinuousDtmf {
    final String targetRawId;
    final OperationRef ref;
    final boolean hookFlash;
    int sequenceId;

    ContinuousDtmf(String targetRawId, OperationRef ref, boolean hookFlash) {
      this.targetRawId = targetRawId;
      this.ref = ref;
      this.hookFlash = hookFlash;
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

  void attach(RtpEndpoint endpoint) {
    if (closed) {
      endpoint.close();
    } else {
      rtp = endpoint;
    }
  }

  // ---- the operations' context ----

  @Override
  public long now() {
    return service.clock().nowMillis();
  }

  @Override
  public java.util.Set<Utterance> speechInProgress() {
    return java.util.Set.copyOf(speaking);
  }

  @Override
  public List<AudioClip> audioPlaying() {
    long now = now();
    playing.removeIf(c -> c.endsAt() <= now);
    return List.copyOf(playing);
  }

  @Override
  public Recording keepRecording(CapturedAudio audio) {
    return service.recordings().keep(call, audio);
  }

  @Override
  public Clock.Timer schedule(long delayMs, Runnable task) {
    return service.calls().schedule(call, delayMs, task);
  }

  @Override
  public void publish(MediaEvent event) {
    service.calls().publish(event);
  }

  @Override
  public MediaEvent event(OperationRef operation, Outcome outcome, Forced forced, MediaResult result) {
    return new MediaEvent(call, operation, outcome, forced, result);
  }

  @Override
  public Future<Long> promptLength(List<PlaySource> sources) {
    return service.durations().total(sources);
  }

  @Override
  public <T> T setting(Setting<T> setting) {
    return service.settings().get(setting);
  }

  @Override
  public Optional<Fault> takeFault(ActionKind action) {
    return service.faults().take(action, call.id());
  }

  @Override
  public ChoiceMatching choices() {
    return service.choices();
  }

  @Override
  public void note(String message) {
    service.note(call, message);
  }

  /** Called by an operation when it finished (with its event sent). */
  @Override
  public void ended(MediaOperation op) {
    if (op == running) {
      running = null;
      startNext();
    } else {
      queue.remove(op);
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

  /** The running operation and every queued one, each with its cancel outcome, in order. */
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

  // ---- continuous DTMF ----

  void startContinuousDtmf(String targetRawId, Requester requester, boolean hookFlash) {
    continuous = new ContinuousDtmf(targetRawId, ref(requester), hookFlash);
  }

  void stopContinuousDtmf(Requester requester) {
    ContinuousDtmf was = continuous;
    continuous = null;
    String context = requester.context() != null ? requester.context() : was == null ? null : was.ref.requester().context();
    publish(event(ref(new Requester(context, requester.callbackUri())), Outcome.DTMF_STOPPED, null, MediaResult.NONE));
  }

  /** A reference for a one-shot DTMF action (continuous recognition, sent tones). */
  OperationRef ref(Requester requester) {
    return new OperationRef("dtmf-" + call.id(), ActionKind.CONTINUOUS_DTMF, requester, null);
  }

  // ---- the caller's input ----

  @Override
  public void toneReceived(ToneInput tone) {
    ContinuousDtmf c = continuous;
    if (c != null && c.targetRawId.equals(tone.participantRawId()) && (tone.tone().isKey() || c.hookFlash)) {
      Fault fault = takeFault(ActionKind.CONTINUOUS_DTMF).orElse(null);
      if (fault != null) {
        // The armed row (ToneFailed by default) replaces this tone's event.
        Outcome row = fault.result().row() != null ? fault.result().row() : Outcome.DTMF_TONE_FAILED;
        MediaResult result = row == Outcome.DTMF_TONE_RECEIVED ? new MediaResult.Tone(tone.tone(), ++c.sequenceId)
            : MediaResult.NONE;
        publish(event(c.ref, row, fault.result().forced(), result));
      } else {
        publish(event(c.ref, Outcome.DTMF_TONE_RECEIVED, null, new MediaResult.Tone(tone.tone(), ++c.sequenceId)));
      }
    }
    if (running != null) {
      running.tone(tone);
    }
  }

  @Override
  public void speechStarted(SpeechStart start) {
    speaking.add(Utterance.of(start));
    if (running != null) {
      running.speechStarted(start);
    }
  }

  @Override
  public void speechEnded(SpeechInput speech) {
    speaking.remove(Utterance.of(speech));
    if (running != null) {
      running.speechEnded(speech);
    }
  }

  /** The caller's audio clip starts playing now: kept while it plays, and heard by the running operation. */
  void audioStarted(AudioClip clip) {
    audioPlaying();
    if (playing.size() >= MAX_PLAYING_CLIPS) {
      playing.removeFirst();
    }
    playing.addLast(clip);
    // Let go of the samples once the clip has played, whether or not anyone asks again.
    schedule(clip.endsAt() - now(), () -> playing.remove(clip));
    if (running != null) {
      running.audio(clip);
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
    if (!call.isActive()) {
      return;
    }
    call.input().tone(new ToneInput(participant(ssrc), tone, service.clock().nowMillis()));
  }

  @Override
  public void onToneEnd(long ssrc, DtmfTone tone, long rtpTimestamp, long durationSamples,
      long durationMillis, ToneEndReason endedBy) {
    // Tones count when recognised (at their start); a recording also needs how long each sounded.
    if (running != null && call.isActive()) {
      running.toneEnded(participant(ssrc), tone, service.clock().nowMillis());
    }
  }

  private String participant(long ssrc) {
    return ssrcParticipants.getOrDefault(ssrc, call.remoteParty().rawId());
  }

  // ---- the end ----

  /** The call is ending: continuous DTMF stops (before the call's end), operations stop silently. */
  void callEnding() {
    ContinuousDtmf c = continuous;
    continuous = null;
    if (c != null) {
      publish(event(c.ref, Outcome.DTMF_STOPPED_CALL_ENDED, null, MediaResult.NONE));
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
    playing.clear();
    speaking.clear();
    if (decoderTick != null) {
      decoderTick.cancel();
      decoderTick = null;
    }
    if (rtp != null) {
      rtp.close();
    }
  }

  /** The call's media for the control API. */
  MediaSnapshot snapshot() {
    List<OperationSnapshot> ops = new ArrayList<>();
    if (running != null) {
      ops.add(running.snapshot(true));
    }
    queue.forEach(op -> ops.add(op.snapshot(false)));
    MediaSnapshot.ContinuousDtmf c = continuous == null ? null
        : new MediaSnapshot.ContinuousDtmf(continuous.targetRawId, continuous.ref.requester().context(),
            continuous.sequenceId);
    MediaSnapshot.Rtp r = null;
    if (rtp != null) {
      Map<DecodeResult, Long> decoded = new EnumMap<>(DecodeResult.class);
      for (DecodeResult d : DecodeResult.values()) {
        decoded.put(d, decoder.count(d));
      }
      r = rtp.snapshot(decoded, decoder.ssrcEvictions());
    }
    return new MediaSnapshot(ops, c, r);
  }
}
