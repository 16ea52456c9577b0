package io.callemu.emulator.core.transcription;

import io.callemu.asr.wire.ResultStatusCasing;
import io.callemu.emulator.surface.acs.AcsErrors;
import io.callemu.emulator.surface.acs.JsonFields;
import io.callemu.emulator.core.call.Call;
import io.callemu.emulator.core.call.CallService;
import io.callemu.emulator.core.call.CallState;
import io.callemu.emulator.core.call.EventSink;
import io.callemu.emulator.core.clock.Clock;
import io.callemu.emulator.core.fault.Fault;
import io.callemu.emulator.core.fault.Faults;
import io.callemu.emulator.platform.journal.Journal;
import io.callemu.emulator.core.settings.Settings;
import io.callemu.emulator.core.transcription.CallTranscription.Requester;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Real-time transcription (issue 6, reference sections 5, 7, 8.3 and 9): {@code :startTranscription},
 * {@code :updateTranscription} and {@code :stopTranscription}, {@code startTranscription: true} at
 * connect, the TranscriptionStarted/Updated/Stopped/Failed events with {@code transcriptionUpdate},
 * and one {@link TranscriptionStream} per running transcription fed by the call's caller input.
 * Requests are checked fully before anything changes; rows that refuse a request synchronously are
 * thrown as {@link io.callemu.emulator.surface.acs.AcsError}. Used on the emulator's context only.
 */
public final class TranscriptionService {

  private static final String EVENT_PREFIX = "Microsoft.Communication.";

  private final Clock clock;
  private final Settings settings;
  private final EventSink events;
  private final Journal journal;
  private final Faults faults;
  private final StreamConnector connector;
  private final CallService calls;
  private final Map<String, CallTranscription> byCall = new HashMap<>();
  private final List<BiConsumer<Call, JsonObject>> startedListeners = new ArrayList<>();

  public TranscriptionService(Clock clock, Settings settings, EventSink events, Journal journal, Faults faults,
      StreamConnector connector, CallService calls) {
    this.clock = clock;
    this.settings = settings;
    this.events = events;
    this.journal = journal;
    this.faults = faults;
    this.connector = connector;
    this.calls = calls;
    calls.onConnected(this::callConnected);
  }

  /**
   * Runs {@code listener} when a transcription's first connection opened (scenario trigger
   * {@code transcriptionStarted}) with {@code {operationContext?, locale}}.
   */
  public void onStarted(BiConsumer<Call, JsonObject> listener) {
    startedListeners.add(listener);
  }

  // ---- the ACS surface --------------------------------------------------------------------------

  /** {@code :startTranscription}: checks, then starts (202); outcomes come as events. */
  public void start(Call call, JsonFields body) {
    String locale = body.optString("locale");
    String model = body.optString("speechModelEndpointId");
    Requester by = requester(body);
    TranscriptionOptions options = usableOptions(call);
    String startLocale = locale == null ? options.locale() : TranscriptionOptions.canonicalLocale(locale);
    CallTranscription t = byCall.get(call.callConnectionId());
    if (t != null && t.isRunning()) {
      throw AcsErrors.resultRow(400, 8585, "Action not valid in current call state: transcription is already running.");
    }
    CallTranscription target = t != null ? t : register(call, options);
    calls.schedule(call, 0, () -> begin(target, startLocale, model, by));
  }

  /** {@code :updateTranscription}: a new locale for the following phrases (202, TranscriptionUpdated). */
  public void update(Call call, JsonFields body) {
    String locale = body.optString("locale");
    String model = body.optString("speechModelEndpointId");
    Requester by = requester(body);
    usableOptions(call);
    String newLocale = TranscriptionOptions.canonicalLocale(locale);
    CallTranscription t = runningOrRefuse(call);
    calls.schedule(call, 0, () -> {
      if (!t.isRunning()) {
        return;
      }
      Optional<JsonObject> fault = takeFault(call);
      if (fault.isPresent()) {
        fail(t, fault.get(), by);
      } else if (model != null) {
        fail(t, TranscriptionResult.CUSTOM_MODEL_NOT_SUPPORTED.toJson(), by);
      } else {
        t.changeLocale(newLocale);
        publish(t, TranscriptionResult.UPDATED.toJson(), "TranscriptionUpdated", "transcriptionUpdated",
            TranscriptionResult.UPDATED.statusDetails(), by);
      }
    });
  }

