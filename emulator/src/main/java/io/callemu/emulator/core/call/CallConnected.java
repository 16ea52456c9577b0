package io.callemu.emulator.core.call;

import io.callemu.emulator.core.event.DomainEvent;

/** The call connected: both sides are in it and media may start. */
public record CallConnected(Call call) implements DomainEvent {
}
