package io.callemu.appbench.plan;

/** A plan that cannot run; the message names the field ({@code arrival.ratePerSecond must be ...}). */
public final class PlanException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public PlanException(String message) {
    super(message);
  }
}
