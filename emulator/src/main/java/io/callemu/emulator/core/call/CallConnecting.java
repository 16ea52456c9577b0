package io.callemu.emulator.core.call;

import io.callemu.emulator.core.event.DomainEvent;

/** The call is being set up: an outbound call was placed, or an offered call answered; it connects next. */
public record CallConnecting(Call call) implements DomainEvent {
}
