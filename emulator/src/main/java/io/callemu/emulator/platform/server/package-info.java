/** The verticle that wires every surface onto one event-loop context and listens on HTTP and HTTPS. */
package io.callemu.emulator.platform.server;
