package io.callemu.emulator.core.call;

/**
 * An inbound call offered to the app through Event Grid, waiting to be answered, redirected or
 * rejected by its {@code incomingCallContext}.
 */
public record IncomingCall(String incomingCallContext, Identifier from, Identifier to,
    String callerDisplayName, String serverCallId, String correlationId, long offeredAt,
    long expiresAt) {
}
