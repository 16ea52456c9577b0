package io.callemu.emulator.surface.speech;

import io.callemu.emulator.surface.speech.recognition.AudioRecognition;
import io.callemu.emulator.surface.speech.recognition.BadAudioException;
import io.callemu.emulator.surface.speech.recognition.RecognitionEvents;
import io.callemu.emulator.surface.speech.recognition.SpeechHypothesis;
import io.callemu.emulator.surface.speech.recognition.SpeechMode;
import io.callemu.emulator.surface.speech.recognition.SpeechPhrase;
import io.callemu.emulator.surface.speech.recognition.SpeechTranscripts;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * {@code POST /speech/recognition/{mode}/cognitiveservices/v1}: credentials, parameters and content type
 * are checked before a byte of audio is read (401/403, 400, 415, 429 past the session cap); then
 * {@code 100 Continue} if the client waits for it, and the body is recognised piece by piece as it
 * arrives, whole or chunked, never kept. The answer (200 with the first result, or 400 for unusable
 * audio) has a {@code Content-Length}.
 */
final class ShortAudioHandler {

  /** The service's limit for one request (reference graph-and-speech.md B1.1). */
  static final long MAX_AUDIO_MILLIS = 60_000;

  private final Vertx vertx;
  private final SpeechCredentials credentials;
  private final SessionLimit sessions;
  private final LongSupplier idleTimeoutMs;
  private final SpeechTranscripts transcripts;
  private final Supplier<String> armedError;
  private final SpeechJournal journal;

  ShortAudioHandler(Vertx vertx, SpeechCredentials credentials, SessionLimit sessions, LongSupplier idleTimeoutMs,
      SpeechTranscripts transcripts, Supplier<String> armedError, SpeechJournal journal) {
    this.vertx = vertx;
    this.credentials = credentials;
    this.sessions = sessions;
    this.idleTimeoutMs = idleTimeoutMs;
    this.transcripts = transcripts;
    this.armedError = armedError;
    this.journal = journal;
  }

  void handle(HttpServerRequest req, SpeechMode mode) {
    switch (credentials.check(req.getHeader("Ocp-Apim-Subscription-Key"), req.getHeader("Authorization"))) {
      case MISSING -> {
        refuse(req, 403, "no credentials: send Ocp-Apim-Subscription-Key: <key> or Authorization: Bearer <token>");
        return;
      }
      case WRONG -> {
        refuse(req, 401, "Access denied due to invalid subscription key or token: use callemu's Speech key"
            + " (--speech-key) or a token from its /sts/v1.0/issueToken");
        return;
      }
      default -> {
      }
    }
    ShortAudioRequest request;
    try {
      request = ShortAudioRequest.parse(mode, req::getParam, req.getHeader("Content-Type"));
    } catch (SpeechHttpError e) {
      refuse(req, e.status(), e.getMessage());
      return;
    }
    if (!sessions.tryAcquire()) {
      refuse(req, 429, "callemu is recognising " + sessions.max() + " streams at once (speech.maxSessions)");
      return;
    }
    new Upload(req, request).start();
  }

  private void refuse(HttpServerRequest req, int status, String message) {
    SpeechReplies.refuse(req, status, message);
    journal.request(req.method().name(), req.path(), status, message);
  }

  /** One request's audio on its way through recognition. */
  private final class Upload implements RecognitionEvents {

    private final HttpServerRequest req;
    private final ShortAudioRequest request;
    private final AudioRecognition recognition;
    private SpeechPhrase result;
    private IdleWatch idle;
    private boolean over;

    Upload(HttpServerRequest req, ShortAudioRequest request) {
      this.req = req;
      this.request = request;
      this.recognition = new AudioRecognition(request.settings(), transcripts, MAX_AUDIO_MILLIS, 0, this);
    }

    void start() {
      String error = armedError.get();
      if (error != null) {
        recognition.fail(error);
      }
      idle = new IdleWatch(vertx, idleTimeoutMs, () -> stop(408, "no audio arrived for "
          + idleTimeoutMs.getAsLong() + " ms (speech.idleTimeoutMs)"));
      req.handler(this::data);
      req.endHandler(v -> end());
      req.exceptionHandler(e -> release());
      req.response().closeHandler(v -> release());
      if ("100-continue".equalsIgnoreCase(req.getHeader("Expect"))) {
        req.response().writeContinue();
      }
    }

    private void data(Buffer buf) {
      if (over) {
        return;
      }
      idle.touch();
      byte[] bytes = buf.getBytes();
      try {
        recognition.feed(bytes, 0, bytes.length);
      } catch (BadAudioException e) {
        stop(400, e.getMessage());
      }
    }

    private void end() {
      if (over) {
        return;
      }
      try {
        recognition.end();
      } catch (BadAudioException e) {
        release();
        SpeechReplies.answer(req, 400, SpeechReplies.JSON, SpeechReplies.errorBody(400, e.getMessage()));
        journal.request(req.method().name(), req.path(), 400, e.getMessage());
        return;
      }
      release();
      SpeechReplies.answer(req, 200, SpeechReplies.JSON, result.body());
      journal.restRecognition(req.path(), request.mode(), request.settings(), recognition.pcmSha256(),
          recognition.audioMillis(), recognition.outcomes());
    }

    /** Answers before the body's end (unusable audio, idle): what is left of it is not read. */
    private void stop(int status, String message) {
      release();
      req.handler(null);
      SpeechReplies.answerAndClose(req, status, SpeechReplies.JSON, SpeechReplies.errorBody(status, message));
      journal.request(req.method().name(), req.path(), status, message);
    }

    private void release() {
      if (!over) {
        over = true;
        idle.stop();
        sessions.release();
      }
    }

    @Override
    public void speechStarted(long offsetTicks) {
    }

    @Override
    public void hypothesis(SpeechHypothesis hypothesis) {
    }

    @Override
    public void speechEnded(long offsetTicks) {
    }

    @Override
    public void phrase(SpeechPhrase phrase) {
      if (result == null) {
        result = phrase;
      }
    }
  }
}
