/**
 * Recognising one audio stream for the Speech surface, without I/O: a WAV stream decoded as it
 * arrives, voice activity and timing from asr-sim (reached only through {@code AsrSimRecognizer}), words
 * from the registered transcripts, results with their wire bodies.
 */
package io.callemu.emulator.surface.speech.recognition;
