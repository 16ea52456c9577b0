/**
 * What the remote party of a call does, as one stream per call: tones it presses and phrases it
 * says. Every source of caller input ends up here — RFC 4733 packets on the call's RTP port, the
 * control API and scenario steps (both through {@link io.callemu.emulator.core.caller.CallerActions})
 * — so that media operations and transcription see the same events in the same order.
 *
 * <p>Subscribe with {@code call.input().subscribe(listener)}; listeners run on the emulator's
 * event-loop context, in subscription order, and must neither block nor throw.
 */
package io.callemu.emulator.core.input;
