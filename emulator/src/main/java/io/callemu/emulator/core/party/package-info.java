/**
 * The parties of a call as typed values ({@link io.callemu.emulator.core.party.Party}): phone
 * numbers, ACS users, Teams users and applications. Surfaces read and render them in their own wire
 * models; the core compares them by raw id.
 */
package io.callemu.emulator.core.party;
