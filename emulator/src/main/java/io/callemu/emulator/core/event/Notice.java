package io.callemu.emulator.core.event;

/**
 * A line worth keeping in the journal about a call (a prompt that failed to load, a fault that
 * fired, a listener that threw); no surface renders it to an app.
 *
 * @param callId the call it is about
 */
public record Notice(String callId, String message) implements DomainEvent {
}
