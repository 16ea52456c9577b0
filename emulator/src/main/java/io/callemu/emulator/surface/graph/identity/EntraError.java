package io.callemu.emulator.surface.graph.identity;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A refused identity request in Entra ID's OAuth error shape (RFC 6749 section 5.2 plus Entra's
 * fields, https://learn.microsoft.com/entra/identity-platform/reference-error-codes):
 * {@code {"error","error_description":"AADSTS<code>: …","error_codes":[code],"timestamp","trace_id",
 * "correlation_id","error_uri"}}. Made only by {@link EntraErrors}.
 */
public final class EntraError extends RuntimeException {

  private static final long serialVersionUID = 1L;
  /** {@code 2016-01-09 02:02:12Z}, Entra's timestamp format. */
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  private final int status;
  private final String error;
  private final Integer code;

  /** @param code the AADSTS number, or null for callemu's own refusals that Entra ID has no code for */
  EntraError(int status, String error, Integer code, String description) {
    super(description, null, false, false);
    this.status = status;
    this.error = error;
    this.code = code;
  }

  public int status() {
    return status;
  }

  /** The OAuth {@code error} value, such as {@code invalid_client}. */
  public String error() {
    return error;
  }

  /** The AADSTS number, or null. */
  public Integer code() {
    return code;
  }

  /** The response body; {@code correlationId} is the client's {@code client-request-id} when it sent one. */
  public JsonObject body(String traceId, String correlationId, Instant now) {
    String timestamp = TIMESTAMP.format(now);
    String description = (code == null ? "" : "AADSTS" + code + ": ") + getMessage()
        + "\r\nTrace ID: " + traceId + "\r\nCorrelation ID: " + correlationId + "\r\nTimestamp: " + timestamp;
    JsonObject body = new JsonObject().put("error", error).put("error_description", description);
    if (code != null) {
      body.put("error_codes", new JsonArray().add(code));
    }
    body.put("timestamp", timestamp).put("trace_id", traceId).put("correlation_id", correlationId);
    if (code != null) {
      body.put("error_uri", "https://login.microsoftonline.com/error?code=" + code);
    }
    return body;
  }
}
