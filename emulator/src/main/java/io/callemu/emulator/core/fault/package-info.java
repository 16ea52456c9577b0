/**
 * Faults armed through the control API: the next matching action ends with a chosen catalogue
 * outcome (or a callback delivery fails, a WebSocket drops).
 */
package io.callemu.emulator.core.fault;
