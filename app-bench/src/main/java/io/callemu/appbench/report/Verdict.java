package io.callemu.appbench.report;

import io.callemu.appbench.plan.Threshold;

/**
 * One threshold checked against the run.
 *
 * @param actual the measured value, or null when there was nothing to measure (no reactions of that
 *     kind): such a threshold fails, a CI run must not pass on no data
 */
public record Verdict(Threshold threshold, Double actual, boolean passed) {
}
