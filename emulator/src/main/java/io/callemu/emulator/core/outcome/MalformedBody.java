package io.callemu.emulator.core.outcome;

/** A request body that cannot be read at all: missing, not JSON, or not an object at its root. */
public final class MalformedBody extends InvalidRequest {

  /** What is wrong with the body. */
  public enum Problem { MISSING, NOT_JSON, NOT_AN_OBJECT }

  private final Problem problem;

  public MalformedBody(Problem problem, String message) {
    super(message);
    this.problem = problem;
  }

  public Problem problem() {
    return problem;
  }
}
