/**
 * Real-time transcription of a call, independent of any surface: when it runs (start, update,
 * stop, start at connect), what it reports ({@link io.callemu.emulator.core.transcription.TranscriptionEvent}),
 * and the transcript segments of what the caller says. The stream to the app is a port ({@link
 * io.callemu.emulator.core.transcription.TranscriptionTransport}) a surface implements.
 */
package io.callemu.emulator.core.transcription;
