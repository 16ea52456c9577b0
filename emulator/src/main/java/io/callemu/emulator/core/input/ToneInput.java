package io.callemu.emulator.core.input;

import io.callemu.dtmf.DtmfTone;

/**
 * One key the remote party pressed.
 *
 * @param participantRawId raw id of the participant who pressed it
 * @param tone the key ({@link DtmfTone#acsName()} gives the wire name, e.g. {@code "pound"})
 * @param atMillis emulated epoch milliseconds at which the press was recognised
 */
public record ToneInput(String participantRawId, DtmfTone tone, long atMillis) {
}
