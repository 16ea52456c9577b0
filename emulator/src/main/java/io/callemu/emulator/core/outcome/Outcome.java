package io.callemu.emulator.core.outcome;

import static io.callemu.emulator.core.outcome.ActionKind.CONTINUOUS_DTMF;
import static io.callemu.emulator.core.outcome.ActionKind.PLAY;
import static io.callemu.emulator.core.outcome.ActionKind.PLAY_PROMPT;
import static io.callemu.emulator.core.outcome.ActionKind.RECOGNIZE;
import static io.callemu.emulator.core.outcome.ActionKind.RECORD_RESPONSE;
import static io.callemu.emulator.core.outcome.ActionKind.SEND_DTMF_TONES;
import static io.callemu.emulator.core.outcome.ActionKind.TRANSCRIPTION;
import static io.callemu.emulator.core.outcome.GraphColumn.Status.COMPLETED;
import static io.callemu.emulator.core.outcome.GraphColumn.Status.FAILED;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The one catalogue of outcomes: every way an operation, a call or a request can end, one row per
 * outcome with a column per surface (how ACS Call Automation and Microsoft Graph report it). Each row says which fault action forces it, whether emulated behaviour reaches it by
 * itself (and how), and the documents behind it. Event rows are reachable by a fault ({@code POST
 * /_emulator/faults}) and, where the documents define a behaviour, by that behaviour; refusal rows
 * answer a request synchronously. Listed by {@code GET /_emulator/catalogue}, which the
 * conformance suite walks.
 */
public final class Outcome {

  /** A column of a surface: how that surface reports the outcome. */
  public sealed interface Column permits AcsColumn, GraphColumn {
  }

  private static final String LEARN = "https://learn.microsoft.com/azure/communication-services/";
  private static final String RECOGNIZE_DOC = LEARN + "how-tos/call-automation/recognize-action";
  private static final String RECOGNIZE_AI_DOC = LEARN + "how-tos/call-automation/recognize-ai-action";
  private static final String SUBCODES = LEARN
      + "resources/troubleshooting/voice-video-calling/call-automation-subcodes";
  private static final String GENERIC = SUBCODES + " (generic subcode list); event row UNVERIFIED";
  private static final String PLAY_DOC = LEARN + "how-tos/call-automation/play-action";
  private static final String JAVA_RECORDINGS = "https://github.com/Azure/azure-sdk-for-java/tree/main/sdk/"
      + "communication/azure-communication-callautomation/src/test";
  private static final String DTMF_REC = JAVA_RECORDINGS + " (recorded dtmfActions session and SDK test payloads)";
  private static final String TRANSCRIPTION_DOC = LEARN + "how-tos/call-automation/real-time-transcription-tutorial";
  private static final String CALL_EVENTS = JAVA_RECORDINGS + " (recorded call events)";
  private static final String GRAPH = "https://learn.microsoft.com/graph/api/";
  private static final String RECORD_DOC = GRAPH + "call-record";
  private static final String CANCEL_DOC = GRAPH + "call-cancelmediaprocessing";
  private static final String PLAY_PROMPT_DOC = GRAPH + "call-playprompt";
  private static final String RECORD_REASONS = GRAPH + "resources/recordoperation?view=graph-rest-beta";
  private static final String GRAPH_CALL_END = GRAPH + "call-delete";
  private static final String ACS_PAIR = " (code pair and message UNVERIFIED for Graph: ACS's subcode of the same meaning)";
  private static final String OURS = " (code pair and message UNVERIFIED: callemu's)";

  private static final List<Outcome> ROWS = new ArrayList<>();

