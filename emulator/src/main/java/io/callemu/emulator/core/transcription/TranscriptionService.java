package io.callemu.emulator.core.transcription;

import io.callemu.asr.Locales;
import io.callemu.emulator.core.call.Call;
import io.callemu.emulator.core.call.CallLifecycle;
import io.callemu.emulator.core.call.CallService;
import io.callemu.emulator.core.call.CallState;
import io.callemu.emulator.core.call.Requester;
import io.callemu.emulator.core.call.TranscriptionSetup;
import io.callemu.emulator.core.clock.Clock;
import io.callemu.emulator.core.fault.Fault;
import io.callemu.emulator.core.fault.Faults;
import io.callemu.emulator.core.outcome.ActionKind;
import io.callemu.emulator.core.outcome.Forced;
import io.callemu.emulator.core.outcome.InvalidRequest;
import io.callemu.emulator.core.outcome.Outcome;
import io.callemu.emulator.core.outcome.Refusal;
import io.callemu.emulator.core.settings.Settings;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Real-time transcription of calls: start, update and stop, the start at connect, the events of
 * each change ({@link TranscriptionEvent}), and one stream per running transcription, fed by the
 * call's caller input. Requests are checked fully before anything changes; what the call's state
 * or setup rules out is refused with a {@link Refusal} naming the catalogue row. Used on the
 * emulator's context only.
 */
public final class TranscriptionService implements CallLifecycle {

  private final Clock clock;
  private final Settings settings;
  private final Faults faults;
  private final CallService calls;
  private final TranscriptionTransport transport;
  private final Map<String, CallTranscription> byCall = new HashMap<>();

  public TranscriptionService(Clock clock, Settings settings, Faults faults, CallService calls,
      TranscriptionTransport transport) {
    this.clock = clock;
    this.settings = settings;
    this.faults = faults;
    this.calls = calls;
    this.transport = transport;
    calls.follow(this);
  }

  /**
   * A recognition locale in canonical form ({@code en-us} → {@code en-US}).
   *
   * @throws Refusal the locale-missing or locale-without-region row
   * @throws InvalidRequest for a locale callemu does not know
   */
  public static String canonicalLocale(String locale) {
    if (locale == null || locale.isBlank()) {
      throw new Refusal(Outcome.TRANSCRIPTION_LOCALE_MISSING);
    }
    if (!locale.contains("-")) {
      throw new Refusal(Outcome.TRANSCRIPTION_LOCALE_WITHOUT_REGION);
    }
    try {
      return Locales.requireSupported(locale);
    } catch (IllegalArgumentException e) {
      throw new InvalidRequest(e.getMessage());
    }
  }

  /** Starts transcription (accepted: the outcome comes as events), or refuses. */
  public void start(Call call, TranscriptionRequest request) {
    TranscriptionSetup setup = usableSetup(call);
    String startLocale = request.locale() == null ? setup.locale() : canonicalLocale(request.locale());
    CallTranscription t = byCall.get(call.id());
    if (t != null && t.isRunning()) {
      throw new Refusal(Outcome.TRANSCRIPTION_ALREADY_RUNNING);
    }
    CallTranscription target = t != null ? t : register(call, setup);
    calls.schedule(call, 0, () -> begin(target, startLocale, request.speechModelEndpointId(), request.requester()));
  }

  /** A new locale for the following phrases (accepted: TranscriptionUpdated follows), or refuses. */
  public void update(Call call, TranscriptionRequest request) {
    usableSetup(call);
    String newLocale = canonicalLocale(request.locale());
    CallTranscription t = byCall.get(call.id());
    if (t == null || !t.isRunning()) {
      throw new Refusal(Outcome.TRANSCRIPTION_NOT_RUNNING);
    }
    Requester by = request.requester();
    calls.schedule(call, 0, () -> {
      if (!t.isRunning()) {
        return;
      }
      Optional<Fault> fault = faults.take(ActionKind.TRANSCRIPTION, call.id());
      if (fault.isPresent()) {
        failWithFault(t, fault.get(), by);
      } else if (request.speechModelEndpointId() != null) {
        fail(t, Outcome.TRANSCRIPTION_CUSTOM_MODEL, null, by);
      } else {
        t.changeLocale(newLocale);
        publish(call, by, Outcome.TRANSCRIPTION_UPDATED, null, TranscriptionStatus.TRANSCRIPTION_UPDATED,
            StatusDetails.TRANSCRIPTION_LOCALE_UPDATED);
      }
    });
  }

  /** Stops transcription with a clean close (accepted: TranscriptionStopped follows, also when none ran). */
  public void stop(Call call, Requester by) {
    refuseIfEnded(call);
    CallTranscription t = byCall.get(call.id());
    calls.schedule(call, 0, () -> {
      if (t != null) {
        t.end("transcription stopped");
      }
      publish(call, by, Outcome.TRANSCRIPTION_STOPPED, null, TranscriptionStatus.TRANSCRIPTION_STOPPED,
          StatusDetails.SUBSCRIPTION_STOPPED);
    });
  }

  /** The call's transcription subscription, or null when the call was set up without one. */
  public TranscriptionView view(Call call) {
    CallTranscription t = byCall.get(call.id());
    if (t != null) {
      return t.view();
    }
    TranscriptionSetup setup = call.setup().transcription();
    return setup == null ? null : new CallTranscription(this, call, setup).view();
  }

  /**
   * Applies armed {@code websocket} faults to open streams at once (they reconnect); faults left
   * over refuse the next connection attempt instead.
   */
  public void applyWebsocketFaults() {
    for (CallTranscription t : new ArrayList<>(byCall.values())) {
      if (t.isConnected()) {
        faults.take(ActionKind.WEBSOCKET, t.call().id()).ifPresent(f -> t.dropConnection());
      }
    }
  }

