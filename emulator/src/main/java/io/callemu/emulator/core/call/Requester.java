package io.callemu.emulator.core.call;

/**
 * Who asked for an operation: the context its events echo, where they go, and where the app reached
 * callemu.
 *
 * @param context the request's context string (ACS {@code operationContext}, Graph {@code
 *     clientContext}), or null
 * @param callbackUri where the operation's events go, or null for the call's callback
 * @param origin the base URL the request came in on ({@code https://localhost:9443}), for links its
 *     events carry (a recording's location), or null when its events carry none
 */
public record Requester(String context, String callbackUri, String origin) {

  /** No context, the call's callback. */
  public static final Requester NONE = new Requester(null, null, null);

  /** A requester whose events carry no links. */
  public Requester(String context, String callbackUri) {
    this(context, callbackUri, null);
  }
}
