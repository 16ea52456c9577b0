package io.callemu.bench.load;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/** What every load harness does the same way: its main method, bounded waits, hanging calls up. */
final class Harness {

  /** A harness ready to run; returns its exit code. */
  interface Run {
    int run() throws Exception;
  }

  private Harness() {
  }

  /**
   * Parses the arguments, builds the harness, runs it and exits: 0 after printing the usage text
   * for {@code --help}, 2 with it for bad arguments, 1 when the run failed, else the harness's own
   * code.
   */
  static void main(String name, String usage, String[] argv, Set<String> valued, Function<LoadArgs, Run> build) {
    if (List.of(argv).contains("--help")) {
      System.out.println(usage);
      System.exit(0);
      return;
    }
    Run harness;
    try {
      harness = build.apply(new LoadArgs(argv, valued, CallemuTarget.FLAGS));
    } catch (IllegalArgumentException e) {
      System.err.println(name + ": " + e.getMessage());
      System.err.println(usage);
      System.exit(2);
      return;
    }
    int code;
    try {
      code = harness.run();
    } catch (Exception e) {
      System.err.println(name + " failed: " + e);
      code = 1;
    }
    System.exit(code);
  }

  /**
   * Waits on {@code latch}, printing {@code progress} every five seconds when given; false when
   * {@code maxNanos} since {@code startNanos} ran out first.
   */
  static boolean await(CountDownLatch latch, long startNanos, long maxNanos, Supplier<String> progress)
      throws InterruptedException {
    while (!latch.await(5, TimeUnit.SECONDS)) {
      long elapsed = System.nanoTime() - startNanos;
      if (progress != null) {
        System.out.printf("  %5.1f s: %s%n", elapsed / 1e9, progress.get());
      }
      if (elapsed > maxNanos) {
        System.out.println("  giving up after --max-seconds");
        return false;
      }
    }
    return true;
  }

  /** The result of {@code future}, waiting at most {@code seconds}; for the main thread only. */
  static <T> T result(Future<T> future, long seconds) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(seconds, TimeUnit.SECONDS);
  }

  /** Leaves every call named, so a shared callemu is not left holding them; waits two minutes at most. */
  static void hangUp(CallemuClient client, List<String> callConnectionIds) {
    List<Future<CallemuClient.Response>> hangUps = new ArrayList<>();
    for (String id : callConnectionIds) {
      hangUps.add(client.hangUp(id));
    }
    try {
      result(Future.join(hangUps), 120);
    } catch (Exception e) {
      System.out.println("  some calls could not be hung up: " + e);
    }
  }
}
