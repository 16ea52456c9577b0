/**
 * The soak and hostile-load harness: one runnable ({@link io.callemu.bench.soak.Soak}) that starts
 * callemu as a child process per scenario (or targets a running one) and reproduces, as named
 * scenarios, the ways an app or an outsider can make an emulator lose events, grow without bound or
 * stall: slow and dead callback targets, huge replies, stalled WebSocket readers, floods of large
 * operation contexts, timers outliving their calls, half-sent connections, the open-files limit,
 * long journal reads, malformed control requests, bind addresses, unauthenticated bodies, scenario
 * file paths, cross-origin requests and the generated certificate authority. Each scenario reports
 * the same figures (events lost and duplicated, 5xx answers, RSS and live heap before, during and
 * after, health latency during, recovery time) and a verdict against the targets it names.
 * Everything stays on loopback; every scenario is bounded in count and time.
 */
package io.callemu.bench.soak;
