package io.callemu.emulator.core.media;

import io.callemu.dtmf.DtmfTone;
import java.util.List;
import java.util.Map;

/**
 * One media operation as the control API shows it.
 *
 * @param timers its running timers with their emulated due times (epoch ms)
 * @param lockedToTones for a recognize: true once keys, false once speech decided its input; null before
 * @param tones keys a recognize collected so far
 */
public record OperationSnapshot(OperationRef operation, OperationState state, boolean running,
    Map<OperationTimer, Long> timers, Boolean loop, int sources, Boolean lockedToTones, List<DtmfTone> tones) {
}
