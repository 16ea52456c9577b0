package io.callemu.emulator.surface.speech;

import io.callemu.emulator.core.fault.Faults;
import io.callemu.emulator.core.outcome.ActionKind;
import io.callemu.emulator.core.settings.Settings;
import io.callemu.emulator.platform.journal.Journal;
import io.callemu.emulator.surface.control.ControlExtension;
import io.callemu.emulator.surface.control.ScenarioSection;
import io.callemu.emulator.surface.speech.recognition.SpeechMode;
import io.callemu.emulator.surface.speech.recognition.SpeechTranscripts;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import java.util.Locale;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The Speech-to-text surface (CONTRACT section 7) on both ports: the REST API for short audio, the token
 * service and the Speech SDKs' WebSocket protocol, recognising audio streams with asr-sim and words
 * from the registered transcripts. Runs on the emulator's context.
 */
public final class SpeechSurface {

  private final ShortAudioHandler rest;
  private final TokenHandler tokens;
  private final SpeechWebSockets webSockets;
  private final SpeechControlApi control;
  private final SpeechJournal journal;

  /**
   * @param speechKey   the Speech resource key ({@code --speech-key})
   * @param transcripts what callers say (also filled by scenarios)
   * @param clock       the emulator's clock (milliseconds since the epoch) for message timestamps
   */
  public SpeechSurface(Vertx vertx, String speechKey, Settings settings, Journal journal, Faults faults,
      SpeechTranscripts transcripts, LongSupplier clock) {
    this.journal = new SpeechJournal(journal);
    SpeechTokens issued = new SpeechTokens(speechKey, System::currentTimeMillis);
    SpeechCredentials credentials = new SpeechCredentials(speechKey, issued);
    SessionLimit sessions = new SessionLimit(() -> settings.get(SpeechSettings.MAX_SESSIONS));
    Supplier<String> armedError = () -> faults.take(ActionKind.SPEECH, null)
        .map(f -> f.result() != null && f.result().forced().message() != null ? f.result().forced().message()
            : "the speech service encountered an internal error (fault)")
        .orElse(null);
    this.rest = new ShortAudioHandler(vertx, credentials, sessions,
        () -> settings.get(SpeechSettings.IDLE_TIMEOUT_MS), transcripts, armedError, this.journal);
    this.tokens = new TokenHandler(credentials, issued, this.journal);
    this.webSockets = new SpeechWebSockets(vertx, credentials, sessions, settings, transcripts, armedError, clock,
        this.journal);
    this.control = new SpeechControlApi(transcripts);
  }

  private void token(HttpServerRequest req) {
    if (req.method() == HttpMethod.POST) {
      tokens.handle(req);
    } else {
      notAllowed(req, "POST", "POST");
    }
  }

  private void universal(HttpServerRequest req) {
    if (isWebSocketUpgrade(req)) {
      webSockets.handle(req, null);
    } else {
      SpeechReplies.refuse(req, 400, req.path() + " is a WebSocket endpoint of the Speech SDKs");
      journal.request(req.method().name(), req.path(), 400, "not a WebSocket upgrade");
    }
  }

  private void recognition(HttpServerRequest req, SpeechMode mode) {
    if (isWebSocketUpgrade(req)) {
      webSockets.handle(req, mode);
    } else if (req.method() == HttpMethod.POST) {
      rest.handle(req, mode);
    } else {
      notAllowed(req, "POST, GET", "POST, or GET with a WebSocket upgrade");
    }
  }

  /** The transcripts routes under {@code /_emulator/speech}. */
  public ControlExtension control() {
    return control;
  }

  /** The scenario member {@code speechTranscripts} into {@code transcripts}, registered as if posted. */
  public static ScenarioSection scenarioTranscripts(SpeechTranscripts transcripts) {
    return new SpeechControlApi(transcripts).scenarioSection();
  }

  /**
   * Mounts the surface's paths on {@code router} ({@code /speech/recognition/{mode}/cognitiveservices/v1}
   * for REST and WebSockets, {@code /stt/speech/universal/v2} for WebSockets, {@code /sts/v1.0/issueToken};
   * compared without regard to case, as the samples vary). The surface reads its bodies as they
   * stream (audio is never buffered whole) and upgrades WebSockets, so its routes take the request
   * before any body handler.
   */
  public void mount(Router router) {
    router.routeWithRegex("(?i)/sts/v1\\.0/issueToken").handler(ctx -> token(ctx.request()));
    router.routeWithRegex("(?i)/stt/speech/universal/v2").handler(ctx -> universal(ctx.request()));
    router.routeWithRegex("(?i)/speech/recognition/(?<mode>interactive|conversation|dictation)/cognitiveservices/v1")
        .handler(ctx -> recognition(ctx.request(), SpeechMode.fromWire(ctx.pathParam("mode").toLowerCase(Locale.ROOT))));
  }

  private void notAllowed(HttpServerRequest req, String allow, String use) {
    req.response().putHeader("Allow", allow);
    SpeechReplies.refuse(req, 405, req.method().name() + " is not served at " + req.path() + "; use " + use);
    journal.request(req.method().name(), req.path(), 405, null);
  }

  /** {@code Upgrade: websocket}, not the {@code Upgrade: h2c} Java's HttpClient sends on plain HTTP. */
  private static boolean isWebSocketUpgrade(HttpServerRequest req) {
    String upgrade = req.getHeader("Upgrade");
    return req.method() == HttpMethod.GET && upgrade != null
        && upgrade.toLowerCase(Locale.ROOT).contains("websocket");
  }
}
