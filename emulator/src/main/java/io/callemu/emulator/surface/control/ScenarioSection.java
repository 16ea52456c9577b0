package io.callemu.emulator.surface.control;

/**
 * A top-level member of scenario documents besides {@code rules}, read by the surface it belongs to
 * (the Speech surface's {@code speechTranscripts}).
 */
public interface ScenarioSection {

  /**
   * Checks the member's value; the returned action applies it, and runs only once the whole
   * document was found valid.
   *
   * @throws IllegalArgumentException naming the problem, prefixed with {@code path}
   */
  Runnable read(Object value, String path);
}
