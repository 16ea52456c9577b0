package io.callemu.appbench.plan;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A checked bench plan. Durations are emulated unless named real: the arrival rate counts calls per
 * emulated second, {@code callTimeoutSeconds} is emulated, {@code callbackLateMs} and
 * {@code maxRunSeconds} are real.
 *
 * @param calls how many calls in all, or -1 when {@code durationSeconds} bounds the run
 * @param durationSeconds emulated seconds during which calls arrive, or -1 when {@code calls} bounds it
 * @param callemuPort the embedded callemu's HTTP port (unused with a target URL)
 * @param settings callemu settings applied before the run
 */
public record Plan(String name, Path baseDir, Entry entry, int calls, double durationSeconds, Arrival arrival,
    Clock clock, int callemuPort, Map<String, String> settings, List<Profile> profiles, Limits limits,
    List<Threshold> thresholds) {

  /** @param url the inbound webhook or the outbound trigger URL; {@code to} is the number inbound callers dial */
  public record Entry(EntryKind kind, String url, String to) {
  }

  /** Exactly one of a rate (calls per emulated second) or a fixed number of calls at once (the other is 0). */
  public record Arrival(double ratePerSecond, int concurrency) {
    public boolean isRate() {
      return ratePerSecond > 0;
    }
  }

  /**
   * @param factor scaled only: every emulated duration is multiplied by it (callemu's --time-scale)
   * @param appWaitMs virtual only: the longest real time the bench waits for the app to react
   *     before it moves time on
   */
  public record Clock(ClockMode mode, double factor, long appWaitMs) {
  }

  /**
   * @param scenario the profile's scenario document as JSON text (rules without {@code times});
   *     empty rules for a caller who does nothing
   * @param ruleCount how many rules it holds
   */
  public record Profile(String name, int weight, String scenario, int ruleCount) {
  }

  /**
   * @param callTimeoutSeconds emulated seconds after its start at which a call still going counts as
   *     never ended (the bench then hangs it up)
   * @param callbackLateMs a callback the app takes longer than this to answer (real ms) is late
   * @param maxRunSeconds real seconds after which the bench stops, whatever is left
   */
  public record Limits(long callTimeoutSeconds, long callbackLateMs, long maxRunSeconds) {
  }

  public long plannedCalls() {
    if (calls >= 0) {
      return calls;
    }
    return arrival.isRate() ? (long) Math.floor(durationSeconds * arrival.ratePerSecond()) : -1;
  }
}
