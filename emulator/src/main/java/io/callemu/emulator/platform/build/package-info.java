/** What the build put in the jar: the version the health endpoint and {@code --version} report. */
package io.callemu.emulator.platform.build;
