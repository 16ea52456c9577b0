/**
 * What the remote party of a call does, as one stream per call: tones it presses and phrases it
 * says. Every source of caller input ends up here — RFC 4733 packets on the call's RTP port, the
 * control API ({@code POST /_emulator/calls/{id}/dtmf}, {@code /speech}, {@code /audio}) and
 * scenario actions — so that media operations (recognize, continuous DTMF) and transcription see
 * the same events in the same order.
 *
 * <p>Subscribe with {@code call.input().subscribe(listener)} (see {@link
 * io.callemu.emulator.core.input.CallerInput}); listeners run on the emulator's event-loop context, in
 * subscription order, and must neither block nor throw.
 */
package io.callemu.emulator.core.input;
