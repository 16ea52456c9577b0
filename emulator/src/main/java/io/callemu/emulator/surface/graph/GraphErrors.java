package io.callemu.emulator.surface.graph;

import java.util.Map;

/**
 * The one place that decides status, {@code error.code} and message of every Graph error (Azurite
 * style). Codes and messages follow reference graph-and-speech.md A12 where the real service's are
 * known (quoted there from real responses); elsewhere the text is ours and says what was wrong.
 */
public final class GraphErrors {

  /** Graph's own application id: the {@code client_id} its 401 challenge names. */
  static final String GRAPH_APP_ID = "00000003-0000-0000-c000-000000000000";
  private static final Map<String, String> CHALLENGE =
      Map.of("WWW-Authenticate", "Bearer realm=\"\", client_id=\"" + GRAPH_APP_ID + "\"");

  private GraphErrors() {
  }

  /** 401 {@code InvalidAuthenticationToken}: no bearer token at all (Graph's message). */
  public static GraphError tokenMissing() {
    return unauthenticated("Access token is empty.");
  }

  /** 401 {@code InvalidAuthenticationToken}: the token is missing, malformed, foreign or expired. */
  public static GraphError invalidAuthenticationToken(String message) {
    return unauthenticated(message);
  }

  /** 401 for a token whose lifetime is over (Graph's message, then when it ended). */
  public static GraphError tokenExpired(String detail) {
    return unauthenticated("Lifetime validation failed, the token is expired. " + detail);
  }

  private static GraphError unauthenticated(String message) {
    return new GraphError(401, "InvalidAuthenticationToken", message, CHALLENGE);
  }

  /** 403 {@code Forbidden}: a valid token without any of the application permissions the operation needs. */
  public static GraphError missingRole(String appId, Iterable<String> needed, Iterable<String> held) {
    return new GraphError(403, "Forbidden", "The application " + appId + " lacks the application permission "
        + "this operation needs: one of " + needed + " (the token's roles: " + held + ").", Map.of());
  }

  /** 404 {@code 8522} "Call not found." (reference A12, from real traffic). */
  public static GraphError callNotFound() {
    return new GraphError(404, "8522", "Call not found.", Map.of());
  }

  /** 400 {@code BadRequest}: something in the request is wrong. */
  public static GraphError badRequest(String message) {
    return new GraphError(400, "BadRequest", message, Map.of());
  }

  /** 400 {@code BadRequest} for a path Graph does not have (the real service's wording). */
  public static GraphError resourceNotFound(String segment) {
    return badRequest("Resource not found for the segment '" + segment + "'.");
  }

  /** 501 {@code NotImplemented}: a calls API request this callemu does not serve. */
  public static GraphError notImplemented(String method, String path) {
    return new GraphError(501, "NotImplemented", "callemu does not serve " + method + " " + path
        + " (its Graph surface serves the Entra ID stand-in and GET …/communications/calls/{id}).", Map.of());
  }

  /**
   * {@code BadRequest} with the status the HTTP layer refused the request with (413 for a body over
   * the limit, 400 for one it cannot read).
   */
  public static GraphError refusedByHttp(int status) {
    return new GraphError(status, "BadRequest", status == 413 ? "The request body is too large."
        : "The request is invalid (HTTP " + status + ").", Map.of());
  }

  /** 500 {@code UnknownError}, the real service's code for an unexpected failure (reference A12). */
  public static GraphError unknownError(String detail) {
    return new GraphError(500, "UnknownError", "Unexpected exception returned from the service. " + detail, Map.of());
  }

  /** 503 {@code ServiceUnavailable}: callemu cannot serve the request right now (its signing key did not load). */
  public static GraphError serviceUnavailable(String detail) {
    return new GraphError(503, "ServiceUnavailable", detail, Map.of("Retry-After", "1"));
  }
}
