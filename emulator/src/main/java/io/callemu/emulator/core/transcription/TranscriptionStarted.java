package io.callemu.emulator.core.transcription;

import io.callemu.emulator.core.call.Call;
import io.callemu.emulator.core.event.DomainEvent;

/**
 * A transcription's first stream opened (the scenario trigger {@code transcriptionStarted}).
 *
 * @param context the start request's context, or null
 */
public record TranscriptionStarted(Call call, String context, String locale) implements DomainEvent {
}
