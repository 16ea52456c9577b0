/**
 * Fuzz tests of the request parsers (Jazzer, {@code @FuzzTest}): the ACS request-body readers and
 * identifiers, the media action validation, the control API's bodies and paths, and the scenario
 * parser. The property everywhere: any input yields a parsed value or the surface's clear 4xx
 * error, never another exception or a 5xx. Every build replays the corpus kept in
 * {@code src/test/resources/io/callemu/emulator/fuzz/<Class>Inputs/<method>/}; {@code JAZZER_FUZZ=1}
 * fuzzes one target for real, e.g.
 * {@code JAZZER_FUZZ=1 mvn -pl emulator test -Dtest='ControlApiFuzzTest#anyBodyIsAcceptedOrRefusedInTheEnvelope'
 * -Djazzer.max_duration=90s -Djazzer.disabled_hooks=com.code_intelligence.jazzer.sanitizers.ServerSideRequestForgery}
 * (the request-forgery detector would flag the test's own loopback requests). Inputs that break
 * the property today are kept as disabled tests in {@link io.callemu.emulator.fuzz.FuzzFindingsTest}.
 */
package io.callemu.emulator.fuzz;
