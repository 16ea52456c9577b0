package io.callemu.emulator.surface.speech;

import io.callemu.emulator.core.settings.Settings;
import io.callemu.emulator.surface.speech.recognition.SpeechMode;
import io.callemu.emulator.surface.speech.recognition.SpeechTranscripts;
import io.callemu.emulator.surface.speech.usp.ConnectionParameters;
import io.callemu.emulator.surface.speech.usp.HypothesesPolicy;
import io.callemu.emulator.surface.speech.usp.SessionOutput;
import io.callemu.emulator.surface.speech.usp.SpeechSession;
import io.callemu.emulator.surface.speech.usp.TurnRecord;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The Speech SDKs' WebSocket: the handshake is checked (credentials from headers or, as browsers and
 * Node 22 send them, the query string: 401 wrong, 403 none; 400 for a bad query; 429 past the session
 * cap), then each connection is a {@link SpeechSession} fed by the socket's messages. When the client
 * stops reading, its messages stop being read too (backpressure), and an idle connection closes with
 * 1000 after {@code speech.idleTimeoutMs}.
 */
final class SpeechWebSockets {

  /** The close code of an idle connection: nothing was wrong with it. */
  static final short IDLE_CLOSE = 1000;

  private final Vertx vertx;
  private final SpeechCredentials credentials;
  private final SessionLimit sessions;
  private final Settings settings;
  private final SpeechTranscripts transcripts;
  private final Supplier<String> armedError;
  private final LongSupplier clock;
  private final SpeechJournal journal;

  SpeechWebSockets(Vertx vertx, SpeechCredentials credentials, SessionLimit sessions, Settings settings,
      SpeechTranscripts transcripts, Supplier<String> armedError, LongSupplier clock, SpeechJournal journal) {
    this.vertx = vertx;
    this.credentials = credentials;
    this.sessions = sessions;
    this.settings = settings;
    this.transcripts = transcripts;
    this.armedError = armedError;
    this.clock = clock;
    this.journal = journal;
  }

  /** @param pathMode the path's recognition mode, or null for {@code /stt/speech/universal/v2} */
  void handle(HttpServerRequest req, SpeechMode pathMode) {
    switch (credentials.check(headerOrQuery(req, "Ocp-Apim-Subscription-Key"), headerOrQuery(req, "Authorization"))) {
      case MISSING -> {
        refuse(req, 403, "no credentials: Ocp-Apim-Subscription-Key or Authorization: Bearer, as a header or"
            + " in the query string");
        return;
      }
      case WRONG -> {
        refuse(req, 401, "Access denied due to invalid subscription key or token");
        return;
      }
      default -> {
      }
    }
    ConnectionParameters parameters;
    try {
      String connectionId = headerOrQuery(req, "X-ConnectionId");
      parameters = ConnectionParameters.parse(pathMode, req::getParam,
          connectionId != null ? connectionId : req.getParam("connectionId"));
    } catch (IllegalArgumentException e) {
      refuse(req, 400, e.getMessage());
      return;
    }
    if (!sessions.tryAcquire()) {
      refuse(req, 429, "callemu is recognising " + sessions.max() + " streams at once (speech.maxSessions)");
      return;
    }
    String path = req.path();
    req.toWebSocket().onComplete(ar -> {
      if (ar.failed()) {
        sessions.release();
        journal.request("GET", path, 400, "WebSocket handshake failed: " + ar.cause().getMessage());
        return;
      }
      journal.request("GET", path, 101, null);
      open(ar.result(), path, parameters);
    });
  }

  private void refuse(HttpServerRequest req, int status, String message) {
    SpeechReplies.refuse(req, status, message);
    journal.request(req.method().name(), req.path(), status, message);
  }

  private void open(ServerWebSocket ws, String path, ConnectionParameters parameters) {
    SessionOutput output = new SessionOutput() {
      @Override
      public void send(String message) {
        ws.writeTextMessage(message);
        if (ws.writeQueueFull()) {
          ws.pause();
          ws.drainHandler(v -> ws.resume());
        }
      }

      @Override
      public void close(int code, String reason) {
        ws.close((short) code, reason);
      }

      @Override
      public void turnEnded(TurnRecord record) {
        journal.turn(path, parameters.connectionId(), record);
      }
    };
    SpeechSession session = new SpeechSession(parameters, transcripts,
        settings.get(SpeechSettings.MAX_TURN_SECONDS) * 1000,
        settings.get(SpeechSettings.CONTINUOUS_HYPOTHESES), armedError, clock, output);
    LongSupplier idleMs = () -> settings.get(SpeechSettings.IDLE_TIMEOUT_MS);
    IdleWatch idle = new IdleWatch(vertx, idleMs, () -> ws.close(IDLE_CLOSE, "idle for " + idleMs.getAsLong()
        + " ms (speech.idleTimeoutMs)"));
    ws.textMessageHandler(text -> {
      idle.touch();
      session.onText(text);
    });
    ws.binaryMessageHandler(buf -> {
      idle.touch();
      session.onBinary(buf.getBytes());
    });
    ws.exceptionHandler(e -> {
      // the close handler follows and ends the session
    });
    ws.closeHandler(v -> {
      idle.stop();
      session.onClosed();
      sessions.release();
    });
  }

  /** A header, else the query parameter of the same name: browsers and Node 22 cannot set headers. */
  private static String headerOrQuery(HttpServerRequest req, String name) {
    String value = req.getHeader(name);
    return value != null ? value : req.getParam(name);
  }
}
