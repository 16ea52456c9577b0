package io.callemu.emulator.surface.graph;

import io.callemu.emulator.core.outcome.GraphColumn;
import io.callemu.emulator.core.outcome.InvalidRequest;
import io.callemu.emulator.core.outcome.Refusal;
import io.callemu.emulator.platform.http.HttpReply;
import io.callemu.emulator.platform.http.SurfaceErrors;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Set;

/**
 * The one place that decides status, {@code error.code} and message of every Graph error (Azurite
 * style): the core's refusals from the outcome catalogue's Graph column, invalid requests as 400
 * {@code BadRequest} naming the field, and the errors only this surface knows. Codes and messages
 * follow reference graph-and-speech.md A12 where the real service's are known (quoted there from
 * real responses); elsewhere the text is ours and says what was wrong. Rendered answers carry
 * {@code {"error":{"code","message"}}}; {@link GraphReplies} adds {@code innerError}.
 */
public final class GraphErrors implements SurfaceErrors {

  /** Path segments of the calls API after the version (ids aside). */
  private static final Set<String> KNOWN_SEGMENTS = Set.of("communications", "app", "calls", "operations");
  /** Relationships of a Graph call that callemu does not emulate (501 rather than "not found"). */
  private static final Set<String> NOT_EMULATED_SEGMENTS = Set.of("participants", "contentSharingSessions",
      "audioRoutingGroups", "callRecords", "onlineMeetings", "presences");

  /** Graph's own application id: the {@code client_id} its 401 challenge names. */
  static final String GRAPH_APP_ID = "00000003-0000-0000-c000-000000000000";
  private static final Map<String, String> CHALLENGE =
      Map.of("WWW-Authenticate", "Bearer realm=\"\", client_id=\"" + GRAPH_APP_ID + "\"");

  @Override
  public HttpReply render(Throwable failure) {
    GraphError e;
    if (failure instanceof GraphError graph) {
      e = graph;
    } else if (failure instanceof Refusal r) {
      e = refusal(r);
    } else if (failure instanceof InvalidRequest i) {
      e = badRequest(i.getMessage());
    } else {
      e = unknownError(String.valueOf(failure));
    }
    HttpReply reply = HttpReply.json(e.status(), new JsonObject().put("error", new JsonObject()
        .put("code", e.code()).put("message", e.getMessage())));
    for (Map.Entry<String, String> h : e.headers().entrySet()) {
      reply = reply.with(h.getKey(), h.getValue());
    }
    return reply;
  }

  @Override
  public HttpReply bodyTooLarge(long limit) {
    return render(new GraphError(413, "RequestEntityTooLarge", "The request body exceeds " + limit + " bytes.",
        Map.of()));
  }

  /**
   * A path the Graph surface does not serve: 501 for a part of Graph callemu does not emulate (a
   * call's participants), the real service's 400 naming the first segment the calls API does not
   * have, else (a known path, another method) 405.
   */
  @Override
  public HttpReply notFound(String method, String path) {
    String[] segments = path.split("/");
    // segments: "", version, then the calls API
    for (int i = 2; i < segments.length; i++) {
      String s = segments[i];
      boolean idPosition = i > 2 && (segments[i - 1].equals("calls") || segments[i - 1].equals("operations"));
      if (!s.isEmpty() && !idPosition && NOT_EMULATED_SEGMENTS.contains(s)) {
        return render(notImplemented("the Graph resource " + s));
      }
      if (!s.isEmpty() && !idPosition && !KNOWN_SEGMENTS.contains(s)) {
        return render(resourceNotFound(s));
      }
    }
    return render(new GraphError(405, "MethodNotAllowed", method + " is not supported for " + path + ".", Map.of()));
  }

  /** A core refusal as its catalogue row's Graph column. */
  static GraphError refusal(Refusal r) {
    GraphColumn graph = r.outcome().graph();
    if (graph == null || graph.shape() != GraphColumn.Shape.REFUSAL) {
      return unknownError("the refusal " + r.outcome().id() + " has no Graph answer");
    }
    return new GraphError(graph.code(), graph.errorCode(), graph.message(r.detail()), Map.of());
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

  /** 400 {@code BadRequest}: something in the request is wrong. */
  public static GraphError badRequest(String message) {
    return new GraphError(400, "BadRequest", message, Map.of());
  }

  /** 400 {@code BadRequest} for a path Graph does not have (the real service's wording). */
  public static GraphError resourceNotFound(String segment) {
    return badRequest("Resource not found for the segment '" + segment + "'.");
  }

  /** 501 {@code NotImplemented}: a calls API feature Graph has and this callemu does not emulate. */
  public static GraphError notImplemented(String what) {
    return new GraphError(501, "NotImplemented", "callemu does not emulate " + what + ".", Map.of());
  }

  /** 404 for an operation the call does not hold (unknown, or already finished). */
  public static GraphError operationNotFound(String operationId) {
    return new GraphError(404, "itemNotFound", "Operation not found: " + operationId
        + " (callemu lists the running and queued operations of a call; finished ones are reported by notification).",
        Map.of());
  }

  /** 401 for a recording download without the recording's access token. */
  public static GraphError recordingTokenInvalid() {
    return new GraphError(401, "InvalidAuthenticationToken",
        "The recording needs Authorization: Bearer <recordingAccessToken> of its recordOperation.",
        Map.of("WWW-Authenticate", "Bearer"));
  }

  /** 404 for a recording that does not exist (never did, or was deleted after its retention). */
  public static GraphError recordingNotFound(String id) {
    return new GraphError(404, "itemNotFound", "Recording " + id + " not found (recordings are deleted "
        + "graph.recordingRetentionMs after their call ended).", Map.of());
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
