/**
 * A Java client of callemu's control API ({@code /_emulator}, CONTRACT §3), for tests and tools
 * that drive the emulator: the JUnit extension hands one to every test.
 */
package io.callemu.emulator.client;
