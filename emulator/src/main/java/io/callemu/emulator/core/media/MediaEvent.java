package io.callemu.emulator.core.media;

import io.callemu.emulator.core.call.Call;
import io.callemu.emulator.core.event.DomainEvent;
import io.callemu.emulator.core.outcome.Forced;
import io.callemu.emulator.core.outcome.Outcome;

/**
 * A media operation of a call reported an outcome: it started, ended (completed, failed,
 * cancelled), its prompt started or stopped, a continuous-DTMF tone arrived.
 *
 * @param forced the values an armed fault put in place of the outcome's own, or null
 * @param result what the operation produced (tones, speech, a failing source), never null
 */
public record MediaEvent(Call call, OperationRef operation, Outcome outcome, Forced forced, MediaResult result)
    implements DomainEvent {
}
