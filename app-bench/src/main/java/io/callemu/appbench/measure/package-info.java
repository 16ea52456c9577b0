/**
 * What the bench measures: each call's timeline from callemu's journal (callbacks with their real
 * delivery times, the app's requests, the Event Grid offer), the reactions derived from it, and
 * the aggregates per profile and overall (HdrHistogram for latencies).
 */
package io.callemu.appbench.measure;
