package io.callemu.emulator.platform.server;

/** The ports actually bound (after {@code 0} was resolved); {@code https} is -1 when off. */
public record ListeningPorts(int http, int https) {
}
