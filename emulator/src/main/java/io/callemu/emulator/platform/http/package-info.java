/** The request pipeline shared by the emulated surfaces (Vert.x core HTTP types, no Vert.x Web). */
package io.callemu.emulator.platform.http;
