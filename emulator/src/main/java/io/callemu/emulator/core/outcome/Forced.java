package io.callemu.emulator.core.outcome;

/**
 * What an armed fault put in place of an outcome's own values: its code pair, and the message and
 * event name when the fault gave them (else the row's are used).
 *
 * @param message the fault's message, or null for the row's
 * @param eventName the event the fault named (needed for a code pair the catalogue lacks), or null
 */
public record Forced(int code, int subCode, String message, String eventName) {
}
