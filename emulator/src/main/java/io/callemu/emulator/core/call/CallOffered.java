package io.callemu.emulator.core.call;

import io.callemu.emulator.core.event.DomainEvent;

/** An inbound call rings at the app as a call of its own, waiting to be answered ({@link CallState#OFFERED}). */
public record CallOffered(Call call) implements DomainEvent {
}
