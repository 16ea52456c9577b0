/**
 * The simulated speech recognizer, on a stream clock only. A {@link io.callemu.asr.SpeakerStream} is
 * one speaker's input (scripted utterances, audio clips, live PCM or G.711 frames) and the
 * {@link io.callemu.asr.Recognition}s listening to it, each reporting to its
 * {@link io.callemu.asr.RecognitionListener}; {@link io.callemu.asr.StreamingRecognizer} is a stream with a
 * single recognition. {@link io.callemu.asr.ChoiceMatcher} and {@link io.callemu.asr.Locales} serve the
 * ACS Recognize action, and {@code io.callemu.asr.wire} writes the results for the wire.
 */
package io.callemu.asr;
