package io.callemu.emulator.core.fault;

import io.callemu.emulator.core.outcome.Forced;
import io.callemu.emulator.core.outcome.Outcome;

/**
 * What a fault ends its action with: the catalogue row its code pair names (null when the
 * catalogue has none, then the action's generic failure is used), and its values.
 */
public record FaultResult(Outcome row, Forced forced) {
}