  // ---- Recognize ----
  public static final Outcome RECOGNIZE_MAX_TONES = add("recognize.maxTonesReceived", RECOGNIZE,
      "dtmf: maxTonesToCollect keys were pressed",
      RECOGNIZE_DOC,
      acs("RecognizeCompleted", 200, 8531, "Action completed, max digits received."));
  public static final Outcome RECOGNIZE_DTMF_OPTION = add("recognize.dtmfOptionMatched", RECOGNIZE,
      "choices: a key equal to a choice's tone was pressed",
      RECOGNIZE_DOC,
      acs("RecognizeCompleted", 200, 8533, "Action completed, DTMF option matched."));
  public static final Outcome RECOGNIZE_SPEECH_OPTION = add("recognize.speechOptionMatched", RECOGNIZE,
      "choices: the caller said one of a choice's phrases",
      RECOGNIZE_DOC,
      acs("RecognizeCompleted", 200, 8545, "Action completed, speech option matched."));
  public static final Outcome RECOGNIZE_STOP_TONE = add("recognize.stopToneDetected", RECOGNIZE,
      "dtmf: one of stopTones was pressed",
      RECOGNIZE_DOC,
      acs("RecognizeCompleted", 200, 8514, "Action completed as stop tone was detected."));
  public static final Outcome RECOGNIZE_SPEECH = add("recognize.speechRecognized", RECOGNIZE,
      "speech / speechOrDtmf: the caller spoke and end silence passed",
      GENERIC + "; message UNVERIFIED",
      acs("RecognizeCompleted", 200, 8569, "Action completed, speech recognized."));
  public static final Outcome RECOGNIZE_COMPLETED_CANCELED = add("recognize.completedCanceled", RECOGNIZE,
      null,
      RECOGNIZE_DOC + " (documentation quirk: listed under RecognizeCompleted)",
      acs("RecognizeCompleted", 400, 8508, "Action failed, the operation was canceled."));
  public static final Outcome RECOGNIZE_INTER_TONE_COMPLETED = add("recognize.interToneTimeoutCompleted", RECOGNIZE,
      "dtmf: interToneTimeoutInSeconds passed after a key (recognize.interDigitTimeoutEvent=completed)",
      RECOGNIZE_AI_DOC + " (newer how-to)",
      acs("RecognizeCompleted", 400, 8532, "Action failed, inter-digit silence timeout reached."));
  public static final Outcome RECOGNIZE_INTER_TONE_FAILED = add("recognize.interToneTimeoutFailed", RECOGNIZE,
      "dtmf: interToneTimeoutInSeconds passed after a key (recognize.interDigitTimeoutEvent=failed)",
      RECOGNIZE_DOC + " (older how-to)",
      acs("RecognizeFailed", 400, 8532, "Action failed, inter-digit silence timeout reached."));
  public static final Outcome RECOGNIZE_INITIAL_SILENCE = add("recognize.initialSilenceTimeout", RECOGNIZE,
      "no input within initialSilenceTimeoutInSeconds after the prompt ended",
      RECOGNIZE_DOC,
      acs("RecognizeFailed", 400, 8510, "Action failed, initial silence timeout reached."));
  public static final Outcome RECOGNIZE_PROMPT_FAILED = add("recognize.playPromptFailed", RECOGNIZE,
      "the prompt's file cannot be downloaded or read (failedPlaySourceIndex set)",
      RECOGNIZE_DOC,
      acs("RecognizeFailed", 500, 8511, "Action failed, encountered failure while trying to play the prompt."));
  public static final Outcome RECOGNIZE_INTERNAL = add("recognize.unknownInternalError", RECOGNIZE,
      null,
      RECOGNIZE_DOC,
      acs("RecognizeFailed", 500, 8512, "Unknown internal server error."));
  public static final Outcome RECOGNIZE_SPEECH_NOT_MATCHED = add("recognize.speechOptionNotMatched", RECOGNIZE,
      "choices: the caller said something that matches no choice",
      RECOGNIZE_DOC,
      acs("RecognizeFailed", 400, 8547, "Action failed, speech option not matched."));
  public static final Outcome RECOGNIZE_INCORRECT_TONE = add("recognize.incorrectToneEntered", RECOGNIZE,
      "choices: a key was pressed that is no choice's tone",
      RECOGNIZE_DOC,
      acs("RecognizeFailed", 500, 8534, "Action failed, incorrect tone entered."));
  public static final Outcome RECOGNIZE_UNSPECIFIED = add("recognize.unspecifiedError", RECOGNIZE,
      null,
      RECOGNIZE_DOC + "; real payload https://github.com/Azure/azure-sdk-for-python/issues/31638",
      acs("RecognizeFailed", 500, 9999, "Unknown internal server error."));
  public static final Outcome RECOGNIZE_SPEECH_NOT_RECOGNIZED = add("recognize.speechNotRecognized", RECOGNIZE,
      "speech / speechOrDtmf / choices: voice activity without recognisable words",
      GENERIC,
      acs("RecognizeFailed", 400, 8563, "Action failed, speech not recognized."));
  public static final Outcome RECOGNIZE_SPEECH_CONNECTION = add("recognize.speechServiceConnectionError", RECOGNIZE,
      null,
      GENERIC,
      acs("RecognizeFailed", 500, 8564, "Action failed, speech service connection error."));
  public static final Outcome RECOGNIZE_SPEECH_SERVICE_ERROR = add("recognize.cognitiveServicesSpeechRecognitionError", RECOGNIZE,
      null,
      GENERIC,
      acs("RecognizeFailed", 500, 8570, "Action failed, cognitive services speech recognition error."));
  public static final Outcome RECOGNIZE_AI_BAD_REQUEST = add("recognize.aiBadRequest", RECOGNIZE,
      null,
      RECOGNIZE_DOC + " (8565 rows as for Play)",
      acs("RecognizeFailed", 400, 8565, "Action failed, bad request to cognitive services. Check input parameters."));
  public static final Outcome RECOGNIZE_AI_AUTH = add("recognize.aiAuthenticationError", RECOGNIZE,
      null,
      "https://github.com/Azure/azure-sdk-for-net/issues/38573",
      acs("RecognizeFailed", 401, 8565, "Action failed, cognitive services authentication error."));
  public static final Outcome RECOGNIZE_AI_FORBIDDEN = add("recognize.aiForbidden", RECOGNIZE,
      null,
      "https://github.com/Azure/azure-sdk-for-net/issues/38573",
      acs("RecognizeFailed", 403, 8565, "Action failed, forbidden request to cognitive services, free subscription used by the request ran out of quota."));
  public static final Outcome RECOGNIZE_AI_TIMEOUT = add("recognize.aiTimeout", RECOGNIZE,
      null,
      RECOGNIZE_DOC + " (8565 rows as for Play)",
      acs("RecognizeFailed", 408, 8565, "Action failed, request to cognitive services timed out."));
  public static final Outcome RECOGNIZE_AI_TOO_MANY = add("recognize.aiTooManyRequests", RECOGNIZE,
      null,
      RECOGNIZE_DOC + " (8565 rows as for Play)",
      acs("RecognizeFailed", 429, 8565, "Action failed, requests exceeded the number of allowed concurrent requests for the cognitive services subscription."));
  public static final Outcome RECOGNIZE_CANCELED = add("recognize.canceled", RECOGNIZE,
      ":cancelAllMediaOperations, or a later action with interruptCallMediaOperation",
      RECOGNIZE_DOC,
      acs("RecognizeCanceled", 400, 8508, "Action failed, the operation was canceled."));

