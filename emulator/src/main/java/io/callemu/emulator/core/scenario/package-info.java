/**
 * Scenario rules that script the remote party without test code: typed rules, the store of rules
 * in force, and the runner that carries out their steps when a domain event triggers them.
 */
package io.callemu.emulator.core.scenario;
