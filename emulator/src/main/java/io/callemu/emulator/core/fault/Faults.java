package io.callemu.emulator.core.fault;

import io.callemu.emulator.core.outcome.ActionKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The armed faults; used on the emulator's context only. */
public final class Faults {

  /** Cap on armed faults, so the control API cannot grow memory without bound. */
  public static final int MAX_FAULTS = 1000;
  /** Most firings one fault may have. */
  public static final int MAX_TIMES = 1_000_000;

  private final List<Fault> faults = new ArrayList<>();

  /**
   * Arms a fault.
   *
   * @param callId the call it applies to, or null for every call
   * @param result what it ends the action with; null only for callback and websocket faults
   * @throws IllegalArgumentException when too many faults are armed (nothing is armed then)
   */
  public Fault add(ActionKind action, String callId, FaultResult result, int times) {
    if (times < 1 || times > MAX_TIMES) {
      throw new IllegalArgumentException("times must be a whole number from 1 to " + MAX_TIMES);
    }
    if (faults.size() >= MAX_FAULTS) {
      faults.removeIf(f -> f.remaining() <= 0);
      if (faults.size() >= MAX_FAULTS) {
        throw new IllegalArgumentException("too many armed faults (" + MAX_FAULTS + "); DELETE /_emulator/faults first");
      }
    }
    Fault fault = new Fault(UUID.randomUUID().toString(), action, callId, result, times);
    faults.add(fault);
    return fault;
  }

  /** Uses up one firing of the oldest fault matching the action and call, if any. */
  public Optional<Fault> take(ActionKind action, String callId) {
    for (Fault f : faults) {
      if (f.matches(action, callId)) {
        f.consume();
        if (f.remaining() <= 0) {
          faults.remove(f);
        }
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  public void clear() {
    faults.clear();
  }

  /** The armed faults, oldest first. */
  public List<Fault> all() {
    return List.copyOf(faults);
  }
}
