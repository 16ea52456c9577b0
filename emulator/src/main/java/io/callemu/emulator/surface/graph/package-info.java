/**
 * The Microsoft Graph calls surface (CONTRACT section 6): request authentication against the
 * tokens of the identity stand-in ({@link io.callemu.emulator.surface.graph.GraphAuth}), the Graph
 * error envelope owned by {@link io.callemu.emulator.surface.graph.GraphErrors}, the signed
 * notifications to bots, and the routes under {@code /v1.0} and {@code /beta}.
 */
package io.callemu.emulator.surface.graph;