  // ---- Play ----
  public static final Outcome PLAY_STARTED = add("play.started", PLAY,
      "a play began",
      PLAY_DOC + "; recorded: " + JAVA_RECORDINGS,
      acs("PlayStarted", 200, 0, "Action completed successfully."));
  public static final Outcome PLAY_COMPLETED = add("play.completed", PLAY,
      "every play source was played (not with loop)",
      PLAY_DOC + "; recorded: " + JAVA_RECORDINGS,
      acs("PlayCompleted", 200, 0, "Action completed successfully."));
  public static final Outcome PLAY_CANCELED = add("play.canceled", PLAY,
      ":cancelAllMediaOperations, or a later action with interruptCallMediaOperation",
      PLAY_DOC,
      acs("PlayCanceled", 400, 8508, "Action failed, the operation was canceled."));
  public static final Outcome PLAY_INVALID_FILE = add("play.invalidFileFormat", PLAY,
      "a file source that is neither WAV nor MP3 (failedPlaySourceIndex set)",
      PLAY_DOC,
      acs("PlayFailed", 400, 8535, "Action failed, file format is invalid."));
  public static final Outcome PLAY_DOWNLOAD_FAILED = add("play.fileDownloadFailed", PLAY,
      "a file source on a loopback address that cannot be fetched (failedPlaySourceIndex set)",
      PLAY_DOC,
      acs("PlayFailed", 400, 8536, "Action failed, file could not be downloaded."));
  public static final Outcome PLAY_AI_BAD_REQUEST = add("play.aiBadRequest", PLAY,
      null,
      PLAY_DOC,
      acs("PlayFailed", 400, 8565, "Action failed, bad request to Azure AI services. Check input parameters."));
  public static final Outcome PLAY_AI_AUTH = add("play.aiAuthenticationError", PLAY,
      null,
      PLAY_DOC,
      acs("PlayFailed", 401, 8565, "Action failed, Azure AI services authentication error."));
  public static final Outcome PLAY_AI_FORBIDDEN = add("play.aiForbidden", PLAY,
      null,
      PLAY_DOC,
      acs("PlayFailed", 403, 8565, "Action failed, forbidden request to Azure AI services, free subscription used by the request ran out of quota."));
  public static final Outcome PLAY_AI_TOO_MANY = add("play.aiTooManyRequests", PLAY,
      null,
      PLAY_DOC,
      acs("PlayFailed", 429, 8565, "Action failed, requests exceeded the number of allowed concurrent requests for the Azure AI services subscription."));
  public static final Outcome PLAY_AI_TIMEOUT = add("play.aiTimeout", PLAY,
      null,
      PLAY_DOC,
      acs("PlayFailed", 408, 8565, "Action failed, request to Azure AI services timed out."));
  public static final Outcome PLAY_INTERNAL = add("play.unknownInternalError", PLAY,
      null,
      PLAY_DOC,
      acs("PlayFailed", 500, 9999, "Unknown internal server error"));
  public static final Outcome PLAY_SHUTDOWN = add("play.serviceShutdown", PLAY,
      null,
      PLAY_DOC,
      acs("PlayFailed", 500, 8572, "Action failed due to play service shutdown."));

