package io.callemu.emulator.core.recording;

import io.callemu.dtmf.DtmfTone;

/**
 * One key press as it sounds: the tone from {@code startsAt} to {@code endsAt} on the emulated clock.
 */
public record TonePress(DtmfTone tone, long startsAt, long endsAt) {
}
