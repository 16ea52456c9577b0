/**
 * The journal: typed entries of everything callemu received and sent (requests, callbacks with
 * their attempts, WebSocket activity, notes, Event Grid posts), bounded in memory and optionally
 * appended to a file; read by the control API's events routes.
 */
package io.callemu.emulator.platform.journal;
