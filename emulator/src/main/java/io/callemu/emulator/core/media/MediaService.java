package io.callemu.emulator.core.media;

import io.callemu.dtmf.DtmfTone;
import io.callemu.dtmf.TelephoneEventSender;
import io.callemu.dtmf.TimedPacket;
import io.callemu.emulator.surface.acs.AcsError;
import io.callemu.emulator.surface.acs.AcsErrors;
import io.callemu.emulator.core.call.Call;
import io.callemu.emulator.core.call.CallService;
import io.callemu.emulator.core.clock.Clock;
import io.callemu.emulator.core.fault.Faults;
import io.callemu.emulator.core.input.RecognizedPhrase;
import io.callemu.emulator.core.input.SpeechInput;
import io.callemu.emulator.core.input.SpeechStart;
import io.callemu.emulator.platform.journal.Journal;
import io.callemu.emulator.core.outcome.ResultCatalogue;
import io.callemu.emulator.core.outcome.ResultRow;
import io.callemu.emulator.core.settings.Settings;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiConsumer;

/**
 * Media of every call (issue 5): play and recognize queued per call, cancel, continuous DTMF, send
 * DTMF, and the caller's input (keys as RFC 4733 packets through the call's decoder, speech). Each
 * call gets a {@link CallMedia} and an RTP port when it is created; both go when it ends. Used on
 * the emulator's context only; commands are called after validation.
 */
public final class MediaService {

  /** Milliseconds one tone of {@code :sendDtmfTones} takes (tone plus gap). */
  static final long SENT_TONE_MS = 250;

  private final Vertx vertx;
  private final CallService calls;
  private final Settings settings;
  private final Faults faults;
  private final Journal journal;
  private final PlayDurations durations;
  private final String rtpHost;
  private final Map<String, CallMedia> media = new HashMap<>();
  private final Map<String, Map<String, Sender>> senders = new HashMap<>();
  private final List<BiConsumer<Call, JsonObject>> actionListeners = new ArrayList<>();
  private ChoiceMatching choices = MediaService::matchWithAsrSim;

  /** The control API's RFC 4733 stream for one participant, continuing between requests. */
  private static final class Sender {
    final TelephoneEventSender encoder;
    final long ssrc;
    long streamEndsAt;

    Sender(long ssrc) {
      this.ssrc = ssrc;
      this.encoder = TelephoneEventSender.builder(ssrc).build();
    }
  }

