/** HTTP-level building blocks of the emulated REST surfaces that hold no Vert.x types. */
package io.callemu.emulator.platform.http;
