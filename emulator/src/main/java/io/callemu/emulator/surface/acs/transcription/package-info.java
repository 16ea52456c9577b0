/**
 * The ACS transcription WebSocket: callemu as the client of the app's {@code transportUrl}, with
 * bounded frame queues, reconnects, faults and the journal; frames rendered by asr-sim's wire
 * writers from the core's transcript segments.
 */
package io.callemu.emulator.surface.acs.transcription;
