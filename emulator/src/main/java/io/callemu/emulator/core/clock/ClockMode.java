package io.callemu.emulator.core.clock;

import java.util.Locale;

/** How emulated time moves. */
public enum ClockMode {
  /** With real time (durations optionally scaled). */
  WALL,
  /** Only when told to ({@code POST /_emulator/clock/advance}). */
  VIRTUAL;

  /** The lower-case name of {@code --clock} and the control API. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The mode named {@code wire}, or null. */
  public static ClockMode fromWire(String wire) {
    for (ClockMode m : values()) {
      if (m.wire().equals(wire)) {
        return m;
      }
    }
    return null;
  }
}
