/** Calls and their life cycle, independent of HTTP: outbound and inbound calls, hang-ups, the result catalogue of call events. */
package io.callemu.emulator.core.call;
