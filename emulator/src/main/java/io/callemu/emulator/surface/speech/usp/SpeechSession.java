package io.callemu.emulator.surface.speech.usp;

import static io.callemu.emulator.surface.speech.usp.UspProtocolException.INVALID_PAYLOAD;
import static io.callemu.emulator.surface.speech.usp.UspProtocolException.POLICY_VIOLATION;
import static io.callemu.emulator.surface.speech.usp.UspProtocolException.PROTOCOL_ERROR;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callemu.emulator.surface.speech.recognition.BadAudioException;
import io.callemu.emulator.surface.speech.recognition.RecognitionSettings;
import io.callemu.emulator.surface.speech.recognition.SpeechTranscripts;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * One WebSocket connection of the Speech SDK protocol, as a state machine without I/O: client messages
 * in ({@link #onText}, {@link #onBinary}), service messages and closes out through a {@link SessionOutput}.
 *
 * <p>A connection carries turns one after another. {@code speech.config} says who the client is;
 * {@code speech.context} sets up the next turn under its {@code X-RequestId}; the first {@code audio}
 * message of a new request id starts the turn (it must begin with a RIFF header) and an empty one ends
 * its audio. Audio the client still had in flight for a turn that has ended is dropped, within a
 * budget; a turn may not reuse an ended turn's request id. Any breach closes the connection with the
 * protocol's code and a reason that says what was wrong; nothing else is affected.
 */
public final class SpeechSession {

  /** Audio accepted for a turn that has ended (what the SDKs still have in flight): 10 s of 16 kHz PCM. */
  static final int AFTER_TURN_BUDGET_BYTES = 10 * 32_000;
  private static final int REMEMBERED_REQUEST_IDS = 1_000;
  private static final Pattern NO_DASH_GUID = Pattern.compile("[0-9a-fA-F]{32}");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ConnectionParameters parameters;
  private final SpeechTranscripts transcripts;
  private final long maxTurnAudioMillis;
  private final HypothesesPolicy hypotheses;
  private final Supplier<String> armedError;
  private final LongSupplier clock;
  private final SessionOutput out;

  private boolean sdkClient;
  private String nextContextId;
  private TurnOverrides nextContext = TurnOverrides.NONE;
  private SpeechTurn turn;
  private final LinkedHashSet<String> endedRequestIds = new LinkedHashSet<>();
  private String lastEndedId;
  private long afterTurnBytes;
  private boolean closed;

  /**
   * @param maxTurnAudioMillis the most audio one turn may carry
   * @param armedError         takes an armed {@code speech} fault at each turn's start: its message, or null
   * @param clock              milliseconds since the epoch, for {@code X-Timestamp}
   */
  public SpeechSession(ConnectionParameters parameters, SpeechTranscripts transcripts, long maxTurnAudioMillis,
      HypothesesPolicy hypotheses, Supplier<String> armedError, LongSupplier clock, SessionOutput out) {
    this.parameters = parameters;
    this.transcripts = transcripts;
    this.maxTurnAudioMillis = maxTurnAudioMillis;
    this.hypotheses = hypotheses;
    this.armedError = armedError;
    this.clock = clock;
    this.out = out;
  }

  public boolean isClosed() {
    return closed;
  }

  public void onText(String frame) {
    if (closed) {
      return;
    }
    try {
      text(UspParser.text(frame));
    } catch (UspProtocolException e) {
      fail(e);
    }
  }

  public void onBinary(byte[] frame) {
    if (closed) {
      return;
    }
    try {
      UspMessage m = UspParser.binary(frame);
      if (!m.path().equalsIgnoreCase("audio")) {
        throw new UspProtocolException(INVALID_PAYLOAD, "binary message with Path '" + m.path()
            + "'; only audio is binary");
      }
      audio(m);
    } catch (UspProtocolException e) {
      fail(e);
    }
  }

  /** The connection is gone: a turn still under way is journalled as cut short. */
  public void onClosed() {
    if (turn != null) {
      out.turnEnded(turn.record(false));
      turn = null;
    }
    closed = true;
  }

  private void text(UspMessage m) throws UspProtocolException {
    switch (m.path().toLowerCase(Locale.ROOT)) {
      case "speech.config" -> sdkClient = isSpeechSdk(m.text());
      case "speech.context" -> context(m);
      case "audio" -> throw new UspProtocolException(INVALID_PAYLOAD, "audio must be sent as binary messages");
      default -> {
        // telemetry and messages of features callemu does not emulate need no answer
      }
    }
  }

  private static boolean isSpeechSdk(String body) throws UspProtocolException {
    try {
      JsonNode config = JSON.readTree(body);
      return config != null && "SpeechSDK".equals(config.path("context").path("system").path("name").asText());
    } catch (JsonProcessingException e) {
      throw new UspProtocolException(INVALID_PAYLOAD, "speech.config is not valid JSON");
    }
  }

  private void context(UspMessage m) throws UspProtocolException {
    String id = requestId(m);
    if (turn != null && turn.requestId().equalsIgnoreCase(id)) {
      return; // a turn's settings are fixed when its audio starts
    }
    checkNotReused(id);
    nextContext = SpeechContextReader.read(m.text());
    nextContextId = id;
  }

  private void audio(UspMessage m) throws UspProtocolException {
    String id = requestId(m);
    if (turn != null) {
      if (!turn.requestId().equalsIgnoreCase(id)) {
        throw new UspProtocolException(PROTOCOL_ERROR, "audio for X-RequestId " + id + " while turn "
            + turn.requestId() + " is under way");
      }
      turnAudio(m);
      return;
    }
    if (endedRequestIds.contains(key(id))) {
      afterTurn(id, m);
      return;
    }
    startTurn(id, m);
  }

  private void startTurn(String id, UspMessage m) throws UspProtocolException {
    TurnOverrides context = id.equalsIgnoreCase(nextContextId) ? nextContext : TurnOverrides.NONE;
    boolean continuousHypotheses = hypotheses == HypothesesPolicy.ALWAYS
        || (hypotheses == HypothesesPolicy.SDK && sdkClient);
    RecognitionSettings settings = parameters.settingsFor(context, continuousHypotheses);
    nextContextId = null;
    nextContext = TurnOverrides.NONE;
    turn = new SpeechTurn(id, settings, context.continuationTicks(), transcripts, maxTurnAudioMillis, clock, out::send);
    turn.start(armedError.get());
    turnAudio(m);
  }

  private void turnAudio(UspMessage m) throws UspProtocolException {
    try {
      if (m.payloadLength() == 0) {
        turn.endOfAudio();
      } else {
        turn.audio(m.binary(), m.payloadOffset(), m.payloadLength());
      }
    } catch (BadAudioException e) {
      throw new UspProtocolException(e.problem() == BadAudioException.Problem.TOO_LONG ? POLICY_VIOLATION
          : INVALID_PAYLOAD, e.getMessage());
    }
    if (turn.finished()) {
      SpeechTurn ended = turn;
      turn = null;
      ended.end();
      remember(ended.requestId());
      out.turnEnded(ended.record(true));
    }
  }

  /** Audio for a turn that has ended: in-flight audio and a second end of audio are dropped. */
  private void afterTurn(String id, UspMessage m) throws UspProtocolException {
    if (m.payloadLength() >= 4 && new String(m.binary(), m.payloadOffset(), 4,
        java.nio.charset.StandardCharsets.US_ASCII).equals("RIFF")) {
      throw reused(id);
    }
    if (key(id).equals(lastEndedId)) {
      afterTurnBytes += m.payloadLength();
      if (afterTurnBytes <= AFTER_TURN_BUDGET_BYTES) {
        return;
      }
    }
    throw new UspProtocolException(POLICY_VIOLATION, "audio for X-RequestId " + id + " after its turn.end");
  }

  private void checkNotReused(String id) throws UspProtocolException {
    if (endedRequestIds.contains(key(id))) {
      throw reused(id);
    }
  }

  private static UspProtocolException reused(String id) {
    return new UspProtocolException(PROTOCOL_ERROR, "Invalid request. Reuse of request identifiers is not allowed ("
        + id + ").");
  }

  private void remember(String id) {
    endedRequestIds.add(key(id));
    if (endedRequestIds.size() > REMEMBERED_REQUEST_IDS) {
      endedRequestIds.remove(endedRequestIds.iterator().next());
    }
    lastEndedId = key(id);
    afterTurnBytes = 0;
  }

  private static String key(String id) {
    return id.toLowerCase(Locale.ROOT);
  }

  private static String requestId(UspMessage m) throws UspProtocolException {
    String id = m.requestId();
    if (id == null || id.isEmpty()) {
      throw new UspProtocolException(PROTOCOL_ERROR, "Missing/Empty header. X-RequestId.");
    }
    if (!NO_DASH_GUID.matcher(id).matches()) {
      throw new UspProtocolException(PROTOCOL_ERROR, "X-RequestId must be a GUID in no-dash form (32 hex digits), was '"
          + id + "'");
    }
    return id;
  }

  private void fail(UspProtocolException e) {
    if (turn != null) {
      out.turnEnded(turn.record(false));
      turn = null;
    }
    closed = true;
    out.close(e.closeCode(), e.getMessage());
  }
}
