package io.callemu.emulator.core.transcription;

import io.callemu.emulator.core.outcome.Outcome;
import java.util.Map;

/** Why a transcription event happened (ACS {@code transcriptionStatusDetails}). */
public enum StatusDetails {
  SUBSCRIPTION_STARTED,
  SUBSCRIPTION_STOPPED,
  TRANSCRIPTION_LOCALE_UPDATED,
  STREAM_CONNECTION_INTERRUPTED,
  STREAM_CONNECTION_REESTABLISHED,
  STREAM_CONNECTION_UNSUCCESSFUL,
  STREAM_URL_MISSING,
  BAD_REQUEST,
  SERVICE_TIMEOUT,
  SPEECH_SERVICES_CONNECTION_ERROR,
  AUTHENTICATION_FAILURE,
  FORBIDDEN,
  TOO_MANY_REQUESTS,
  SERVICE_SHUTDOWN,
  UNSPECIFIED_ERROR;

  private static final Map<Outcome, StatusDetails> FAILURES = Map.ofEntries(
      Map.entry(Outcome.TRANSCRIPTION_INVALID_STREAM_URL, STREAM_URL_MISSING),
      Map.entry(Outcome.TRANSCRIPTION_AI_BAD_REQUEST, BAD_REQUEST),
      Map.entry(Outcome.TRANSCRIPTION_AI_TIMEOUT, SERVICE_TIMEOUT),
      Map.entry(Outcome.TRANSCRIPTION_CUSTOM_MODEL, BAD_REQUEST),
      Map.entry(Outcome.TRANSCRIPTION_LOCALE_MISSING, BAD_REQUEST),
      Map.entry(Outcome.TRANSCRIPTION_LOCALE_WITHOUT_REGION, BAD_REQUEST),
      Map.entry(Outcome.TRANSCRIPTION_URL_NOT_SET, STREAM_URL_MISSING),
      Map.entry(Outcome.TRANSCRIPTION_COGNITIVE_NOT_SET, SPEECH_SERVICES_CONNECTION_ERROR),
      Map.entry(Outcome.TRANSCRIPTION_AI_AUTH, AUTHENTICATION_FAILURE),
      Map.entry(Outcome.TRANSCRIPTION_AI_FORBIDDEN, FORBIDDEN),
      Map.entry(Outcome.TRANSCRIPTION_AI_TOO_MANY, TOO_MANY_REQUESTS),
      Map.entry(Outcome.TRANSCRIPTION_WEBSOCKET_FAILED, STREAM_CONNECTION_UNSUCCESSFUL),
      Map.entry(Outcome.TRANSCRIPTION_SHUTDOWN, SERVICE_SHUTDOWN));

  /** The details a TranscriptionFailed outcome is reported with. */
  public static StatusDetails ofFailure(Outcome outcome) {
    return FAILURES.getOrDefault(outcome, UNSPECIFIED_ERROR);
  }
}
