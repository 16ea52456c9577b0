package io.callemu.emulator.core.fault;

import io.callemu.emulator.core.outcome.ActionKind;

/**
 * An armed fault (CONTRACT section 3): the next {@code remaining} matching actions end with
 * {@code result} instead ({@code callback} and {@code websocket} faults have no result). A null
 * {@code callId} matches every call.
 */
public final class Fault {

  private final String id;
  private final ActionKind action;
  private final String callId;
  private final FaultResult result;
  private int remaining;

  Fault(String id, ActionKind action, String callId, FaultResult result, int times) {
    this.id = id;
    this.action = action;
    this.callId = callId;
    this.result = result;
    this.remaining = times;
  }

  public String id() { return id; }
  public ActionKind action() { return action; }
  /** The call it applies to, or null for every call. */
  public String callId() { return callId; }
  /** What it ends the action with; null for callback and websocket faults. */
  public FaultResult result() { return result; }
  public int remaining() { return remaining; }

  boolean matches(ActionKind action, String callId) {
    return remaining > 0 && this.action == action && (this.callId == null || this.callId.equals(callId));
  }

  void consume() {
    remaining--;
  }
}
