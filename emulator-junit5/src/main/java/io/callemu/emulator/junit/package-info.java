/**
 * JUnit 5 support: one embedded emulator per test class, reset before every test, with its
 * {@link io.callemu.emulator.Callemu} and {@link io.callemu.emulator.client.ControlClient} injected
 * as parameters.
 */
package io.callemu.emulator.junit;
