/**
 * The Speech SDKs' WebSocket protocol without I/O: message framing, {@code speech.context} settings,
 * and the per-connection state machine of turns ({@code SpeechSession}) that turns client messages into
 * service messages by the rules the official SDKs need (reference official-clients.md section 6).
 */
package io.callemu.emulator.surface.speech.usp;