  // ---- Continuous DTMF and send DTMF ----
  public static final Outcome DTMF_TONE_RECEIVED = add("continuousDtmf.toneReceived", CONTINUOUS_DTMF,
      "a key pressed by the target participant while continuous DTMF recognition runs",
      DTMF_REC,
      acs("ContinuousDtmfRecognitionToneReceived", 200, 0, "DTMF tone received successfully."),
      GraphColumn.tone());
  public static final Outcome DTMF_TONE_FAILED = add("continuousDtmf.toneFailed", CONTINUOUS_DTMF,
      null,
      DTMF_REC + " (test payload; real subcode UNVERIFIED)",
      acs("ContinuousDtmfRecognitionToneFailed", 400, 12323, "Continuous DTMF tone Couldn't be received successfully."));
  public static final Outcome DTMF_STOPPED = add("continuousDtmf.stopped", CONTINUOUS_DTMF,
      ":stopContinuousDtmfRecognition",
      DTMF_REC,
      acs("ContinuousDtmfRecognitionStopped", 200, 0, "Continuous DTMF Recognition stopped successfully."));
  public static final Outcome DTMF_STOPPED_CALL_ENDED = add("continuousDtmf.stoppedCallEnded", CONTINUOUS_DTMF,
      "the call ended while continuous DTMF recognition ran (sent before CallDisconnected)",
      DTMF_REC,
      acs("ContinuousDtmfRecognitionStopped", 200, 7000, "The conversation has ended. DiagCode: 0#7000.@"));
  public static final Outcome SEND_DTMF_COMPLETED = add("sendDtmfTones.completed", SEND_DTMF_TONES,
      "the tones of :sendDtmfTones were sent",
      DTMF_REC,
      acs("SendDtmfTonesCompleted", 200, 0, ""));
  public static final Outcome SEND_DTMF_FAILED = add("sendDtmfTones.failed", SEND_DTMF_TONES,
      null,
      SUBCODES + " (SendDtmfTonesFailed codes UNVERIFIED; the generic 9999 row)",
      acs("SendDtmfTonesFailed", 500, 9999, "Unknown internal server error."));

