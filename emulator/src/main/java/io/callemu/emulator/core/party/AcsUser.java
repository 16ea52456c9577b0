package io.callemu.emulator.core.party;

/** A user (or the application leg) of the emulated ACS resource; its id is its raw id. */
public record AcsUser(String id) implements Party {

  @Override
  public String rawId() {
    return id;
  }
}
