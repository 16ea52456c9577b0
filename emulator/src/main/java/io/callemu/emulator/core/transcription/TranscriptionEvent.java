package io.callemu.emulator.core.transcription;

import io.callemu.emulator.core.call.Call;
import io.callemu.emulator.core.call.Requester;
import io.callemu.emulator.core.event.DomainEvent;
import io.callemu.emulator.core.outcome.Forced;
import io.callemu.emulator.core.outcome.Outcome;

/**
 * A call's transcription changed state: started, resumed after a lost stream, updated, stopped or
 * failed.
 *
 * @param forced the values an armed fault put in place of the outcome's own, or null
 */
public record TranscriptionEvent(Call call, Requester requester, Outcome outcome, Forced forced,
    TranscriptionStatus status, StatusDetails details) implements DomainEvent {
}
