/** The callemu server (placeholder until the emulator-core issue lands). */
package io.callemu.emulator;