  /** {@code :stopTranscription}: closes the stream cleanly (202, TranscriptionStopped). */
  public void stop(Call call, JsonFields body) {
    Requester by = requester(body);
    refuseIfEnded(call);
    CallTranscription t = byCall.get(call.callConnectionId());
    calls.schedule(call, 0, () -> {
      if (t != null) {
        t.end("transcription stopped");
      }
      TranscriptionResult stopped = TranscriptionResult.STOPPED;
      if (t != null) {
        publish(t, stopped.toJson(), stopped.event(), "transcriptionStopped", stopped.statusDetails(), by);
      } else {
        publishFor(call, stopped.toJson(), stopped.event(), "transcriptionStopped", stopped.statusDetails(), by);
      }
    });
  }

  /** {@code transcriptionSubscription} for CallConnectionProperties, or null without transcriptionOptions. */
  public JsonObject subscription(Call call) {
    CallTranscription t = view(call);
    return t == null ? null : t.subscriptionJson();
  }

  // ---- the control API --------------------------------------------------------------------------

  /** The call's transcription for {@code GET /_emulator/calls/{id}}, or null without transcriptionOptions. */
  public JsonObject describe(Call call) {
    CallTranscription t = view(call);
    return t == null ? null : t.detailJson();
  }

  /** The call's transcription, or an idle unregistered one from its options, or null without options. */
  private CallTranscription view(Call call) {
    CallTranscription t = byCall.get(call.callConnectionId());
    if (t != null) {
      return t;
    }
    TranscriptionOptions options = TranscriptionOptions.of(call.requestExtras());
    return options == null ? null : new CallTranscription(this, call, options);
  }

  /**
   * Applies armed {@code websocket} faults to open connections at once (the stream reconnects);
   * faults left over refuse the next connection attempt instead.
   */
  public void applyWebsocketFaults() {
    for (CallTranscription t : new ArrayList<>(byCall.values())) {
      if (t.isConnected()) {
        faults.take("websocket", t.call().callConnectionId()).ifPresent(f -> t.dropConnection());
      }
    }
  }

  /** Closes every stream without events (control reset). */
  public void reset() {
    byCall.values().forEach(t -> t.end("callemu reset"));
    byCall.clear();
  }

  // ---- internals --------------------------------------------------------------------------------

  private void callConnected(Call call) {
    TranscriptionOptions options = TranscriptionOptions.of(call.requestExtras());
    if (options == null || !options.startTranscription()) {
      return;
    }
    CallTranscription t = register(call, options);
    Requester by = new Requester(null, call.callbackUri());
    if (options.transportUrl() == null) {
      fail(t, TranscriptionResult.TRANSPORT_URL_NOT_SET.toJson(), by);
    } else if (!options.cognitiveServicesConfigured()) {
      fail(t, TranscriptionResult.COGNITIVE_NOT_CONFIGURED.toJson(), by);
    } else {
      begin(t, options.locale(), options.speechModelEndpointId(), by);
    }
  }

  private void begin(CallTranscription t, String locale, String model, Requester by) {
    Call call = t.call();
    if (!call.isActive() || t.isRunning()) {
      return;
    }
    Optional<JsonObject> fault = takeFault(call);
    if (fault.isPresent()) {
      fail(t, fault.get(), by);
      return;
    }
    if (model != null) {
      fail(t, TranscriptionResult.CUSTOM_MODEL_NOT_SUPPORTED.toJson(), by);
      return;
    }
    String url = t.options().transportUrl();
    if (!StreamConnector.isStreamUrl(url)) {
      fail(t, TranscriptionResult.INVALID_STREAM_URL.toJson(), by);
      return;
    }
    TranscriptionStream stream = new TranscriptionStream(connector, clock, settings, journal, faults, url,
        call.callConnectionId(), call.correlationId(), t::metadataFrame, t);
    t.begin(locale, by, stream, clock.nowMillis());
  }

  void streamOpened(CallTranscription t, boolean reconnected) {
    TranscriptionResult started = TranscriptionResult.STARTED;
    if (reconnected) {
      publish(t, started.toJson(), started.event(), "transcriptionResumed", "streamConnectionReestablished",
          t.requester());
    } else {
      publish(t, started.toJson(), started.event(), "transcriptionStarted", started.statusDetails(), t.requester());
      JsonObject facts = new JsonObject().put("locale", t.locale());
      if (t.requester().operationContext() != null) {
        facts.put("operationContext", t.requester().operationContext());
      }
      startedListeners.forEach(l -> l.accept(t.call(), facts));
    }
  }

