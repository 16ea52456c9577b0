/**
 * The outcome catalogue: every way an operation, a call or a request ends, one {@link
 * io.callemu.emulator.core.outcome.Outcome} row each, with a column per surface. The core names
 * outcomes and throws {@link io.callemu.emulator.core.outcome.Refusal}s; surfaces render them.
 * Codes and messages are written nowhere else.
 */
package io.callemu.emulator.core.outcome;
