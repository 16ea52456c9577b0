/**
 * The request pipeline every emulated surface shares, on Vert.x Web: journal, body limit, the
 * surface's stages (auth, api-version, repeatability), named handlers and one failure handler that
 * renders the surface's envelope; the path-aware JSON reader; the repeatability cache.
 */
package io.callemu.emulator.platform.http;
