package io.callemu.emulator.core.outcome;

import io.callemu.emulator.core.call.CallResult;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Every media {@code resultInformation} row of reference sections 8.1 (recognize), 8.2 (play),
 * 8.3 (transcription) and 8.4 (continuous DTMF, send DTMF), as data. Each row is reachable: by
 * emulated behaviour where the documents define one ({@link ResultRow#behaviour()}), and always by
 * a fault ({@code POST /_emulator/faults} with the row's action, event, code and subCode). Listed by {@code GET
 * /_emulator/catalogue} so the conformance suite can walk it.
 */
public final class ResultCatalogue {

  private static final String RECOGNIZE_DOC = "reference 8.1 [DOCS:how-tos/call-automation/recognize-action.md]";
  private static final String RECOGNIZE_AI_DOC = "reference 8.1 [DOCS:how-tos/call-automation/recognize-ai-action.md]";
  private static final String GENERIC = "reference 8.6 generic subcode list; event row UNVERIFIED";
  private static final String PLAY_DOC = "reference 8.2 [DOCS:how-tos/call-automation/play-action.md]";
  private static final String DTMF_REC = "reference 8.4 [JAVA-TEST]/[JAVA-REC dtmfActions]";

  private static final List<ResultRow> ROWS = new ArrayList<>();

  // ---- Recognize (reference 8.1, outcomes 6.4) ----
  public static final ResultRow RECOGNIZE_MAX_TONES = add("recognize.maxTonesReceived",
      "RecognizeCompleted", 200, 8531, "Action completed, max digits received.", "recognize",
      "dtmf: maxTonesToCollect keys were pressed", RECOGNIZE_DOC);
  public static final ResultRow RECOGNIZE_DTMF_OPTION = add("recognize.dtmfOptionMatched",
      "RecognizeCompleted", 200, 8533, "Action completed, DTMF option matched.", "recognize",
      "choices: a key equal to a choice's tone was pressed", RECOGNIZE_DOC);
  public static final ResultRow RECOGNIZE_SPEECH_OPTION = add("recognize.speechOptionMatched",
      "RecognizeCompleted", 200, 8545, "Action completed, speech option matched.", "recognize",
      "choices: the caller said one of a choice's phrases", RECOGNIZE_DOC);
  public static final ResultRow RECOGNIZE_STOP_TONE = add("recognize.stopToneDetected",
      "RecognizeCompleted", 200, 8514, "Action completed as stop tone was detected.", "recognize",
      "dtmf: one of stopTones was pressed", RECOGNIZE_DOC);
  public static final ResultRow RECOGNIZE_SPEECH = add("recognize.speechRecognized",
      "RecognizeCompleted", 200, 8569, "Action completed, speech recognized.", "recognize",
      "speech / speechOrDtmf: the caller spoke and end silence passed", GENERIC + "; message UNVERIFIED");
  public static final ResultRow RECOGNIZE_COMPLETED_CANCELED = add("recognize.completedCanceled",
      "RecognizeCompleted", 400, 8508, "Action failed, the operation was canceled.", "recognize",
      null, RECOGNIZE_DOC + " (documentation quirk: listed under RecognizeCompleted)");
  public static final ResultRow RECOGNIZE_INTER_TONE_COMPLETED = add("recognize.interToneTimeoutCompleted",
      "RecognizeCompleted", 400, 8532, "Action failed, inter-digit silence timeout reached.", "recognize",
      "dtmf: interToneTimeoutInSeconds passed after a key (recognize.interDigitTimeoutEvent=completed)",
      RECOGNIZE_AI_DOC + " (newer how-to)");
  public static final ResultRow RECOGNIZE_INTER_TONE_FAILED = add("recognize.interToneTimeoutFailed",
      "RecognizeFailed", 400, 8532, "Action failed, inter-digit silence timeout reached.", "recognize",
      "dtmf: interToneTimeoutInSeconds passed after a key (recognize.interDigitTimeoutEvent=failed)",
      RECOGNIZE_DOC + " (older how-to)");
  public static final ResultRow RECOGNIZE_INITIAL_SILENCE = add("recognize.initialSilenceTimeout",
      "RecognizeFailed", 400, 8510, "Action failed, initial silence timeout reached.", "recognize",
      "no input within initialSilenceTimeoutInSeconds after the prompt ended", RECOGNIZE_DOC);
  public static final ResultRow RECOGNIZE_PROMPT_FAILED = add("recognize.playPromptFailed",
      "RecognizeFailed", 500, 8511, "Action failed, encountered failure while trying to play the prompt.",
      "recognize", "the prompt's file cannot be downloaded or read (failedPlaySourceIndex set)", RECOGNIZE_DOC);
  public static final ResultRow RECOGNIZE_INTERNAL = add("recognize.unknownInternalError",
      "RecognizeFailed", 500, 8512, "Unknown internal server error.", "recognize", null, RECOGNIZE_DOC);
  public static final ResultRow RECOGNIZE_SPEECH_NOT_MATCHED = add("recognize.speechOptionNotMatched",
      "RecognizeFailed", 400, 8547, "Action failed, speech option not matched.", "recognize",
      "choices: the caller said something that matches no choice", RECOGNIZE_DOC);
  public static final ResultRow RECOGNIZE_INCORRECT_TONE = add("recognize.incorrectToneEntered",
      "RecognizeFailed", 500, 8534, "Action failed, incorrect tone entered.", "recognize",
      "choices: a key was pressed that is no choice's tone", RECOGNIZE_DOC);
  public static final ResultRow RECOGNIZE_UNSPECIFIED = add("recognize.unspecifiedError",
      "RecognizeFailed", 500, 9999, "Unknown internal server error.", "recognize", null,
      "reference 8.1; real payload [ISSUE:azure-sdk-for-python#31638]");
  public static final ResultRow RECOGNIZE_SPEECH_NOT_RECOGNIZED = add("recognize.speechNotRecognized",
      "RecognizeFailed", 400, 8563, "Action failed, speech not recognized.", "recognize",
      "speech / speechOrDtmf / choices: voice activity without recognisable words", GENERIC);
  public static final ResultRow RECOGNIZE_SPEECH_CONNECTION = add("recognize.speechServiceConnectionError",
      "RecognizeFailed", 500, 8564, "Action failed, speech service connection error.", "recognize", null, GENERIC);
  public static final ResultRow RECOGNIZE_SPEECH_SERVICE_ERROR = add("recognize.cognitiveServicesSpeechRecognitionError",
      "RecognizeFailed", 500, 8570, "Action failed, cognitive services speech recognition error.",
      "recognize", null, GENERIC);
  public static final ResultRow RECOGNIZE_AI_BAD_REQUEST = add("recognize.aiBadRequest",
      "RecognizeFailed", 400, 8565, "Action failed, bad request to cognitive services. Check input parameters.",
      "recognize", null, "reference 8.1 (8565 rows as for Play)");
  public static final ResultRow RECOGNIZE_AI_AUTH = add("recognize.aiAuthenticationError",
      "RecognizeFailed", 401, 8565, "Action failed, cognitive services authentication error.",
      "recognize", null, "reference 8.1 [ISSUE:azure-sdk-for-net#38573]");
  public static final ResultRow RECOGNIZE_AI_FORBIDDEN = add("recognize.aiForbidden",
      "RecognizeFailed", 403, 8565,
      "Action failed, forbidden request to cognitive services, free subscription used by the request ran out of quota.",
      "recognize", null, "reference 8.1 [ISSUE:azure-sdk-for-net#38573]");
  public static final ResultRow RECOGNIZE_AI_TIMEOUT = add("recognize.aiTimeout",
      "RecognizeFailed", 408, 8565, "Action failed, request to cognitive services timed out.",
      "recognize", null, "reference 8.1 (8565 rows as for Play)");
  public static final ResultRow RECOGNIZE_AI_TOO_MANY = add("recognize.aiTooManyRequests",
      "RecognizeFailed", 429, 8565,
      "Action failed, requests exceeded the number of allowed concurrent requests for the cognitive services subscription.",
      "recognize", null, "reference 8.1 (8565 rows as for Play)");
  public static final ResultRow RECOGNIZE_CANCELED = add("recognize.canceled",
      "RecognizeCanceled", 400, 8508, "Action failed, the operation was canceled.", "recognize",
      ":cancelAllMediaOperations, or a later action with interruptCallMediaOperation", RECOGNIZE_DOC);

  // ---- Play (reference 8.2) ----
  public static final ResultRow PLAY_STARTED = add("play.started", "PlayStarted", 200, 0,
      "Action completed successfully.", "play", "a play began", PLAY_DOC + "; recorded [JAVA-REC playMedia]");
  public static final ResultRow PLAY_COMPLETED = add("play.completed", "PlayCompleted", 200, 0,
      "Action completed successfully.", "play", "every play source was played (not with loop)",
      PLAY_DOC + "; recorded [JAVA-REC playMedia]");
  public static final ResultRow PLAY_CANCELED = add("play.canceled", "PlayCanceled", 400, 8508,
      "Action failed, the operation was canceled.", "play",
      ":cancelAllMediaOperations, or a later action with interruptCallMediaOperation", PLAY_DOC);
  public static final ResultRow PLAY_INVALID_FILE = add("play.invalidFileFormat", "PlayFailed", 400, 8535,
      "Action failed, file format is invalid.", "play",
      "a file source that is neither WAV nor MP3 (failedPlaySourceIndex set)", PLAY_DOC);
  public static final ResultRow PLAY_DOWNLOAD_FAILED = add("play.fileDownloadFailed", "PlayFailed", 400, 8536,
      "Action failed, file could not be downloaded.", "play",
      "a file source on a loopback address that cannot be fetched (failedPlaySourceIndex set)", PLAY_DOC);
  public static final ResultRow PLAY_AI_BAD_REQUEST = add("play.aiBadRequest", "PlayFailed", 400, 8565,
      "Action failed, bad request to Azure AI services. Check input parameters.", "play", null, PLAY_DOC);
  public static final ResultRow PLAY_AI_AUTH = add("play.aiAuthenticationError", "PlayFailed", 401, 8565,
      "Action failed, Azure AI services authentication error.", "play", null, PLAY_DOC);
  public static final ResultRow PLAY_AI_FORBIDDEN = add("play.aiForbidden", "PlayFailed", 403, 8565,
      "Action failed, forbidden request to Azure AI services, free subscription used by the request ran out of quota.",
      "play", null, PLAY_DOC);
  public static final ResultRow PLAY_AI_TOO_MANY = add("play.aiTooManyRequests", "PlayFailed", 429, 8565,
      "Action failed, requests exceeded the number of allowed concurrent requests for the Azure AI services subscription.",
      "play", null, PLAY_DOC);
  public static final ResultRow PLAY_AI_TIMEOUT = add("play.aiTimeout", "PlayFailed", 408, 8565,
      "Action failed, request to Azure AI services timed out.", "play", null, PLAY_DOC);
  public static final ResultRow PLAY_INTERNAL = add("play.unknownInternalError", "PlayFailed", 500, 9999,
      "Unknown internal server error", "play", null, PLAY_DOC);
  public static final ResultRow PLAY_SHUTDOWN = add("play.serviceShutdown", "PlayFailed", 500, 8572,
      "Action failed due to play service shutdown.", "play", null, PLAY_DOC);

  // ---- Continuous DTMF and send DTMF (reference 8.4) ----
  public static final ResultRow DTMF_TONE_RECEIVED = add("continuousDtmf.toneReceived",
      "ContinuousDtmfRecognitionToneReceived", 200, 0, "DTMF tone received successfully.", "continuousDtmf",
      "a key pressed by the target participant while continuous DTMF recognition runs", DTMF_REC);
  public static final ResultRow DTMF_TONE_FAILED = add("continuousDtmf.toneFailed",
      "ContinuousDtmfRecognitionToneFailed", 400, 12323, "Continuous DTMF tone Couldn't be received successfully.",
      "continuousDtmf", null, DTMF_REC + " (test payload; real subcode UNVERIFIED)");
  public static final ResultRow DTMF_STOPPED = add("continuousDtmf.stopped",
      "ContinuousDtmfRecognitionStopped", 200, 0, "Continuous DTMF Recognition stopped successfully.",
      "continuousDtmf", ":stopContinuousDtmfRecognition", DTMF_REC);
  public static final ResultRow DTMF_STOPPED_CALL_ENDED = add("continuousDtmf.stoppedCallEnded",
      "ContinuousDtmfRecognitionStopped", 200, 7000, "The conversation has ended. DiagCode: 0#7000.@",
      "continuousDtmf", "the call ended while continuous DTMF recognition ran (sent before CallDisconnected)",
      DTMF_REC);
  public static final ResultRow SEND_DTMF_COMPLETED = add("sendDtmfTones.completed",
      "SendDtmfTonesCompleted", 200, 0, "", "sendDtmfTones", "the tones of :sendDtmfTones were sent",
      "reference 8.4, recorded [JAVA-REC dtmfActions]");
  public static final ResultRow SEND_DTMF_FAILED = add("sendDtmfTones.failed",
      "SendDtmfTonesFailed", 500, 9999, "Unknown internal server error.", "sendDtmfTones", null,
      "reference 8.4 (SendDtmfTonesFailed codes UNVERIFIED; the generic 9999 row)");

  // ---- Transcription (reference 8.3; sync or event per row: TranscriptionResult) ----
  private static final String TRANSCRIPTION_DOC = "reference 8.3 [DOCS:how-tos/call-automation/real-time-transcription-tutorial.md]";
  public static final ResultRow TRANSCRIPTION_STARTED = add("transcription.started", "TranscriptionStarted", 200, 0,
      "Action completed successfully.", "transcription",
      "the transcription WebSocket opened (after :startTranscription or startTranscription at connect)",
      TRANSCRIPTION_DOC + "; recorded [JAVA-REC createVOIPCallAndTranscriptionTest]");
  public static final ResultRow TRANSCRIPTION_STOPPED = add("transcription.stopped", "TranscriptionStopped", 200, 0,
      "Action completed successfully.", "transcription", ":stopTranscription",
      TRANSCRIPTION_DOC + "; recorded [JAVA-REC createVOIPCallAndTranscriptionTest]");
  public static final ResultRow TRANSCRIPTION_UPDATED = add("transcription.updated", "TranscriptionUpdated", 200, 0,
      "Action completed successfully.", "transcription",
      ":updateTranscription; also when the app's socket closed and callemu reconnects", TRANSCRIPTION_DOC);
  public static final ResultRow TRANSCRIPTION_INVALID_STREAM_URL = add("transcription.invalidStreamUrl",
      "TranscriptionFailed", 400, 8581, "Action failed, StreamUrl isn't valid.", "transcription",
      "transportUrl is not an absolute ws:// or wss:// URL", TRANSCRIPTION_DOC);
  public static final ResultRow TRANSCRIPTION_AI_BAD_REQUEST = add("transcription.aiBadRequest",
      "TranscriptionFailed", 400, 8565,
      "Action failed due to a bad request to Cognitive Services. Check your input parameters.", "transcription",
      null, TRANSCRIPTION_DOC);
  public static final ResultRow TRANSCRIPTION_AI_TIMEOUT = add("transcription.aiTimeout",
      "TranscriptionFailed", 400, 8565, "Action failed due to a request to Cognitive Services timing out. "
          + "Try again later or check for any issues with the service.", "transcription", null,
      TRANSCRIPTION_DOC + " (same code pair as aiBadRequest: a fault needs result.message to pick it)");
  public static final ResultRow TRANSCRIPTION_CUSTOM_MODEL = add("transcription.customModelNotSupported",
      "TranscriptionFailed", 400, 8605, "Custom speech recognition model for Transcription is not supported.",
      "transcription", "speechModelEndpointId given on :startTranscription, :updateTranscription or in "
          + "transcriptionOptions", TRANSCRIPTION_DOC);
  public static final ResultRow TRANSCRIPTION_LOCALE_MISSING = add("transcription.localeMissing",
      "TranscriptionFailed", 400, 8523, "Invalid Request, locale is missing.", "transcription",
      "answered synchronously (HTTP 400): transcriptionOptions or :updateTranscription without locale",
      TRANSCRIPTION_DOC);
  public static final ResultRow TRANSCRIPTION_LOCALE_WITHOUT_REGION = add("transcription.localeWithoutRegion",
      "TranscriptionFailed", 400, 8523,
      "Invalid Request, only locale that contain region information are supported.", "transcription",
      "answered synchronously (HTTP 400): a locale such as 'en'", TRANSCRIPTION_DOC);
  public static final ResultRow TRANSCRIPTION_NOT_SUPPORTED = add("transcription.notSupported",
      "TranscriptionFailed", 405, 8520, "Transcription functionality is not supported at this time.",
      "transcription", null, TRANSCRIPTION_DOC);
  public static final ResultRow TRANSCRIPTION_UPDATE_NOT_SUPPORTED_FOR_CONNECT = add(
      "transcription.updateNotSupportedForConnect", "TranscriptionFailed", 405, 8520,
      "UpdateTranscription is not supported for connection created with Connect interface.", "transcription",
      null, TRANSCRIPTION_DOC + " (callemu has no :connect; same code pair as notSupported)");
  public static final ResultRow TRANSCRIPTION_UPDATE_NOT_SUPPORTED = add("transcription.updateNotSupported",
      "TranscriptionFailed", 405, 8520, "Update transcription functionality is not supported at this time.",
      "transcription", null, TRANSCRIPTION_DOC + " (same code pair as notSupported)");
  public static final ResultRow TRANSCRIPTION_CALL_TERMINATED = add("transcription.callTerminated",
      "TranscriptionFailed", 400, 8528, "Action is invalid, call already terminated.", "transcription",
      "answered synchronously (HTTP 400): a transcription request on a call that ended", TRANSCRIPTION_DOC);
  public static final ResultRow TRANSCRIPTION_URL_NOT_SET = add("transcription.transportUrlNotSet",
      "TranscriptionFailed", 405, 8522, "Request not allowed when Transcription url not set during call setup.",
      "transcription", "answered synchronously (HTTP 405) to a request; TranscriptionFailed for "
          + "startTranscription at connect", TRANSCRIPTION_DOC);
  public static final ResultRow TRANSCRIPTION_COGNITIVE_NOT_SET = add("transcription.cognitiveServicesNotSet",
      "TranscriptionFailed", 405, 8522,
      "Request not allowed when Cognitive Service Configuration not set during call setup.", "transcription",
      "answered synchronously (HTTP 405) to a request; TranscriptionFailed for startTranscription at connect",
      TRANSCRIPTION_DOC);
  public static final ResultRow TRANSCRIPTION_NOT_ESTABLISHED = add("transcription.callNotEstablished",
      "TranscriptionFailed", 400, 8501, "Action is invalid when call is not in Established state.",
      "transcription", "answered synchronously (HTTP 400): a request while the call still rings",
      TRANSCRIPTION_DOC);
  public static final ResultRow TRANSCRIPTION_AI_AUTH = add("transcription.aiAuthenticationError",
      "TranscriptionFailed", 401, 8565, "Action failed due to a Cognitive Services authentication error. "
          + "Check your authorization input and ensure it's correct.", "transcription", null, TRANSCRIPTION_DOC);
  public static final ResultRow TRANSCRIPTION_AI_FORBIDDEN = add("transcription.aiForbidden",
      "TranscriptionFailed", 403, 8565, "Action failed due to a forbidden request to Cognitive Services. "
          + "Check your subscription status and ensure it's active.", "transcription", null, TRANSCRIPTION_DOC);
  public static final ResultRow TRANSCRIPTION_AI_TOO_MANY = add("transcription.aiTooManyRequests",
      "TranscriptionFailed", 429, 8565, "Action failed, requests exceeded the number of allowed concurrent "
          + "requests for the cognitive services subscription.", "transcription", null, TRANSCRIPTION_DOC);
  public static final ResultRow TRANSCRIPTION_WEBSOCKET_FAILED = add("transcription.webSocketFailed",
      "TranscriptionFailed", 500, 8578, "Action failed, not able to establish WebSocket connection.",
      "transcription", "the app's WebSocket refused or could not be reopened within "
          + "transcription.reconnectAttempts", TRANSCRIPTION_DOC);
  public static final ResultRow TRANSCRIPTION_SHUTDOWN = add("transcription.serviceShutdown",
      "TranscriptionFailed", 500, 8580, "Action failed, transcription service was shut down.", "transcription",
      null, TRANSCRIPTION_DOC);
  public static final ResultRow TRANSCRIPTION_CANCELED = add("transcription.canceled",
      "TranscriptionFailed", 500, 8579, "Action failed, transcription was canceled.", "transcription", null,
      TRANSCRIPTION_DOC);
  public static final ResultRow TRANSCRIPTION_UNKNOWN = add("transcription.unknownInternalError",
      "TranscriptionFailed", 500, 9999, "Unknown internal server error.", "transcription", null,
      TRANSCRIPTION_DOC);

  private ResultCatalogue() {
  }

  private static ResultRow add(String id, String event, int code, int subCode, String message,
      String action, String behaviour, String source) {
    ResultRow row = new ResultRow(id, event, code, subCode, message, action, behaviour, source);
    ROWS.add(row);
    return row;
  }

  /** Every row, in catalogue order. */
  public static List<ResultRow> all() {
    return Collections.unmodifiableList(ROWS);
  }

  /**
   * The row a fault names: {@code action} plus code and subCode, and {@code event} when given
   * (needed where one code pair belongs to two events, e.g. 400/8532).
   */
  public static Optional<ResultRow> find(String action, String event, int code, int subCode) {
    for (ResultRow r : ROWS) {
      if (r.action().equals(action) && r.code() == code && r.subCode() == subCode
          && (event == null || r.event().equals(event) || ("Microsoft.Communication." + r.event()).equals(event))) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  /** What an armed fault ends an action with: the event name and its resultInformation. */
  public record Forced(String event, JsonObject resultInformation, ResultRow row) {
  }

  /**
   * The outcome a fault's {@code result} ({@code {event?, code, subCode, message?}}) names for
   * {@code action}: its catalogue row, with the fault's message if it gives one; a pair the
   * catalogue lacks ends as {@code fallback}'s event (or the fault's event) with the fault's values.
   */
  public static Forced forced(String action, JsonObject result, ResultRow fallback) {
    String event = result.getString("event");
    int code = result.getInteger("code");
    int subCode = result.getInteger("subCode");
    ResultRow row = find(action, event, code, subCode).orElse(null);
    String name = row != null ? row.event()
        : event != null ? event.replace("Microsoft.Communication.", "") : fallback.event();
    String message = result.getString("message", row != null ? row.message() : fallback.message());
    return new Forced(name, new JsonObject().put("code", code).put("subCode", subCode).put("message", message), row);
  }

  /**
   * The listing of {@code GET /_emulator/catalogue}: the media rows, then the call-level rows of
   * reference 8.4 ({@link CallResult}; reached by the call's life cycle, {@code action} null).
   */
  public static JsonObject toJson() {
    JsonArray rows = new JsonArray();
    ROWS.forEach(r -> rows.add(r.describe()));
    for (CallResult c : CallResult.values()) {
      rows.add(new JsonObject().put("id", "call." + c.name()).put("event", c.event()).put("code", c.code())
          .put("subCode", c.subCode()).put("message", c.message()).putNull("action")
          .put("reachedBy", "behaviour").put("behaviour", "the call's life cycle")
          .put("source", "reference 7.3, 8.4"));
    }
    return new JsonObject().put("rows", rows);
  }
}
