package io.callemu.emulator.control;

import io.vertx.ext.web.Router;

/**
 * An emulated surface's own part of the control API: its routes, mounted under {@code /_emulator}
 * behind the control token and the body limit, and what it drops on {@code POST /_emulator/reset}.
 */
public interface ControlSurface {

  /** Adds the surface's routes (paths under {@code /_emulator/}). */
  void mount(Router router);

  /** Drops the surface's state, as {@code POST /_emulator/reset} does for everything. */
  void reset();
}
