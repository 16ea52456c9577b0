/** callemu's own control API under /_emulator (CONTRACT section 3). */
package io.callemu.emulator.surface.control;