  // ---- Transcription ----
  public static final Outcome TRANSCRIPTION_STARTED = add("transcription.started", TRANSCRIPTION,
      "the transcription WebSocket opened (after :startTranscription or startTranscription at connect)",
      TRANSCRIPTION_DOC + "; recorded: " + JAVA_RECORDINGS,
      acs("TranscriptionStarted", 200, 0, "Action completed successfully."));
  public static final Outcome TRANSCRIPTION_STOPPED = add("transcription.stopped", TRANSCRIPTION,
      ":stopTranscription",
      TRANSCRIPTION_DOC + "; recorded: " + JAVA_RECORDINGS,
      acs("TranscriptionStopped", 200, 0, "Action completed successfully."));
  public static final Outcome TRANSCRIPTION_UPDATED = add("transcription.updated", TRANSCRIPTION,
      ":updateTranscription; also when the app's socket closed and callemu reconnects",
      TRANSCRIPTION_DOC,
      acs("TranscriptionUpdated", 200, 0, "Action completed successfully."));
  public static final Outcome TRANSCRIPTION_INVALID_STREAM_URL = add("transcription.invalidStreamUrl", TRANSCRIPTION,
      "transportUrl is not an absolute ws:// or wss:// URL",
      TRANSCRIPTION_DOC,
      acs("TranscriptionFailed", 400, 8581, "Action failed, StreamUrl isn't valid."));
  public static final Outcome TRANSCRIPTION_AI_BAD_REQUEST = add("transcription.aiBadRequest", TRANSCRIPTION,
      null,
      TRANSCRIPTION_DOC,
      acs("TranscriptionFailed", 400, 8565, "Action failed due to a bad request to Cognitive Services. Check your input parameters."));
  public static final Outcome TRANSCRIPTION_AI_TIMEOUT = add("transcription.aiTimeout", TRANSCRIPTION,
      null,
      TRANSCRIPTION_DOC + " (same code pair as aiBadRequest: a fault needs result.message to pick it)",
      acs("TranscriptionFailed", 400, 8565, "Action failed due to a request to Cognitive Services timing out. " + "Try again later or check for any issues with the service."));
  public static final Outcome TRANSCRIPTION_CUSTOM_MODEL = add("transcription.customModelNotSupported", TRANSCRIPTION,
      "speechModelEndpointId given on :startTranscription, :updateTranscription or in " + "transcriptionOptions",
      TRANSCRIPTION_DOC,
      acs("TranscriptionFailed", 400, 8605, "Custom speech recognition model for Transcription is not supported."));
  public static final Outcome TRANSCRIPTION_LOCALE_MISSING = add("transcription.localeMissing", TRANSCRIPTION,
      "answered synchronously (HTTP 400): transcriptionOptions or :updateTranscription without locale",
      TRANSCRIPTION_DOC,
      acs("TranscriptionFailed", 400, 8523, "Invalid Request, locale is missing."));
  public static final Outcome TRANSCRIPTION_LOCALE_WITHOUT_REGION = add("transcription.localeWithoutRegion", TRANSCRIPTION,
      "answered synchronously (HTTP 400): a locale such as 'en'",
      TRANSCRIPTION_DOC,
      acs("TranscriptionFailed", 400, 8523, "Invalid Request, only locale that contain region information are supported."));
  public static final Outcome TRANSCRIPTION_NOT_SUPPORTED = add("transcription.notSupported", TRANSCRIPTION,
      null,
      TRANSCRIPTION_DOC,
      acs("TranscriptionFailed", 405, 8520, "Transcription functionality is not supported at this time."));
  public static final Outcome TRANSCRIPTION_UPDATE_NOT_SUPPORTED_FOR_CONNECT = add("transcription.updateNotSupportedForConnect", TRANSCRIPTION,
      null,
      TRANSCRIPTION_DOC + " (callemu has no :connect; same code pair as notSupported)",
      acs("TranscriptionFailed", 405, 8520, "UpdateTranscription is not supported for connection created with Connect interface."));
  public static final Outcome TRANSCRIPTION_UPDATE_NOT_SUPPORTED = add("transcription.updateNotSupported", TRANSCRIPTION,
      null,
      TRANSCRIPTION_DOC + " (same code pair as notSupported)",
      acs("TranscriptionFailed", 405, 8520, "Update transcription functionality is not supported at this time."));
  public static final Outcome TRANSCRIPTION_CALL_TERMINATED = add("transcription.callTerminated", TRANSCRIPTION,
      "answered synchronously (HTTP 400): a transcription request on a call that ended",
      TRANSCRIPTION_DOC,
      acs("TranscriptionFailed", 400, 8528, "Action is invalid, call already terminated."));
  public static final Outcome TRANSCRIPTION_URL_NOT_SET = add("transcription.transportUrlNotSet", TRANSCRIPTION,
      "answered synchronously (HTTP 405) to a request; TranscriptionFailed for " + "startTranscription at connect",
      TRANSCRIPTION_DOC,
      acs("TranscriptionFailed", 405, 8522, "Request not allowed when Transcription url not set during call setup."));
  public static final Outcome TRANSCRIPTION_COGNITIVE_NOT_SET = add("transcription.cognitiveServicesNotSet", TRANSCRIPTION,
      "answered synchronously (HTTP 405) to a request; TranscriptionFailed for startTranscription at connect",
      TRANSCRIPTION_DOC,
      acs("TranscriptionFailed", 405, 8522, "Request not allowed when Cognitive Service Configuration not set during call setup."));
  public static final Outcome TRANSCRIPTION_NOT_ESTABLISHED = add("transcription.callNotEstablished", TRANSCRIPTION,
      "answered synchronously (HTTP 400): a request while the call still rings",
      TRANSCRIPTION_DOC,
      acs("TranscriptionFailed", 400, 8501, "Action is invalid when call is not in Established state."));
  public static final Outcome TRANSCRIPTION_AI_AUTH = add("transcription.aiAuthenticationError", TRANSCRIPTION,
      null,
      TRANSCRIPTION_DOC,
      acs("TranscriptionFailed", 401, 8565, "Action failed due to a Cognitive Services authentication error. " + "Check your authorization input and ensure it's correct."));
  public static final Outcome TRANSCRIPTION_AI_FORBIDDEN = add("transcription.aiForbidden", TRANSCRIPTION,
      null,
      TRANSCRIPTION_DOC,
      acs("TranscriptionFailed", 403, 8565, "Action failed due to a forbidden request to Cognitive Services. " + "Check your subscription status and ensure it's active."));
  public static final Outcome TRANSCRIPTION_AI_TOO_MANY = add("transcription.aiTooManyRequests", TRANSCRIPTION,
      null,
      TRANSCRIPTION_DOC,
      acs("TranscriptionFailed", 429, 8565, "Action failed, requests exceeded the number of allowed concurrent " + "requests for the cognitive services subscription."));
  public static final Outcome TRANSCRIPTION_WEBSOCKET_FAILED = add("transcription.webSocketFailed", TRANSCRIPTION,
      "the app's WebSocket refused or could not be reopened within " + "transcription.reconnectAttempts",
      TRANSCRIPTION_DOC,
      acs("TranscriptionFailed", 500, 8578, "Action failed, not able to establish WebSocket connection."));
  public static final Outcome TRANSCRIPTION_SHUTDOWN = add("transcription.serviceShutdown", TRANSCRIPTION,
      null,
      TRANSCRIPTION_DOC,
      acs("TranscriptionFailed", 500, 8580, "Action failed, transcription service was shut down."));
  public static final Outcome TRANSCRIPTION_CANCELED = add("transcription.canceled", TRANSCRIPTION,
      null,
      TRANSCRIPTION_DOC,
      acs("TranscriptionFailed", 500, 8579, "Action failed, transcription was canceled."));
  public static final Outcome TRANSCRIPTION_UNKNOWN = add("transcription.unknownInternalError", TRANSCRIPTION,
      null,
      TRANSCRIPTION_DOC,
      acs("TranscriptionFailed", 500, 9999, "Unknown internal server error."));

