package io.callemu.emulator.surface.acs;

import io.callemu.emulator.core.outcome.AcsColumn;
import io.callemu.emulator.core.outcome.InvalidRequest;
import io.callemu.emulator.core.outcome.Refusal;
import io.callemu.emulator.platform.http.HttpReply;
import io.callemu.emulator.platform.http.SurfaceErrors;
import io.vertx.core.json.JsonObject;

/**
 * The one place that decides status, code and message of every synchronous ACS error (Azurite
 * style): the core's refusals from the outcome catalogue's ACS column, invalid requests as 400/8523
 * naming the field, and the errors only this surface knows (authentication, api-version, unknown
 * or unimplemented operations). Where the real message is unknown the text is ours and says what
 * was wrong.
 */
public final class AcsErrors implements SurfaceErrors {

  static final String INVALID_ARGUMENT = "8523";

  @Override
  public HttpReply render(Throwable failure) {
    AcsError e;
    if (failure instanceof AcsError acs) {
      e = acs;
    } else if (failure instanceof Refusal r) {
      e = refusal(r);
    } else if (failure instanceof InvalidRequest i) {
      e = invalidArgument(i.getMessage());
    } else {
      e = new AcsError(500, "9999", "Unknown internal server error: " + failure);
    }
    return HttpReply.json(e.status(), e.body());
  }

  @Override
  public HttpReply bodyTooLarge(long limit) {
    return render(new AcsError(413, INVALID_ARGUMENT, "Invalid request: the body exceeds " + limit + " bytes"));
  }

  @Override
  public HttpReply notFound(String method, String path) {
    return render(unknownOperation(method, path));
  }

  /** A core refusal as its catalogue row: HTTP status = the row's code, {@code error.code} = its subcode. */
  static AcsError refusal(Refusal r) {
    AcsColumn acs = r.outcome().acs();
    return new AcsError(acs.code(), Integer.toString(acs.subCode()), acs.message(r.detail()));
  }

  /** 400/8523 "Invalid Argument": something in the request is wrong. */
  static AcsError invalidArgument(String what) {
    return new AcsError(400, INVALID_ARGUMENT, "Invalid request: " + what);
  }

  /** Authentication failures carry the authenticator's code (the 401 body is UNVERIFIED). */
  static AcsError unauthorized(String code, String message) {
    return new AcsError(401, code, message);
  }

  static AcsError missingApiVersion() {
    return new AcsError(400, "MissingApiVersionParameter",
        "The api-version query parameter (?api-version=) is required for all requests.");
  }

  static AcsError unsupportedApiVersion(String version, Iterable<String> supported) {
    return new AcsError(400, "UnsupportedApiVersionValue", "Unsupported api-version '" + version
        + "'. The supported versions are: " + String.join(", ", supported)
        + " (start callemu with --loose to accept any).");
  }

  /** An operation the emulated service has but this callemu does not implement yet. */
  static AcsError notImplemented(String operation) {
    return new AcsError(405, "8520", "Functionality not supported: " + operation
        + " is not implemented by this callemu version.");
  }

  static AcsError unknownOperation(String method, String path) {
    return new AcsError(404, "8522", "No such operation: " + method + " " + path);
  }

  /** The envelope {@code {"error":{"code","message"}}}. */
  static JsonObject envelope(String code, String message) {
    return new JsonObject().put("error", new JsonObject().put("code", code).put("message", message));
  }
}
