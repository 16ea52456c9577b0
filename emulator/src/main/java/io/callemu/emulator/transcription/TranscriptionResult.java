package io.callemu.emulator.transcription;

import io.vertx.core.json.JsonObject;
import java.util.Optional;

/**
 * The transcription rows of the result-code catalogue (reference section 8.3, from the real-time
 * transcription tutorial): event, code, subCode and message exactly as documented, plus the
 * {@code transcriptionStatusDetails} callemu sends with a TranscriptionFailed and whether callemu
 * answers the row synchronously (HTTP error on the request) or as a TranscriptionFailed event.
 *
 * <p>Rule for the choice: what can be decided from the request and the call's setup alone, before
 * anything starts, is refused synchronously with the row's status and subCode (as the
 * synchronous-error table, reference section 8.5, lists 405/8522, 400/8523, 400/8501, 400/8528);
 * everything found while setting up or running the stream comes as TranscriptionFailed.
 */
public enum TranscriptionResult {
  STARTED("TranscriptionStarted", 200, 0, "Action completed successfully.", Delivery.EVENT, "subscriptionStarted"),
  STOPPED("TranscriptionStopped", 200, 0, "Action completed successfully.", Delivery.EVENT, "subscriptionStopped"),
  UPDATED("TranscriptionUpdated", 200, 0, "Action completed successfully.", Delivery.EVENT, "transcriptionLocaleUpdated"),
  /** transportUrl is not a ws:// or wss:// URL: found when the stream is opened. */
  INVALID_STREAM_URL(400, 8581, "Action failed, StreamUrl isn't valid.", Delivery.EVENT, "streamUrlMissing"),
  COGNITIVE_BAD_REQUEST(400, 8565,
      "Action failed due to a bad request to Cognitive Services. Check your input parameters.",
      Delivery.EVENT, "badRequest"),
  COGNITIVE_TIMEOUT(400, 8565, "Action failed due to a request to Cognitive Services timing out. "
      + "Try again later or check for any issues with the service.", Delivery.EVENT, "serviceTimeout"),
  /** A speechModelEndpointId was given: callemu, like the documented service, has no custom models. */
  CUSTOM_MODEL_NOT_SUPPORTED(400, 8605, "Custom speech recognition model for Transcription is not supported.",
      Delivery.EVENT, "badRequest"),
  LOCALE_MISSING(400, 8523, "Invalid Request, locale is missing.", Delivery.SYNC, "badRequest"),
  LOCALE_WITHOUT_REGION(400, 8523, "Invalid Request, only locale that contain region information are supported.",
      Delivery.SYNC, "badRequest"),
  NOT_SUPPORTED(405, 8520, "Transcription functionality is not supported at this time.", Delivery.EVENT,
      "unspecifiedError"),
  UPDATE_NOT_SUPPORTED_FOR_CONNECT(405, 8520,
      "UpdateTranscription is not supported for connection created with Connect interface.", Delivery.EVENT,
      "unspecifiedError"),
  UPDATE_NOT_SUPPORTED(405, 8520, "Update transcription functionality is not supported at this time.",
      Delivery.EVENT, "unspecifiedError"),
  CALL_TERMINATED(400, 8528, "Action is invalid, call already terminated.", Delivery.SYNC, "unspecifiedError"),
  TRANSPORT_URL_NOT_SET(405, 8522, "Request not allowed when Transcription url not set during call setup.",
      Delivery.SYNC, "streamUrlMissing"),
  COGNITIVE_NOT_CONFIGURED(405, 8522,
      "Request not allowed when Cognitive Service Configuration not set during call setup.", Delivery.SYNC,
      "speechServicesConnectionError"),
  CALL_NOT_ESTABLISHED(400, 8501, "Action is invalid when call is not in Established state.", Delivery.SYNC,
      "unspecifiedError"),
  COGNITIVE_AUTHENTICATION(401, 8565, "Action failed due to a Cognitive Services authentication error. "
      + "Check your authorization input and ensure it's correct.", Delivery.EVENT, "authenticationFailure"),
  COGNITIVE_FORBIDDEN(403, 8565, "Action failed due to a forbidden request to Cognitive Services. "
      + "Check your subscription status and ensure it's active.", Delivery.EVENT, "forbidden"),
  COGNITIVE_TOO_MANY_REQUESTS(429, 8565, "Action failed, requests exceeded the number of allowed concurrent "
      + "requests for the cognitive services subscription.", Delivery.EVENT, "tooManyRequests"),
  /** The WebSocket to transportUrl could not be opened, or was lost and could not be reopened. */
  WEBSOCKET_FAILED(500, 8578, "Action failed, not able to establish WebSocket connection.", Delivery.EVENT,
      "streamConnectionUnsuccessful"),
  SERVICE_SHUTDOWN(500, 8580, "Action failed, transcription service was shut down.", Delivery.EVENT,
      "serviceShutdown"),
  CANCELED(500, 8579, "Action failed, transcription was canceled.", Delivery.EVENT, "unspecifiedError"),
  UNKNOWN(500, 9999, "Unknown internal server error.", Delivery.EVENT, "unspecifiedError");

  /** How callemu reports a row when its real behaviour reaches it (faults always use the event). */
  public enum Delivery {
    /** The request is refused: HTTP {@code code}, {@code {"error":{"code":"<subCode>","message"}}}. */
    SYNC,
    /** The request is accepted (202) and a TranscriptionFailed (or the success event) follows. */
    EVENT
  }

  private final String event;
  private final int code;
  private final int subCode;
  private final String message;
  private final Delivery delivery;
  private final String statusDetails;

  TranscriptionResult(int code, int subCode, String message, Delivery delivery, String statusDetails) {
    this("TranscriptionFailed", code, subCode, message, delivery, statusDetails);
  }

  TranscriptionResult(String event, int code, int subCode, String message, Delivery delivery, String statusDetails) {
    this.event = event;
    this.code = code;
    this.subCode = subCode;
    this.message = message;
    this.delivery = delivery;
    this.statusDetails = statusDetails;
  }

  /** The event name without the {@code Microsoft.Communication.} prefix. */
  public String event() { return event; }
  public int code() { return code; }
  public int subCode() { return subCode; }
  public String message() { return message; }
  public Delivery delivery() { return delivery; }
  /** {@code transcriptionUpdate.transcriptionStatusDetails} sent with this row. */
  public String statusDetails() { return statusDetails; }

  public boolean isFailure() {
    return event.equals("TranscriptionFailed");
  }

  public JsonObject toJson() {
    return new JsonObject().put("code", code).put("subCode", subCode).put("message", message);
  }

  /** The first row with this code and subCode (what a fault names), if any. */
  public static Optional<TranscriptionResult> find(int code, int subCode) {
    for (TranscriptionResult r : values()) {
      if (r.code == code && r.subCode == subCode && r.isFailure()) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }
}