  /** Closes every stream without events (control reset). */
  public void reset() {
    byCall.values().forEach(t -> t.end("callemu reset"));
    byCall.clear();
  }

  // ---- the call's life ----

  @Override
  public void connected(Call call) {
    TranscriptionSetup setup = call.setup().transcription();
    if (setup == null || !setup.startAtConnect()) {
      return;
    }
    CallTranscription t = register(call, setup);
    Requester by = Requester.NONE;
    if (setup.transportUrl() == null) {
      fail(t, Outcome.TRANSCRIPTION_URL_NOT_SET, null, by);
    } else if (!call.setup().hasCognitiveServices()) {
      fail(t, Outcome.TRANSCRIPTION_COGNITIVE_NOT_SET, null, by);
    } else {
      begin(t, setup.locale(), setup.speechModelEndpointId(), by);
    }
  }

  private void begin(CallTranscription t, String locale, String model, Requester by) {
    Call call = t.call();
    if (!call.isActive() || t.isRunning()) {
      return;
    }
    Optional<Fault> fault = faults.take(ActionKind.TRANSCRIPTION, call.id());
    if (fault.isPresent()) {
      failWithFault(t, fault.get(), by);
      return;
    }
    if (model != null) {
      fail(t, Outcome.TRANSCRIPTION_CUSTOM_MODEL, null, by);
      return;
    }
    if (!isStreamUrl(t.setup().transportUrl())) {
      fail(t, Outcome.TRANSCRIPTION_INVALID_STREAM_URL, null, by);
      return;
    }
    t.begin(locale, by, clock.nowMillis());
  }

  /** Whether {@code url} is an absolute ws:// or wss:// URL with a host (else the 8581 row). */
  static boolean isStreamUrl(String url) {
    if (url == null) {
      return false;
    }
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme();
      return scheme != null && (scheme.equalsIgnoreCase("ws") || scheme.equalsIgnoreCase("wss"))
          && uri.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  void streamOpened(CallTranscription t, boolean reconnected) {
    if (reconnected) {
      publish(t.call(), t.requester(), Outcome.TRANSCRIPTION_STARTED, null, TranscriptionStatus.TRANSCRIPTION_RESUMED,
          StatusDetails.STREAM_CONNECTION_REESTABLISHED);
    } else {
      publish(t.call(), t.requester(), Outcome.TRANSCRIPTION_STARTED, null, TranscriptionStatus.TRANSCRIPTION_STARTED,
          StatusDetails.SUBSCRIPTION_STARTED);
      calls.publish(new TranscriptionStarted(t.call(), t.requester().context(), t.locale()));
    }
  }

  void streamInterrupted(CallTranscription t) {
    publish(t.call(), t.requester(), Outcome.TRANSCRIPTION_UPDATED, null, TranscriptionStatus.TRANSCRIPTION_UPDATED,
        StatusDetails.STREAM_CONNECTION_INTERRUPTED);
  }

  void streamFailed(CallTranscription t) {
    fail(t, Outcome.TRANSCRIPTION_WEBSOCKET_FAILED, null, t.requester());
  }

  void forget(CallTranscription t) {
    byCall.remove(t.call().id(), t);
  }

  private void failWithFault(CallTranscription t, Fault fault, Requester by) {
    Outcome row = fault.result().row() != null ? fault.result().row() : Outcome.TRANSCRIPTION_UNKNOWN;
    fail(t, row, fault.result().forced(), by);
  }

  /** TranscriptionFailed with {@code outcome}; the stream, if any, ends. */
  private void fail(CallTranscription t, Outcome outcome, Forced forced, Requester by) {
    t.end("transcription failed");
    publish(t.call(), by, outcome, forced, TranscriptionStatus.TRANSCRIPTION_FAILED, StatusDetails.ofFailure(outcome));
  }

  private void publish(Call call, Requester by, Outcome outcome, Forced forced, TranscriptionStatus status,
      StatusDetails details) {
    if (!call.isActive()) {
      return; // nothing follows the call's end
    }
    calls.publish(new TranscriptionEvent(call, by, outcome, forced, status, details));
  }

  private CallTranscription register(Call call, TranscriptionSetup setup) {
    CallTranscription t = new CallTranscription(this, call, setup);
    byCall.put(call.id(), t);
    call.input().subscribe(t);
    return t;
  }

  /** The setup when transcription may run on this call now, else the synchronous row. */
  private TranscriptionSetup usableSetup(Call call) {
    refuseIfEnded(call);
    if (call.state() != CallState.CONNECTED) {
      throw new Refusal(Outcome.TRANSCRIPTION_NOT_ESTABLISHED);
    }
    TranscriptionSetup setup = call.setup().transcription();
    if (setup == null || setup.transportUrl() == null) {
      throw new Refusal(Outcome.TRANSCRIPTION_URL_NOT_SET);
    }
    if (!call.setup().hasCognitiveServices()) {
      throw new Refusal(Outcome.TRANSCRIPTION_COGNITIVE_NOT_SET);
    }
    return setup;
  }

  private static void refuseIfEnded(Call call) {
    if (!call.isActive()) {
      throw new Refusal(Outcome.TRANSCRIPTION_CALL_TERMINATED);
    }
  }

  TranscriptionTransport transport() {
    return transport;
  }

  long intermediateIntervalMs() {
    return settings.get(TranscriptionSettings.INTERMEDIATE_INTERVAL_MS);
  }

  long segmentationSilenceMs() {
    return settings.get(TranscriptionSettings.SEGMENTATION_SILENCE_MS);
  }

  long nowMillis() {
    return clock.nowMillis();
  }

  void later(Call call, long delayMs, Runnable task) {
    calls.schedule(call, delayMs, task);
  }
}
