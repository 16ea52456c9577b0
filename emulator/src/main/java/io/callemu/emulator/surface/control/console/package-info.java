/**
 * The web console ({@code GET /_emulator/ui}, CONTRACT section 9): the page and its assets served
 * from the jar, and the live feed it reads ({@code GET /_emulator/feed}, Server-Sent Events) with
 * the view models it carries — call rows, timeline items rendered from the core's domain events,
 * the callers' input and the journal — kept in a bounded history and written to each tab through a
 * bounded buffer.
 */
package io.callemu.emulator.surface.control.console;
