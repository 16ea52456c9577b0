/**
 * The Microsoft Graph calls surface (CONTRACT section 6): request authentication against the
 * tokens of the identity stand-in ({@link io.callemu.emulator.surface.graph.GraphAuth}), the Graph
 * error envelope owned by {@link io.callemu.emulator.surface.graph.GraphErrors}, the calls API under
 * {@code /v1.0} and {@code /beta} over the shared call and media core, the signed notifications
 * rendered from the core's events ({@link io.callemu.emulator.surface.graph.GraphEvents}), and the
 * recording downloads. {@link io.callemu.emulator.surface.graph.GraphSurface} wires it.
 */
package io.callemu.emulator.surface.graph;
