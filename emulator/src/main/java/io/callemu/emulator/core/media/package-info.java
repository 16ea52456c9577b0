/**
 * Media of every call, independent of any surface: play, recognize, playPrompt and recordResponse
 * queued per call and run as small state machines on the emulated clock, continuous DTMF (Graph's
 * tone subscription too), sent DTMF, the call's RFC 4733 decoder and RTP port, the caller's audio
 * kept while it plays (for recordings), and prompt lengths. Operations report through {@link
 * io.callemu.emulator.core.media.MediaEvent}s that each surface renders.
 */
package io.callemu.emulator.core.media;
