package io.callemu.emulator.core.media;

import io.callemu.emulator.core.call.Requester;
import io.callemu.emulator.core.outcome.ActionKind;

/**
 * The operation an event is about.
 *
 * @param id unique in the emulator (a GUID)
 * @param kind the action (play, recognize, playPrompt, recordResponse, continuous DTMF, send DTMF)
 * @param requester the context its events echo and where they go
 * @param recognize the recognize request, or null for other kinds
 */
public record OperationRef(String id, ActionKind kind, Requester requester, RecognizeSpec recognize) {
}
