/**
 * Media of every call, independent of any surface: play and recognize queued per call and run as
 * small state machines on the emulated clock, continuous DTMF, sent DTMF, the call's RFC 4733
 * decoder and RTP port, and prompt lengths. Operations report through {@link
 * io.callemu.emulator.core.media.MediaEvent}s that each surface renders.
 */
package io.callemu.emulator.core.media;
