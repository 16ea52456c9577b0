/** The journal of requests, callbacks and their delivery attempts (ring buffer, optional JSON-lines file). */
package io.callemu.emulator.platform.journal;
