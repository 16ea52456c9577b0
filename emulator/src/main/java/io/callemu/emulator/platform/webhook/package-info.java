/** Delivery of Call Automation callbacks: CloudEvents envelopes, per-call ordered queues, retries through the clock. */
package io.callemu.emulator.platform.webhook;
