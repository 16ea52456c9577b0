/**
 * Wall-clock load harnesses: plain main programs that drive a running callemu (or one they start
 * as a child process) with many concurrent calls over loopback and report timing percentiles and
 * memory. Not JMH: they measure another process's behaviour in real time.
 */
package io.callemu.bench.load;
