/**
 * Webhook delivery shared by every surface: per-call order, retries with backoff on the emulated
 * clock, callback faults and the journal. The body and headers come from the surface.
 */
package io.callemu.emulator.platform.webhook;
