/** The tunable settings with their defaults and sources. */
package io.callemu.emulator.core.settings;
