/** The bench plan (YAML or JSON): entry, arrival, clock, caller profiles, limits and thresholds, checked field by field. */
package io.callemu.appbench.plan;
