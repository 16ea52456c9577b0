/**
 * Typed settings: {@link io.callemu.emulator.core.settings.Setting} definitions owned by the
 * features that use them, and the {@link io.callemu.emulator.core.settings.Settings} registry the
 * composition root fills with every feature's group.
 */
package io.callemu.emulator.core.settings;
