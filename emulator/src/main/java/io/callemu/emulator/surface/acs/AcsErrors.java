package io.callemu.emulator.surface.acs;

/**
 * The one place that decides status, code and message of every synchronous ACS error (Azurite
 * style). Subcodes follow reference section 8.5/8.6; where the real message is unknown the text is
 * ours and says what was wrong.
 */
public final class AcsErrors {

  private AcsErrors() {
  }

  /** 404/8522 with the message recorded from the real service for GET on an ended call. */
  public static AcsError callNotFound() {
    return new AcsError(404, "8522", "Call not found.");
  }

  public static AcsError participantNotFound(String rawId) {
    return new AcsError(404, "8522", "Participant not found: " + rawId);
  }

  /** 400/8523 "Invalid Argument": something in the request body is wrong. */
  public static AcsError invalidArgument(String what) {
    return new AcsError(400, "8523", "Invalid request: " + what);
  }

  public static AcsError malformedJson(String detail) {
    return new AcsError(400, "8523", "Invalid request: the body is not valid JSON (" + detail + ")");
  }

  public static AcsError missingField(String field) {
    return invalidArgument(field + " is required");
  }

  public static AcsError wrongType(String field, String expected) {
    return invalidArgument(field + " must be " + expected);
  }

  public static AcsError bodyTooLarge(long limit) {
    return new AcsError(413, "8523", "Invalid request: the body exceeds " + limit + " bytes");
  }

  /** Authentication failures carry the authenticator's code (reference 2.2: 401 body UNVERIFIED). */
  public static AcsError unauthorized(String code, String message) {
    return new AcsError(401, code, message);
  }

  public static AcsError missingApiVersion() {
    return new AcsError(400, "MissingApiVersionParameter",
        "The api-version query parameter (?api-version=) is required for all requests.");
  }

  public static AcsError unsupportedApiVersion(String version, Iterable<String> supported) {
    return new AcsError(400, "UnsupportedApiVersionValue", "Unsupported api-version '" + version
        + "'. The supported versions are: " + String.join(", ", supported)
        + " (start callemu with --loose to accept any).");
  }

  /** An operation the emulated service has but this callemu does not implement yet. */
  public static AcsError notImplemented(String operation) {
    return new AcsError(405, "8520", "Functionality not supported: " + operation
        + " is not implemented by this callemu version.");
  }

  public static AcsError unknownOperation(String method, String path) {
    return new AcsError(404, "8522", "No such operation: " + method + " " + path);
  }

  /** 400/8501: the call has not been established yet. */
  public static AcsError callNotEstablished() {
    return new AcsError(400, "8501", "Action is invalid when call is not in Established state.");
  }

  /** 429/8530 "Call Throttled Active Calls Limit Reached": callemu's bound on live calls. */
  public static AcsError tooManyCalls(int limit) {
    return new AcsError(429, "8530", "Too many active calls: this callemu keeps at most " + limit
        + " calls; end some or POST /_emulator/reset.");
  }

  /**
   * A documented result row (status = its {@code code}, {@code error.code} = its subCode) that is
   * answered synchronously, e.g. transcription's 405/8522 (reference section 8.3).
   */
  public static AcsError resultRow(int status, int subCode, String message) {
    return new AcsError(status, Integer.toString(subCode), message);
  }

  /** 400/8500: the call already has as many media operations waiting as callemu keeps. */
  public static AcsError mediaQueueFull(int limit) {
    return new AcsError(400, "8500", "Invalid media mode: " + limit
        + " media operations are already queued on this call; cancel them first.");
  }

  /** 405/8522: speech input without the call's Cognitive Services (reference 8.3, 8.5). */
  public static AcsError cognitiveServicesNotConfigured() {
    return new AcsError(405, "8522",
        "Request not allowed when Cognitive Service Configuration not set during call setup.");
  }

  public static AcsError incomingCallNotFound() {
    return new AcsError(404, "8522", "Incoming call not found or already handled.");
  }
}
