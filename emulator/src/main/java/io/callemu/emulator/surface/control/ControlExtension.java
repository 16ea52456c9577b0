package io.callemu.emulator.surface.control;

import io.vertx.ext.web.Router;

/**
 * A surface's own part of the control API (the Speech surface's transcripts): routes mounted under
 * {@code /_emulator} behind the control token and the body limit, and what it drops on
 * {@code POST /_emulator/reset}.
 */
public interface ControlExtension {

  /** Adds the routes to the control API's router (paths relative to {@code /_emulator}). */
  void mount(Router router);

  /** Drops the surface's state, as {@code POST /_emulator/reset} does for everything. */
  void reset();
}
