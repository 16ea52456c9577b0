/**
 * Calls and their life cycle, independent of any surface: outbound calls ring and connect, inbound
 * calls are offered and answered, either side hangs up. Changes are published as domain events
 * ({@link io.callemu.emulator.core.call.CallConnected}, {@link
 * io.callemu.emulator.core.call.CallEnded}, ...); requests that cannot be carried out are refused
 * with {@link io.callemu.emulator.core.outcome.Refusal}s.
 */
package io.callemu.emulator.core.call;
