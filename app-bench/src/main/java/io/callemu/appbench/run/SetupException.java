package io.callemu.appbench.run;

/** The callemu or the app cannot be used as the plan needs (not reachable, wrong clock, no webhook, …). */
public final class SetupException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public SetupException(String message) {
    super(message);
  }
}
