package io.callemu.emulator.core.party;

/**
 * Someone on a call: a phone number, a user of the emulated ACS resource, a Teams user or a Teams
 * application (a bot), or an id callemu cannot classify. Every party has a raw id, the one string
 * that names it across surfaces (the control API's {@code participant}, transcription's
 * {@code participantRawID}); each surface renders parties in its own wire model.
 */
public sealed interface Party permits PhoneNumber, AcsUser, TeamsUser, TeamsApp, TeamsExtensionUser, UnknownParty {

  /** The raw id ({@code 4:+15551234567}, {@code 8:acs:...}, {@code 28:orgid:...}). */
  String rawId();
}
