/** Scenario rules (JSON or YAML) that script the remote party. */
package io.callemu.emulator.core.scenario;
