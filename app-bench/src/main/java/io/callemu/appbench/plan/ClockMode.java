package io.callemu.appbench.plan;

/** Which clock the callemu runs: real time, real time with every emulated duration scaled, or virtual time the bench moves. */
public enum ClockMode {
  WALL, SCALED, VIRTUAL;

  public String wire() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
