/**
 * The result catalogue: every {@code resultInformation} row callemu can send for media actions
 * (reference sections 8.1, 8.2, 8.4), as data. Outcomes name a {@link
 * io.callemu.emulator.core.outcome.ResultRow}; codes and messages are written nowhere else.
 */
package io.callemu.emulator.core.outcome;
