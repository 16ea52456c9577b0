package io.callemu.emulator.core.media;

import io.callemu.dtmf.DtmfTone;
import io.callemu.dtmf.TelephoneEventSender;
import io.callemu.dtmf.TimedPacket;
import io.callemu.emulator.core.call.Call;
import io.callemu.emulator.core.call.CallLifecycle;
import io.callemu.emulator.core.call.CallService;
import io.callemu.emulator.core.call.CallState;
import io.callemu.emulator.core.call.Requester;
import io.callemu.emulator.core.clock.Clock;
import io.callemu.emulator.core.event.Notice;
import io.callemu.emulator.core.fault.Faults;
import io.callemu.emulator.core.input.RecognizedPhrase;
import io.callemu.emulator.core.input.SpeechInput;
import io.callemu.emulator.core.input.SpeechStart;
import io.callemu.emulator.core.outcome.ActionKind;
import io.callemu.emulator.core.outcome.Outcome;
import io.callemu.emulator.core.outcome.Refusal;
import io.callemu.emulator.core.recording.AudioClip;
import io.callemu.emulator.core.recording.Recordings;
import io.callemu.emulator.core.settings.Settings;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Media of every call: play, recognize, playPrompt and recordResponse queued per call, cancel,
 * continuous DTMF (Graph's tone subscription too), sent DTMF, and the path caller input takes (keys
 * as RFC 4733 packets through the call's decoder, speech, audio for recordings). Each
 * call gets a {@link CallMedia} and an RTP port when it is created; both go when it ends. Used on
 * the emulator's context only; commands are called after the surface validated the request and
 * refuse, before anything changes, what only the call's state can decide.
 */
public final class MediaService implements CallLifecycle {

  /** Milliseconds one tone of a sent-DTMF action takes (tone plus gap). */
  static final long SENT_TONE_MS = 250;

  private final Vertx vertx;
  private final CallService calls;
  private final Settings settings;
  private final Faults faults;
  private final PlayDurations durations;
  private final Recordings recordings;
  private final String rtpHost;
  private final Map<String, CallMedia> media = new HashMap<>();
  private final Map<String, Map<String, Sender>> senders = new HashMap<>();
  private ChoiceMatching choices = MediaService::matchWithAsrSim;

  /** The control API's RFC 4733 stream for one participant, continuing between requests. */
  private static final class Sender {
    final TelephoneEventSender encoder;
    long streamEndsAt;

    Sender(long ssrc) {
      this.encoder = TelephoneEventSender.builder(ssrc).build();
    }
  }

  public MediaService(Vertx vertx, CallService calls, Settings settings, Faults faults, PlayDurations durations,
      Recordings recordings, String rtpHost) {
    this.vertx = vertx;
    this.calls = calls;
    this.settings = settings;
    this.faults = faults;
    this.durations = durations;
    this.recordings = recordings;
    this.rtpHost = rtpHost;
    calls.follow(this);
  }

  CallService calls() {
    return calls;
  }

  Settings settings() {
    return settings;
  }

  Faults faults() {
    return faults;
  }

  PlayDurations durations() {
    return durations;
  }

  Recordings recordings() {
    return recordings;
  }

  ChoiceMatching choices() {
    return choices;
  }

  Clock clock() {
    return calls.clock();
  }

  /** Completes when no prompt file is being fetched (bounded by {@code prompt.fetchTimeoutMs}). */
  public Future<Void> whenPromptsFetched() {
    return durations.whenIdle();
  }

  /** Replaces how phrases pick choices (the speech recognizer's matcher). */
  public void useChoiceMatching(ChoiceMatching matching) {
    this.choices = matching;
  }

  /** Records a media note for {@code call} in the journal. */
  void note(Call call, String message) {
    calls.publish(new Notice(call.id(), message));
  }

  @Override
  public void created(Call call) {
    CallMedia m = new CallMedia(this, call);
    media.put(call.id(), m);
    call.input().onListenerError(e -> note(call, "caller-input listener failed: " + e));
    if (!settings.get(MediaSettings.RTP_PORT_PER_CALL)) {
      return;
    }
    RtpEndpoint.bind(vertx, rtpHost, m, () -> settings.get(MediaSettings.RTP_MAX_PACKETS_PER_SECOND))
        .onSuccess(m::attach)
        .onFailure(e -> note(call, "no RTP port: " + e.getMessage()));
  }

  @Override
  public void ending(Call call) {
    CallMedia m = forget(call);
    if (m != null) {
      m.callEnding();
    }
  }

  @Override
  public void dropped(Call call) {
    CallMedia m = forget(call);
    if (m != null) {
      m.close();
    }
  }

  private CallMedia forget(Call call) {
    senders.remove(call.id());
    return media.remove(call.id());
  }

  private CallMedia of(Call call) {
    CallMedia m = media.get(call.id());
    if (m == null) {
      throw new Refusal(Outcome.CALL_NOT_FOUND);
    }
    return m;
  }

  /** The call's media for the control API ({@link MediaSnapshot#NONE} once it ended). */
  public MediaSnapshot snapshot(Call call) {
    CallMedia m = media.get(call.id());
    return m == null ? MediaSnapshot.NONE : m.snapshot();
  }

  // ---- the app's actions ----

  /**
   * Queues a play (or starts it at once with {@code interrupt}, cancelling the others).
   *
   * @param facts the request's plain fields, for scenario triggers
   * @throws Refusal when the call is not connected or its queue is full
   */
  public void play(Call call, List<PlaySource> sources, boolean loop, boolean interrupt, Requester requester,
      Map<String, Object> facts) {
    CallMedia m = roomIn(call);
    m.enqueue(new PlayOperation(m, PlayRows.PLAY, sources, loop, requester), interrupt);
    calls.publish(new MediaActionAccepted(call, ActionKind.PLAY, facts));
  }

  /**
   * Queues a recognize; as {@link #play}.
   *
   * @throws Refusal also when speech input is asked of a call without Cognitive Services
   */
  public void recognize(Call call, RecognizeSpec spec, boolean interrupt, Requester requester,
      Map<String, Object> facts) {
    if (spec.inputType().takesSpeech() && !call.setup().hasCognitiveServices()) {
      throw new Refusal(Outcome.COGNITIVE_SERVICES_NOT_CONFIGURED);
    }
    CallMedia m = roomIn(call);
    m.enqueue(new RecognizeOperation(m, spec, requester), interrupt);
    calls.publish(new MediaActionAccepted(call, ActionKind.RECOGNIZE, facts));
  }

  /**
   * Queues a Graph playPrompt: the prompts in order, or forever with {@code loop}.
   *
   * @param facts the request's plain fields, for scenario triggers
   * @return the operation, whose id the app is told
   * @throws Refusal when the call is not connected or its queue is full
   */
  public OperationRef playPrompt(Call call, List<PlaySource> prompts, boolean loop, Requester requester,
      Map<String, Object> facts) {
    CallMedia m = roomIn(call);
    PlayOperation op = new PlayOperation(m, PlayRows.PLAY_PROMPT, prompts, loop, requester);
    m.enqueue(op, false);
    calls.publish(new MediaActionAccepted(call, ActionKind.PLAY_PROMPT, facts));
    return op.ref;
  }

  /**
   * Queues a recordResponse (or, with {@link RecordSpec#bargeIn()}, cancels the running and queued
   * operations and starts it at once).
   *
   * @return the operation, whose id the app is told
   * @throws Refusal when the call is not connected or its queue is full
   */
  public OperationRef recordResponse(Call call, RecordSpec spec, Requester requester, Map<String, Object> facts) {
    CallMedia m = roomIn(call);
    RecordOperation op = new RecordOperation(m, spec, requester);
    m.enqueue(op, spec.bargeIn());
    calls.publish(new MediaActionAccepted(call, ActionKind.RECORD_RESPONSE, facts));
    return op.ref;
  }

  private CallMedia roomIn(Call call) {
    CallMedia m = mediaOfConnected(call);
    if (!m.hasRoom()) {
      throw new Refusal(Outcome.MEDIA_QUEUE_FULL, Integer.toString(CallMedia.MAX_QUEUED));
    }
    return m;
  }

  private CallMedia mediaOfConnected(Call call) {
    if (call.state() != CallState.CONNECTED) {
      throw new Refusal(Outcome.CALL_NOT_ESTABLISHED);
    }
    return of(call);
  }

  /** Cancels the running and every queued operation, each with its cancel outcome. */
  public void cancelAll(Call call) {
    mediaOfConnected(call).cancelAll();
  }

  /**
   * Reports every key {@code targetRawId} presses from now on, with a rising sequence id; with
   * {@code hookFlash} a hook flash (RFC 4733 event 16) too.
   */
  public void startContinuousDtmf(Call call, String targetRawId, Requester requester, boolean hookFlash) {
    mediaOfConnected(call).startContinuousDtmf(targetRawId, requester, hookFlash);
  }

  public void stopContinuousDtmf(Call call, Requester requester) {
    mediaOfConnected(call).stopContinuousDtmf(requester);
  }

  /** Sends tones to a participant; completes once they were "sent" ({@value #SENT_TONE_MS} ms each). */
  public void sendDtmf(Call call, List<DtmfTone> tones, Requester requester) {
    CallMedia m = mediaOfConnected(call);
    OperationRef ref = new OperationRef("send-" + call.id(), ActionKind.SEND_DTMF_TONES, requester, null);
    calls.schedule(call, tones.size() * SENT_TONE_MS, () -> {
      var fault = faults.take(ActionKind.SEND_DTMF_TONES, call.id());
      if (fault.isPresent()) {
        Outcome row = fault.get().result().row() != null ? fault.get().result().row() : Outcome.SEND_DTMF_FAILED;
        m.publish(m.event(ref, row, fault.get().result().forced(), MediaResult.NONE));
      } else {
        m.publish(m.event(ref, Outcome.SEND_DTMF_COMPLETED, null, MediaResult.NONE));
      }
    });
  }

  // ---- the caller's input ----

  /**
   * The remote party presses {@code tones}: encoded as RFC 4733 packets (one stream per
   * participant, continuing between requests) and fed through the call's decoder at their send
   * times on the clock. Returns the emulated time the last packet goes.
   */
  public long pressKeys(Call call, String participantRawId, List<DtmfTone> tones, int toneMs, int gapMs,
      long delayMs) {
    CallMedia m = of(call);
    Sender sender = senders.computeIfAbsent(call.id(), id -> new HashMap<>())
        .computeIfAbsent(participantRawId, p -> {
          long ssrc = ThreadLocalRandom.current().nextLong(1L << 32);
          m.claimSsrc(ssrc, p);
          return new Sender(ssrc);
        });
    long start = clock().nowMillis() + delayMs;
    // Keep one stream: a batch never starts before the previous one ended, and the RTP clock
    // advances by the silence in between.
    long begin = Math.max(start, sender.streamEndsAt);
    if (sender.streamEndsAt > 0) {
      sender.encoder.skipMillis(begin - sender.streamEndsAt);
    }
    List<TimedPacket> packets = sender.encoder.encode(tones, toneMs, gapMs);
    long last = begin;
    for (TimedPacket p : packets) {
      long at = begin + p.sendAtMillis();
      last = Math.max(last, at);
      byte[] bytes = p.packet();
      calls.schedule(call, at - clock().nowMillis(), () -> m.receiveRtp(bytes, 0, bytes.length));
    }
    sender.streamEndsAt = begin + (long) tones.size() * (toneMs + gapMs);
    return last;
  }

  /**
   * The remote party says {@code phrase}: voice activity starts after {@code delayMs} and lasts
   * {@code durationMs}; the phrase is recognised when it ends. Its start already carries the
   * planned utterance (see {@link SpeechStart#planned()}).
   */
  public void say(Call call, String participantRawId, RecognizedPhrase phrase, long delayMs, long durationMs) {
    of(call);
    SpeechInput[] planned = new SpeechInput[1];
    calls.schedule(call, delayMs, () -> {
      long startedAt = clock().nowMillis();
      // The words are known up front: listeners get the whole utterance now, for hypotheses in flight.
      planned[0] = new SpeechInput(participantRawId, startedAt, startedAt + durationMs, phrase);
      call.input().speechStarted(new SpeechStart(participantRawId, startedAt, planned[0]));
    });
    calls.schedule(call, delayMs + durationMs, () -> call.input().speechEnded(planned[0]));
  }

  /**
   * The remote party's audio, 16 kHz mono samples starting after {@code delayMs}: kept while it plays
   * for recordings (what its voice says comes separately, as speech).
   */
  public void audio(Call call, String participantRawId, short[] samples, long delayMs) {
    CallMedia m = of(call);
    calls.schedule(call, delayMs, () -> m.audioStarted(new AudioClip(participantRawId, clock().nowMillis(), samples)));
  }

  /** Phrase-to-choice matching by asr-sim's {@link io.callemu.asr.ChoiceMatcher} (case and punctuation ignored). */
  static RecognizeSpec.Choice matchWithAsrSim(List<RecognizeSpec.Choice> choices, String phrase, String locale) {
    List<io.callemu.asr.Choice> asr = choices.stream()
        .map(c -> new io.callemu.asr.Choice(c.label(), c.phrases())).toList();
    return new io.callemu.asr.ChoiceMatcher(asr).match(phrase)
        .flatMap(m -> choices.stream().filter(c -> c.label().equals(m.label())).findFirst())
        .orElse(null);
  }
}