  void streamInterrupted(CallTranscription t) {
    TranscriptionResult updated = TranscriptionResult.UPDATED;
    publish(t, updated.toJson(), updated.event(), "transcriptionUpdated", "streamConnectionInterrupted",
        t.requester());
  }

  void streamFailed(CallTranscription t) {
    fail(t, TranscriptionResult.WEBSOCKET_FAILED.toJson(), t.requester());
  }

  void forget(CallTranscription t) {
    byCall.remove(t.call().callConnectionId(), t);
  }

  /** TranscriptionFailed with {@code result} ({code, subCode, message}); the stream, if any, ends. */
  private void fail(CallTranscription t, JsonObject result, Requester by) {
    t.end("transcription failed");
    String details = TranscriptionResult.match(result).map(TranscriptionResult::statusDetails)
        .orElse("unspecifiedError");
    publish(t, result, "TranscriptionFailed", "transcriptionFailed", details, by);
  }

  private void publish(CallTranscription t, JsonObject result, String event, String status, String details,
      Requester by) {
    publishFor(t.call(), result, event, status, details, by);
  }

  private void publishFor(Call call, JsonObject result, String event, String status, String details, Requester by) {
    if (!call.isActive()) {
      return; // nothing follows CallDisconnected
    }
    JsonObject data = CallService.eventData(call, event, result, by.operationContext())
        .put("transcriptionUpdate", new JsonObject().put("transcriptionStatus", status)
            .put("transcriptionStatusDetails", details));
    events.publish(call, event, data, by.callbackUri() != null ? by.callbackUri() : call.callbackUri());
  }

  /** An armed {@code transcription} fault's result, its message filled in from the catalogue. */
  private Optional<JsonObject> takeFault(Call call) {
    return faults.take("transcription", call.callConnectionId()).map(Fault::result).map(r -> {
      if (r.getString("message") == null) {
        r.put("message", TranscriptionResult.find(r.getInteger("code"), r.getInteger("subCode"))
            .map(TranscriptionResult::message).orElse("Unknown internal server error."));
      }
      return new JsonObject().put("code", r.getInteger("code")).put("subCode", r.getInteger("subCode"))
          .put("message", r.getString("message"));
    });
  }

  private CallTranscription register(Call call, TranscriptionOptions options) {
    CallTranscription t = new CallTranscription(this, call, options);
    byCall.put(call.callConnectionId(), t);
    call.input().subscribe(t);
    return t;
  }

  private CallTranscription runningOrRefuse(Call call) {
    CallTranscription t = byCall.get(call.callConnectionId());
    if (t == null || !t.isRunning()) {
      throw AcsErrors.resultRow(400, 8585, "Action not valid in current call state: transcription is not running.");
    }
    return t;
  }

  /** The options when transcription may run on this call now, else the synchronous §8.3 row. */
  private TranscriptionOptions usableOptions(Call call) {
    refuseIfEnded(call);
    if (call.state() != CallState.CONNECTED) {
      throw TranscriptionOptions.sync(TranscriptionResult.CALL_NOT_ESTABLISHED);
    }
    TranscriptionOptions options = TranscriptionOptions.of(call.requestExtras());
    if (options == null || options.transportUrl() == null) {
      throw TranscriptionOptions.sync(TranscriptionResult.TRANSPORT_URL_NOT_SET);
    }
    if (!options.cognitiveServicesConfigured()) {
      throw TranscriptionOptions.sync(TranscriptionResult.COGNITIVE_NOT_CONFIGURED);
    }
    return options;
  }

  private static void refuseIfEnded(Call call) {
    if (!call.isActive()) {
      throw TranscriptionOptions.sync(TranscriptionResult.CALL_TERMINATED);
    }
  }

  private static Requester requester(JsonFields body) {
    return new Requester(body.optString("operationContext"), body.optHttpUri("operationCallbackUri"));
  }

  ResultStatusCasing casing() {
    return ResultStatusCasing.parse(settings.get(io.callemu.emulator.core.settings.Settings.TRANSCRIPTION_STATUS_CASING));
  }

  long intermediateIntervalMs() {
    return settings.getLong(TranscriptionSettings.INTERMEDIATE_INTERVAL_MS);
  }

  long segmentationSilenceMs() {
    return settings.getLong(TranscriptionSettings.SEGMENTATION_SILENCE_MS);
  }

  long nowMillis() {
    return clock.nowMillis();
  }

  void later(Call call, long delayMs, Runnable task) {
    calls.schedule(call, delayMs, task);
  }
}
