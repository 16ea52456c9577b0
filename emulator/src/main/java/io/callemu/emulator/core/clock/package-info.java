/** The one source of emulated time: wall (optionally scaled) and virtual. */
package io.callemu.emulator.core.clock;
