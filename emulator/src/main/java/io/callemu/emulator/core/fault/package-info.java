/** Faults armed through the control API. */
package io.callemu.emulator.core.fault;
