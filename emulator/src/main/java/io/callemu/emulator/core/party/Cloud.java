package io.callemu.emulator.core.party;

import java.util.Locale;

/** The Microsoft cloud a Teams identity lives in; each has its own raw-id prefix. */
public enum Cloud {
  PUBLIC,
  DOD,
  GCCH;

  /** The lower-case name used in identifiers ({@code public}, {@code dod}, {@code gcch}). */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The cloud named {@code wire}, or null when it names none. */
  public static Cloud fromWire(String wire) {
    for (Cloud c : values()) {
      if (c.wire().equals(wire)) {
        return c;
      }
    }
    return null;
  }
}
