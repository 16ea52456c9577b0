package io.callemu.emulator.core.transcription;

import io.callemu.emulator.core.outcome.ResultCatalogue;
import io.callemu.emulator.core.outcome.ResultRow;
import io.vertx.core.json.JsonObject;
import java.util.Optional;

/**
 * How transcription uses the §8.3 rows of the {@link ResultCatalogue}: whether callemu answers a
 * row synchronously (HTTP error on the request) or as an event, and the
 * {@code transcriptionUpdate.transcriptionStatusDetails} it sends with it.
 *
 * <p>Rule for the choice: what can be decided from the request and the call's setup alone, before
 * anything starts, is refused synchronously with the row's code as HTTP status and its subCode as
 * {@code error.code} (the synchronous-error table, reference section 8.5, lists 405/8522, 400/8523,
 * 400/8501 and 400/8528); everything found while setting up or running the stream comes as
 * TranscriptionFailed.
 */
public enum TranscriptionResult {
  STARTED(ResultCatalogue.TRANSCRIPTION_STARTED, Delivery.EVENT, "subscriptionStarted"),
  STOPPED(ResultCatalogue.TRANSCRIPTION_STOPPED, Delivery.EVENT, "subscriptionStopped"),
  UPDATED(ResultCatalogue.TRANSCRIPTION_UPDATED, Delivery.EVENT, "transcriptionLocaleUpdated"),
  INVALID_STREAM_URL(ResultCatalogue.TRANSCRIPTION_INVALID_STREAM_URL, Delivery.EVENT, "streamUrlMissing"),
  COGNITIVE_BAD_REQUEST(ResultCatalogue.TRANSCRIPTION_AI_BAD_REQUEST, Delivery.EVENT, "badRequest"),
  COGNITIVE_TIMEOUT(ResultCatalogue.TRANSCRIPTION_AI_TIMEOUT, Delivery.EVENT, "serviceTimeout"),
  CUSTOM_MODEL_NOT_SUPPORTED(ResultCatalogue.TRANSCRIPTION_CUSTOM_MODEL, Delivery.EVENT, "badRequest"),
  LOCALE_MISSING(ResultCatalogue.TRANSCRIPTION_LOCALE_MISSING, Delivery.SYNC, "badRequest"),
  LOCALE_WITHOUT_REGION(ResultCatalogue.TRANSCRIPTION_LOCALE_WITHOUT_REGION, Delivery.SYNC, "badRequest"),
  NOT_SUPPORTED(ResultCatalogue.TRANSCRIPTION_NOT_SUPPORTED, Delivery.EVENT, "unspecifiedError"),
  UPDATE_NOT_SUPPORTED_FOR_CONNECT(ResultCatalogue.TRANSCRIPTION_UPDATE_NOT_SUPPORTED_FOR_CONNECT, Delivery.EVENT,
      "unspecifiedError"),
  UPDATE_NOT_SUPPORTED(ResultCatalogue.TRANSCRIPTION_UPDATE_NOT_SUPPORTED, Delivery.EVENT, "unspecifiedError"),
  CALL_TERMINATED(ResultCatalogue.TRANSCRIPTION_CALL_TERMINATED, Delivery.SYNC, "unspecifiedError"),
  TRANSPORT_URL_NOT_SET(ResultCatalogue.TRANSCRIPTION_URL_NOT_SET, Delivery.SYNC, "streamUrlMissing"),
  COGNITIVE_NOT_CONFIGURED(ResultCatalogue.TRANSCRIPTION_COGNITIVE_NOT_SET, Delivery.SYNC,
      "speechServicesConnectionError"),
  CALL_NOT_ESTABLISHED(ResultCatalogue.TRANSCRIPTION_NOT_ESTABLISHED, Delivery.SYNC, "unspecifiedError"),
  COGNITIVE_AUTHENTICATION(ResultCatalogue.TRANSCRIPTION_AI_AUTH, Delivery.EVENT, "authenticationFailure"),
  COGNITIVE_FORBIDDEN(ResultCatalogue.TRANSCRIPTION_AI_FORBIDDEN, Delivery.EVENT, "forbidden"),
  COGNITIVE_TOO_MANY_REQUESTS(ResultCatalogue.TRANSCRIPTION_AI_TOO_MANY, Delivery.EVENT, "tooManyRequests"),
  WEBSOCKET_FAILED(ResultCatalogue.TRANSCRIPTION_WEBSOCKET_FAILED, Delivery.EVENT, "streamConnectionUnsuccessful"),
  SERVICE_SHUTDOWN(ResultCatalogue.TRANSCRIPTION_SHUTDOWN, Delivery.EVENT, "serviceShutdown"),
  CANCELED(ResultCatalogue.TRANSCRIPTION_CANCELED, Delivery.EVENT, "unspecifiedError"),
  UNKNOWN(ResultCatalogue.TRANSCRIPTION_UNKNOWN, Delivery.EVENT, "unspecifiedError");

  /** How callemu reports a row when its real behaviour reaches it (faults always use the event). */
  public enum Delivery {
    /** The request is refused: HTTP {@code code}, {@code {"error":{"code":"<subCode>","message"}}}. */
    SYNC,
    /** The request is accepted (202) and the event follows. */
    EVENT
  }

  private final ResultRow row;
  private final Delivery delivery;
  private final String statusDetails;

  TranscriptionResult(ResultRow row, Delivery delivery, String statusDetails) {
    this.row = row;
    this.delivery = delivery;
    this.statusDetails = statusDetails;
  }

  public ResultRow row() { return row; }
  /** The event name without the {@code Microsoft.Communication.} prefix. */
  public String event() { return row.event(); }
  public int code() { return row.code(); }
  public int subCode() { return row.subCode(); }
  public String message() { return row.message(); }
  public Delivery delivery() { return delivery; }
  /** {@code transcriptionUpdate.transcriptionStatusDetails} sent with this row. */
  public String statusDetails() { return statusDetails; }

  public JsonObject toJson() {
    return row.toJson();
  }

  /** The mapping of a catalogue row (e.g. the one a fault named), if it is a transcription row. */
  public static Optional<TranscriptionResult> of(ResultRow row) {
    for (TranscriptionResult r : values()) {
      if (r.row.equals(row)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  /** The first TranscriptionFailed row with this code pair, if any. */
  public static Optional<TranscriptionResult> find(int code, int subCode) {
    return ResultCatalogue.find("transcription", "TranscriptionFailed", code, subCode)
        .flatMap(TranscriptionResult::of);
  }

  /**
   * The TranscriptionFailed row of a result: the one with its exact message where code pairs are
   * shared (400/8565, 405/8520), else the first with its code pair.
   */
  public static Optional<TranscriptionResult> match(JsonObject resultInformation) {
    int code = resultInformation.getInteger("code");
    int subCode = resultInformation.getInteger("subCode");
    String message = resultInformation.getString("message");
    for (TranscriptionResult r : values()) {
      if (r.code() == code && r.subCode() == subCode && r.message().equals(message)
          && r.event().equals("TranscriptionFailed")) {
        return Optional.of(r);
      }
    }
    return find(code, subCode);
  }
}
