package io.callemu.emulator.client;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The control API answered with a non-2xx status. Carries the status and the parsed body so a
 * test can assert on an expected refusal (e.g. {@code 408} from a wait that timed out) instead of
 * parsing a message.
 */
public final class ControlException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final transient JsonNode body;

  public ControlException(String message, int status, JsonNode body) {
    super(message);
    this.status = status;
    this.body = body;
  }

  /** The HTTP status callemu answered with. */
  public int status() {
    return status;
  }

  /**
   * The answer's body: the JSON document (normally {@code {"error":{"code","message"}}}), a text
   * node when it was not JSON, or a null node when it was empty.
   */
  public JsonNode body() {
    return body;
  }
}
