/**
 * Recordings of what a caller sent: the audio a record operation captured (the caller's uploaded
 * audio, key presses, silence), written as a WAV file (PCM 16-bit, 16 kHz, mono) off the event
 * loop into the data dir, kept under a total-size cap and deleted a retention time after the call
 * ended. Knows no surface: the Graph surface hands recordings out by id and access token.
 */
package io.callemu.emulator.core.recording;