  // ---- Microsoft Graph recordResponse (every recordCompletionReason) ----
  public static final Outcome RECORD_MAX_DURATION = add("recordResponse.maxRecordDurationReached", RECORD_RESPONSE,
      "the recording reached maxRecordDurationInSeconds (at most 120 s)",
      RECORD_DOC + " (v1.0 completion example)",
      GraphColumn.operation(COMPLETED, "maxRecordDurationReached", 200, 8515,
          "Action completed, max record duration reached."));
  public static final Outcome RECORD_STOP_TONE = add("recordResponse.stopToneDetected", RECORD_RESPONSE,
      "one of stopTones was pressed while recording",
      RECORD_DOC + " (beta completion example)" + ACS_PAIR,
      GraphColumn.operation(COMPLETED, "stopToneDetected", 200, 8514, "Action completed, stop tone detected."));
  public static final Outcome RECORD_MAX_SILENCE = add("recordResponse.maxSilenceTimeout", RECORD_RESPONSE,
      "the caller spoke, then was silent for maxSilenceTimeoutInSeconds",
      RECORD_REASONS + OURS,
      GraphColumn.operation(COMPLETED, "maxSilenceTimeout", 200, 0, "Action completed, max silence timeout reached."));
  public static final Outcome RECORD_INITIAL_SILENCE = add("recordResponse.initialSilenceTimeout", RECORD_RESPONSE,
      "the caller did not speak within initialSilenceTimeoutInSeconds after the prompt and the beep",
      RECORD_DOC + " (the operation fails)" + ACS_PAIR,
      GraphColumn.operation(FAILED, "initialSilenceTimeout", 400, 8510, "Action failed, initial silence timeout reached."));
  public static final Outcome RECORD_CANCELED = add("recordResponse.operationCanceled", RECORD_RESPONSE,
      "cancelMediaProcessing, or a later recordResponse with bargeInAllowed",
      CANCEL_DOC,
      GraphColumn.operation(FAILED, "operationCanceled", 400, 8508, "Action failed, the operation was cancelled."));
  public static final Outcome RECORD_PROMPT_FAILED = add("recordResponse.playPromptFailed", RECORD_RESPONSE,
      "the prompt's file on a loopback address cannot be fetched, or is no WAV",
      RECORD_REASONS + ACS_PAIR,
      GraphColumn.operation(FAILED, "playPromptFailed", 500, 8511,
          "Action failed, encountered failure while trying to play the prompt."));
  public static final Outcome RECORD_BEEP_FAILED = add("recordResponse.playBeepFailed", RECORD_RESPONSE,
      null,
      RECORD_REASONS + OURS,
      GraphColumn.operation(FAILED, "playBeepFailed", 500, 0, "Action failed, encountered failure while trying to play the beep."));
  public static final Outcome RECORD_MEDIA_RECEIVE_TIMEOUT = add("recordResponse.mediaReceiveTimeout", RECORD_RESPONSE,
      null,
      RECORD_REASONS + OURS,
      GraphColumn.operation(FAILED, "mediaReceiveTimeout", 408, 0, "Action failed, no media was received from the caller."));
  public static final Outcome RECORD_UNSPECIFIED = add("recordResponse.unspecifiedError", RECORD_RESPONSE,
      null,
      RECORD_REASONS + ACS_PAIR,
      GraphColumn.operation(FAILED, "unspecifiedError", 500, 9999, "Unknown internal server error."));

  // ---- Microsoft Graph playPrompt ----
  public static final Outcome PLAY_PROMPT_COMPLETED = add("playPrompt.completed", PLAY_PROMPT,
      "every prompt was played (never with loop)",
      PLAY_PROMPT_DOC,
      GraphColumn.operation(COMPLETED, "completedSuccessfully", 200, 0, "Action completed successfully."));
  public static final Outcome PLAY_PROMPT_CANCELED = add("playPrompt.canceled", PLAY_PROMPT,
      "cancelMediaProcessing, or a recordResponse with bargeInAllowed",
      CANCEL_DOC + " (UNVERIFIED for playPrompt: as the recordResponse example)",
      GraphColumn.operation(FAILED, "mediaOperationCanceled", 400, 8508, "Action failed, the operation was cancelled."));
  public static final Outcome PLAY_PROMPT_DOWNLOAD_FAILED = add("playPrompt.fileDownloadFailed", PLAY_PROMPT,
      "a prompt file on a loopback address that cannot be fetched",
      PLAY_PROMPT_DOC + ACS_PAIR,
      GraphColumn.operation(FAILED, "unknown", 400, 8536, "Action failed, file could not be downloaded."));
  public static final Outcome PLAY_PROMPT_INVALID_FILE = add("playPrompt.invalidFileFormat", PLAY_PROMPT,
      "a prompt file that is neither WAV nor MP3",
      PLAY_PROMPT_DOC + ACS_PAIR,
      GraphColumn.operation(FAILED, "unknown", 400, 8535, "Action failed, file format is invalid."));
  public static final Outcome PLAY_PROMPT_UNSPECIFIED = add("playPrompt.unspecifiedError", PLAY_PROMPT,
      null,
      PLAY_PROMPT_DOC + ACS_PAIR,
      GraphColumn.operation(FAILED, "unknown", 500, 9999, "Unknown internal server error."));

