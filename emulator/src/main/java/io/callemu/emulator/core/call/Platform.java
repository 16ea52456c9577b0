package io.callemu.emulator.core.call;

/** The emulated platform a call belongs to (the surface that created it renders its events). */
public enum Platform {
  ACS,
  GRAPH
}
