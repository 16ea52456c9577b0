/**
 * The simulated speech recognizer. {@link io.callemu.asr.StreamingRecognizer} turns scripted
 * utterances or audio into the events and results a speech service would produce, on the stream
 * clock only; {@link io.callemu.asr.ChoiceMatcher} and {@link io.callemu.asr.Locales} serve the ACS
 * Recognize action, and {@code io.callemu.asr.wire} writes the results for the wire.
 */
package io.callemu.asr;