  // ---- The call's life cycle (no fault action) ----
  public static final Outcome CALL_CONNECTED = add("call.CONNECTED", null, "the call's life cycle", CALL_EVENTS,
      acs("CallConnected", 200, 0, ""));
  public static final Outcome PARTICIPANTS_UPDATED = add("call.PARTICIPANTS_UPDATED", null, "the call's life cycle",
      CALL_EVENTS, acs("ParticipantsUpdated", 200, 0, ""));
  public static final Outcome CALL_ENDED_BY_APP = add("call.ENDED_BY_APP", null, "the app hung up or terminated the call",
      CALL_EVENTS, acs("CallDisconnected", 200, 7000,
          "Call was ended by Azure Communication Service Call Automation API or a server bot. DiagCode: 0#7000.@"),
      GraphColumn.callEnd(200, 5001, "The conversation has ended."));
  public static final Outcome CALL_ENDED_BY_REMOTE = add("call.ENDED_BY_REMOTE", null, "the remote party hung up",
      CALL_EVENTS + "; Graph: " + GRAPH_CALL_END + " (4521: ended by the other participant of a peer-to-peer call; message callemu's)",
      acs("CallDisconnected", 200, 5001, "This conversation has ended.. DiagCode: 0#5001.@"),
      GraphColumn.callEnd(200, 4521, "The call was ended by the other participant."));
  public static final Outcome CALLEE_DECLINED = add("call.CALLEE_DECLINED", null,
      "the remote party hung up while the outbound call rang", SUBCODES + " (pairing UNVERIFIED)",
      acs("CreateCallFailed", 603, 8538, "Callee declined the call."),
      GraphColumn.callEnd(603, 0, "The callee declined the call."));
  public static final Outcome ANSWER_TOO_LATE = add("call.ANSWER_TOO_LATE", null,
      "answerCall after incomingCall.answerTimeoutMs", SUBCODES + " (8587 Incoming Call Not Answered Within Time)",
      acs("AnswerFailed", 400, 8587, "Incoming call not answered within time."));
  public static final Outcome ANSWER_UNKNOWN_CONTEXT = add("call.ANSWER_UNKNOWN_CONTEXT", null,
      "answerCall with a context callemu never issued or that was already handled", SUBCODES,
      acs("AnswerFailed", 404, 8522, "Incoming call not found or already handled."));

  public static final Outcome NOT_ANSWERED = add("call.NOT_ANSWERED", null,
      "an offered Graph call that the bot neither answered, rejected nor redirected within graph.answerTimeoutMs",
      GRAPH + "call-answer (15 s); code pair from " + GRAPH_CALL_END,
      GraphColumn.callEnd(408, 1106, "An acknowledgement was not received for the call acceptance in the allotted time."));

