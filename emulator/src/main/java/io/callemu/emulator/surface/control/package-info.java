/**
 * callemu's own control API under {@code /_emulator} (CONTRACT section 3): a route table
 * ({@link io.callemu.emulator.surface.control.ControlRoutes}) over one small handler class per
 * resource, and the scenario document parser.
 */
package io.callemu.emulator.surface.control;
