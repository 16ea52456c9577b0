package io.callemu.emulator.core.call;

import io.callemu.emulator.core.event.DomainEvent;
import io.callemu.emulator.core.outcome.Outcome;

/** The call never connected: the callee declined, or an answer came too late or named no call. */
public record CallSetupFailed(Call call, Outcome outcome) implements DomainEvent {
}
