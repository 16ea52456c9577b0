package io.callemu.emulator.input;

/**
 * The remote party began to speak.
 *
 * @param participantRawId raw id of the speaking participant
 * @param atMillis emulated epoch milliseconds at which voice activity began
 */
public record SpeechStart(String participantRawId, long atMillis) {
}
