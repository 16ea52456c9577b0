/** What a run tells: the thresholds' verdicts, the terminal summary, summary.json, calls.csv and the self-contained report.html. */
package io.callemu.appbench.report;
