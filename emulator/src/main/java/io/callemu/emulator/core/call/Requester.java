package io.callemu.emulator.core.call;

/**
 * Who asked for an operation: the context its events echo, and where they go.
 *
 * @param context the request's context string (ACS {@code operationContext}), or null
 * @param callbackUri where the operation's events go, or null for the call's callback
 */
public record Requester(String context, String callbackUri) {

  /** No context, the call's callback. */
  public static final Requester NONE = new Requester(null, null);
}
