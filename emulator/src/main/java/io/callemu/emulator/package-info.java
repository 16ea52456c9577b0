/**
 * The callemu server: {@link io.callemu.emulator.Callemu} starts it in-process,
 * {@link io.callemu.emulator.Main} from the command line, both from a
 * {@link io.callemu.emulator.CallemuConfig}.
 */
package io.callemu.emulator;
