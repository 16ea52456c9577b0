/**
 * The HTTPS identity of callemu: a development certificate for {@code localhost} generated once
 * per data dir, in the forms Java and Node apps need to trust it.
 */
package io.callemu.emulator.platform.tls;
