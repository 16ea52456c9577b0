package io.callemu.emulator.surface.speech;

import io.callemu.emulator.control.ControlSurface;
import io.callemu.emulator.fault.Faults;
import io.callemu.emulator.journal.Journal;
import io.callemu.emulator.settings.Settings;
import io.callemu.emulator.surface.speech.recognition.SpeechTranscripts;
import io.vertx.core.Vertx;
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
    SessionLimit sessions = new SessionLimit(() -> settings.getLong(SpeechSettings.MAX_SESSIONS));
    Supplier<String> armedError = () -> faults.take("speech", null)
        .map(f -> f.result().getString("message", "the speech service encountered an internal error (fault)"))
        .orElse(null);
    this.rest = new ShortAudioHandler(vertx, credentials, sessions,
        () -> settings.getLong(SpeechSettings.IDLE_TIMEOUT_MS), transcripts, armedError, this.journal);
    this.tokens = new TokenHandler(credentials, issued, this.journal);
    this.webSockets = new SpeechWebSockets(vertx, credentials, sessions, settings, transcripts, armedError, clock,
        this.journal);
    this.control = new SpeechControlApi(transcripts);
  }

  /** Serves the request when its path is the Speech surface's; false leaves it to the next surface. */
  public boolean handle(HttpServerRequest req) {
    SpeechPaths route = SpeechPaths.of(req.path());
    if (route == null) {
      return false;
    }
    boolean upgrade = isWebSocketUpgrade(req);
    switch (route.kind()) {
      case TOKEN -> {
        if (req.method() == HttpMethod.POST) {
          tokens.handle(req);
        } else {
          notAllowed(req, "POST", "POST");
        }
      }
      case UNIVERSAL -> {
        if (upgrade) {
          webSockets.handle(req, null);
        } else {
          SpeechReplies.refuse(req, 400, req.path() + " is a WebSocket endpoint of the Speech SDKs");
          journal.request(req.method().name(), req.path(), 400, "not a WebSocket upgrade");
        }
      }
      default -> {
        if (upgrade) {
          webSockets.handle(req, route.mode());
        } else if (req.method() == HttpMethod.POST) {
          rest.handle(req, route.mode());
        } else {
          notAllowed(req, "POST, GET", "POST, or GET with a WebSocket upgrade");
        }
      }
    }
    return true;
  }

  /** The transcripts routes under {@code /_emulator/speech}. */
  public ControlSurface control() {
    return control;
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
