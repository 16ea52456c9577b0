package io.callemu.emulator.core.event;

/**
 * Something that happened in the core that the outside may need to hear of: a call connected or
 * ended, a media operation reported an outcome, transcription changed state. The core publishes
 * these typed values on {@link DomainEvents}; each surface renders the ones it owns in its own wire
 * format (ACS CloudEvents, Graph notifications) and the scenario runner reacts to them. The event
 * types live with the feature that raises them.
 */
public interface DomainEvent {
}