  public MediaService(Vertx vertx, CallService calls, Settings settings, Faults faults, Journal journal,
      PlayDurations durations, String rtpHost) {
    this.vertx = vertx;
    this.calls = calls;
    this.settings = settings;
    this.faults = faults;
    this.journal = journal;
    this.durations = durations;
    this.rtpHost = rtpHost;
    calls.onCreated(this::created);
    calls.onEnding(call -> end(call, true));
    calls.onDropped(call -> end(call, false));
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

  /** Completes when no prompt file is being fetched (bounded by {@code prompt.fetchTimeoutMs}). */
  public Future<Void> whenPromptsFetched() {
    return durations.whenIdle();
  }

  ChoiceMatching choices() {
    return choices;
  }

  Clock clock() {
    return calls.clock();
  }

  /** Silence that splits an uploaded WAV's voice into utterances ({@code speech.segmentationSilenceMs}). */
  public long segmentationSilenceMs() {
    return settings.getLong(Settings.SPEECH_SEGMENTATION_SILENCE_MS);
  }

  /** Replaces how phrases pick choices (the speech recognizer's matcher). */
  public void useChoiceMatching(ChoiceMatching matching) {
    this.choices = matching;
  }

  /**
   * Runs {@code listener} with the request's facts whenever a play or recognize is accepted (the
   * scenario triggers {@code play} and {@code recognize}); facts hold {@code action} and the
   * request's top-level plain fields (e.g. {@code operationContext}, {@code recognizeInputType}).
   */
  public void onAction(BiConsumer<Call, JsonObject> listener) {
    actionListeners.add(listener);
  }

  /** Records a media note for {@code call} in the journal (kind {@code media}). */
  public void note(Call call, String message) {
    journal.record(new JsonObject().put("kind", "media").put("callConnectionId", call.callConnectionId())
        .put("message", message));
  }

  private void created(Call call) {
    CallMedia m = new CallMedia(this, call);
    media.put(call.callConnectionId(), m);
    call.input().onListenerError(e -> note(call, "caller-input listener failed: " + e));
    if (!settings.get(Settings.RTP_PORT_PER_CALL).equals("true")) {
      return;
    }
    RtpEndpoint.bind(vertx, rtpHost, m, () -> settings.getLong(Settings.RTP_MAX_PACKETS_PER_SECOND))
        .onSuccess(m::attach)
        .onFailure(e -> note(call, "no RTP port: " + e.getMessage()));
  }

  private void end(Call call, boolean withEvents) {
    CallMedia m = media.remove(call.callConnectionId());
    senders.remove(call.callConnectionId());
    if (m == null) {
      return;
    }
    if (withEvents) {
      m.callEnding();
    } else {
      m.close();
    }
  }

  private CallMedia of(Call call) {
    CallMedia m = media.get(call.callConnectionId());
    if (m == null) {
      throw AcsErrors.callNotFound();
    }
    return m;
  }

  /** The call detail's {@code media} part (operations with timers, continuous DTMF, RTP port). */
  public JsonObject describe(Call call) {
    CallMedia m = media.get(call.callConnectionId());
    return m == null ? new JsonObject().put("operations", new io.vertx.core.json.JsonArray())
        .putNull("continuousDtmf").putNull("rtp") : m.describe();
  }

  // ---- ACS actions ----

  /**
   * Queues a play (or starts it at once with {@code interrupt}, cancelling the others).
   *
   * @throws AcsError 400/8500 when the call already has {@link CallMedia#MAX_QUEUED} waiting
   */
  public void play(Call call, List<PlaySource> sources, boolean loop, boolean interrupt,
      String operationContext, String callbackUri, JsonObject facts) {
    CallMedia m = roomIn(call);
    m.enqueue(new PlayOperation(m, sources, loop, operationContext, callbackUri), interrupt);
    fire(call, facts.put("action", "play"));
  }

  /** Queues a recognize; as {@link #play}. */
  public void recognize(Call call, RecognizeSpec spec, boolean interrupt, String operationContext,
      String callbackUri, JsonObject facts) {
    CallMedia m = roomIn(call);
    m.enqueue(new RecognizeOperation(m, spec, operationContext, callbackUri), interrupt);
    fire(call, facts.put("action", "recognize"));
  }

  private CallMedia roomIn(Call call) {
    CallMedia m = of(call);
    if (!m.hasRoom()) {
      throw AcsErrors.mediaQueueFull(CallMedia.MAX_QUEUED);
    }
    return m;
  }

  private void fire(Call call, JsonObject facts) {
    for (BiConsumer<Call, JsonObject> l : actionListeners) {
      l.accept(call, facts);
    }
  }

  /** {@code :cancelAllMediaOperations}: a Canceled event for the running and every queued operation. */
  public void cancelAll(Call call) {
    of(call).cancelAll();
  }

  public void startContinuousDtmf(Call call, String targetRawId, String operationContext, String callbackUri) {
    of(call).startContinuousDtmf(targetRawId, operationContext, callbackUri);
  }

  public void stopContinuousDtmf(Call call, String operationContext, String callbackUri) {
    of(call).stopContinuousDtmf(operationContext, callbackUri);
  }

  /** {@code :sendDtmfTones}: SendDtmfTonesCompleted once the tones were "sent" ({@value #SENT_TONE_MS} ms each). */
  public void sendDtmf(Call call, List<DtmfTone> tones, String operationContext, String callbackUri) {
    calls.schedule(call, tones.size() * SENT_TONE_MS, () -> {
      ResultRow row = ResultCatalogue.SEND_DTMF_COMPLETED;
      var fault = faults.take("sendDtmfTones", call.callConnectionId());
      JsonObject info = row.toJson();
      String event = row.event();
      if (fault.isPresent()) {
        ResultCatalogue.Forced forced = ResultCatalogue.forced("sendDtmfTones", fault.get().result(),
            ResultCatalogue.SEND_DTMF_FAILED);
        event = forced.event();
        info = forced.resultInformation();
      }
      calls.publish(call, event, CallService.eventData(call, event, info, operationContext), callbackUri);
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
    Sender sender = senders.computeIfAbsent(call.callConnectionId(), id -> new HashMap<>())
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
   * The remote party's audio: {@code utterances} (from {@link CallerAudio}) become speech start and
   * end on the clock, {@code delayMs} after now, each recognised as its part of the transcript.
   */
  public void sayAudio(Call call, String participantRawId, List<CallerAudio.Utterance> utterances,
      double confidence, long delayMs) {
    for (CallerAudio.Utterance u : utterances) {
      long duration = u.endMs() - u.startMs();
      say(call, participantRawId, Phrases.of(u.text(), confidence, "en-US", duration), delayMs + u.startMs(), duration);
    }
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
