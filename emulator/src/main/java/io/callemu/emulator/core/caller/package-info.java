/**
 * What the caller does, as one API used by the control API and by scenarios alike: press keys,
 * say words, play audio, hang up; with one set of defaults and one way to name a participant.
 */
package io.callemu.emulator.core.caller;
