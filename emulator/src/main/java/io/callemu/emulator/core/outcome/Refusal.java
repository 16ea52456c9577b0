package io.callemu.emulator.core.outcome;

/**
 * A command the core refuses before anything changes: call not found, not connected, media queue
 * full, ... Names its catalogue row; each surface renders it in its own error envelope.
 */
public final class Refusal extends RuntimeException {

  private final Outcome outcome;
  private final String detail;

  public Refusal(Outcome outcome) {
    this(outcome, null);
  }

  /** @param detail what the row's message leaves open (a limit, an id), or null */
  public Refusal(Outcome outcome, String detail) {
    super(outcome.id() + (detail == null ? "" : ": " + detail), null, false, false);
    this.outcome = outcome;
    this.detail = detail;
  }

  public Outcome outcome() {
    return outcome;
  }

  public String detail() {
    return detail;
  }
}