  // ---- Refusals: a request answered synchronously, nothing changed ({} is the refusal's detail) ----
  public static final Outcome CALL_NOT_FOUND = add("refusal.callNotFound", null,
      "a request names a call that does not exist or has ended", SUBCODES + "; message recorded for GET on an ended call",
      acs(null, 404, 8522, "Call not found."),
      GraphColumn.refusal(404, "8522", "Call not found."));
  public static final Outcome PARTICIPANT_NOT_FOUND = add("refusal.participantNotFound", null,
      "a request names a participant the call does not have", SUBCODES, acs(null, 404, 8522, "Participant not found: {}"));
  public static final Outcome INCOMING_CALL_NOT_FOUND = add("refusal.incomingCallNotFound", null,
      "redirect or reject of an incomingCallContext that is unknown, handled or expired", SUBCODES,
      acs(null, 404, 8522, "Incoming call not found or already handled."));
  public static final Outcome CALL_NOT_ESTABLISHED = add("refusal.callNotEstablished", null,
      "a media action while the call still rings", SUBCODES,
      acs(null, 400, 8501, "Action is invalid when call is not in Established state."),
      GraphColumn.refusal(400, "BadRequest", "The call is not established; media operations need an established call."));
  public static final Outcome TOO_MANY_CALLS = add("refusal.tooManyCalls", null,
      "a new call while callemu keeps as many calls as it can", SUBCODES + " (8530 Call Throttled Active Calls Limit Reached)",
      acs(null, 429, 8530, "Too many active calls: this callemu keeps at most {} calls; end some or POST /_emulator/reset."),
      GraphColumn.refusal(429, "TooManyRequests", "Too many calls: this callemu keeps at most {} calls; end some or POST /_emulator/reset."));
  public static final Outcome MEDIA_QUEUE_FULL = add("refusal.mediaQueueFull", null,
      "a media action while the call has as many waiting as callemu keeps", SUBCODES + " (8500 Invalid media mode)",
      acs(null, 400, 8500, "Invalid media mode: {} media operations are already queued on this call; cancel them first."),
      GraphColumn.refusal(400, "BadRequest", "{} media operations are already queued on this call; cancel them first."));
  public static final Outcome CALL_NOT_INCOMING = add("refusal.callNotIncoming", null,
      "answer, reject or redirect of a Graph call that is no longer incoming (answered, rejected or redirected)",
      GRAPH + "call-answer; error text callemu's",
      GraphColumn.refusal(400, "BadRequest", "The call is not incoming: it is {}."));
  public static final Outcome COGNITIVE_SERVICES_NOT_CONFIGURED = add("refusal.cognitiveServicesNotConfigured", null,
      "speech input on a call set up without a Cognitive Services endpoint", SUBCODES,
      acs(null, 405, 8522, "Request not allowed when Cognitive Service Configuration not set during call setup."));
  public static final Outcome TRANSCRIPTION_ALREADY_RUNNING = add("refusal.transcriptionAlreadyRunning", null,
      ":startTranscription while transcription runs", SUBCODES + " (8585 Action not valid in current call state)",
      acs(null, 400, 8585, "Action not valid in current call state: transcription is already running."));
  public static final Outcome TRANSCRIPTION_NOT_RUNNING = add("refusal.transcriptionNotRunning", null,
      ":updateTranscription while no transcription runs", SUBCODES + " (8585 Action not valid in current call state)",
      acs(null, 400, 8585, "Action not valid in current call state: transcription is not running."));

  private final String id;
  private final ActionKind action;
  private final String behaviour;
  private final String source;
  private final AcsColumn acs;
  private final GraphColumn graph;

  private Outcome(String id, ActionKind action, String behaviour, String source, Column... columns) {
    this.id = id;
    this.action = action;
    this.behaviour = behaviour;
    this.source = source;
    AcsColumn acsColumn = null;
    GraphColumn graphColumn = null;
    for (Column c : columns) {
      if (c instanceof AcsColumn a) {
        acsColumn = a;
      } else if (c instanceof GraphColumn g) {
        graphColumn = g;
      }
    }
    this.acs = acsColumn;
    this.graph = graphColumn;
  }

  private static Outcome add(String id, ActionKind action, String behaviour, String source, Column... columns) {
    Outcome row = new Outcome(id, action, behaviour, source, columns);
    ROWS.add(row);
    return row;
  }

  private static AcsColumn acs(String event, int code, int subCode, String message) {
    return new AcsColumn(event, code, subCode, message);
  }

  /** Stable name, e.g. {@code recognize.maxTonesReceived}. */
  public String id() {
    return id;
  }

  /** The fault action that ends with this row, or null for call life-cycle rows and refusals. */
  public ActionKind action() {
    return action;
  }

  /** How emulated behaviour reaches the row, or null when only a fault does. */
  public String behaviour() {
    return behaviour;
  }

  public boolean reachedByBehaviour() {
    return behaviour != null;
  }

  /** The documents behind the row (public URLs), with what is unverified. */
  public String source() {
    return source;
  }

  /** How ACS Call Automation reports this outcome, or null when ACS never does. */
  public AcsColumn acs() {
    return acs;
  }

  /** How Microsoft Graph reports this outcome, or null when Graph never does. */
  public GraphColumn graph() {
    return graph;
  }

  /**
   * Whether a fault's result names this row: its event (ACS, optional), code and subcode in the
   * column of a surface that reports the row.
   */
  public boolean matchesFault(String eventName, int code, int subCode) {
    return (acs != null && acs.matches(eventName, code, subCode))
        || (eventName == null && graph != null && graph.matches(code, subCode));
  }

  /** The row's message in the column that reports its fault action (ACS first). */
  public String faultMessage() {
    return acs != null ? acs.message() : graph != null ? graph.message() : null;
  }

  /** Every row, in catalogue order. */
  public static List<Outcome> all() {
    return Collections.unmodifiableList(ROWS);
  }

  /** The first row of {@code action} that {@code test} accepts. */
  public static Optional<Outcome> find(ActionKind action, Predicate<Outcome> test) {
    for (Outcome r : ROWS) {
      if (r.action == action && test.test(r)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return id;
  }
}
