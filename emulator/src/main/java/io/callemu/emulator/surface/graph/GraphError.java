package io.callemu.emulator.surface.graph;

import java.util.Map;

/**
 * A refused Graph request: HTTP status, the envelope's {@code error.code} and message, and any
 * response headers the refusal carries ({@code WWW-Authenticate}). Thrown or passed to
 * {@code RoutingContext.fail} before any state changes; made only by {@link GraphErrors}, rendered
 * by {@link GraphReplies}.
 */
public final class GraphError extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;
  private final transient Map<String, String> headers;

  GraphError(int status, String code, String message, Map<String, String> headers) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.headers = Map.copyOf(headers);
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public Map<String, String> headers() {
    return headers;
  }
}
