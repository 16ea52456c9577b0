/**
 * The core's typed domain events and the bus that carries them to the surfaces, the scenario runner
 * and the console. The core never renders a wire payload.
 */
package io.callemu.emulator.core.event;
