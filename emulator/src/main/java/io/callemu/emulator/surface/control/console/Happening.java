package io.callemu.emulator.surface.control.console;

/**
 * Something the console saw happen, as it shows in a call's timeline: a domain event of the core, a
 * caller's input ({@code ToneInput}, {@code SpeechStart}, {@code SpeechInput}) or a journal entry
 * (which may still change: a callback's next attempt). Rendered when shown, by {@link TimelineItems}.
 *
 * @param seq the console's order of everything it saw, from 1
 * @param callId the call it belongs to, or null
 * @param at emulated epoch ms when it happened
 * @param subject what happened
 */
record Happening(long seq, String callId, long at, Object subject) {
}
