package io.callemu.bench.soak;

/**
 * One hostile situation, reproduced against callemu and measured. A scenario is bounded in count
 * and time, cleans up after itself (hang-ups, reset) and fills in its {@link Outcome}, checks
 * included.
 */
interface Scenario {

  /** The command-line name, e.g. {@code trickle-reply}. */
  String name();

  /** The finding it reproduces, in one sentence. */
  String finding();

  /** How the callemu for it must be started. */
  ChildLaunch launch(Bench bench);

  void run(Bench bench, Target target, Outcome outcome) throws Exception;
}
