/**
 * {@code ./callemu bench}: benchmarks how an app under test handles timeouts. It offers calls to the
 * app through a callemu, plays scripted callers (caller profiles, each a scenario), measures the
 * app from callemu's journal and reports against thresholds (CONTRACT section 8).
 */
package io.callemu.appbench;
