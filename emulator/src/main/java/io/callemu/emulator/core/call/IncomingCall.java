package io.callemu.emulator.core.call;

import io.callemu.emulator.core.party.Party;

/**
 * An inbound call offered to the app, waiting to be answered, redirected or rejected by its
 * {@code incomingCallContext}.
 */
public record IncomingCall(String incomingCallContext, Party from, Party to, String callerDisplayName,
    String serverCallId, String correlationId, long offeredAt, long expiresAt) {
}
