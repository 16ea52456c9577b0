package io.callemu.emulator.core.party;

/** A raw id that matches no known identifier scheme; kept and echoed as given. */
public record UnknownParty(String rawId) implements Party {
}
