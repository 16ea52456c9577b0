package io.callemu.emulator.core.call;

import io.callemu.emulator.core.event.DomainEvent;
import io.callemu.emulator.core.outcome.Outcome;

/** A connected (or connecting) call ended; {@code outcome} is its catalogue row. */
public record CallEnded(Call call, EndCause cause, Outcome outcome) implements DomainEvent {
}
