package io.callemu.emulator.surface.graph;

/**
 * The application permissions of the Graph calls API, as they appear in a token's {@code roles}
 * (reference graph-and-speech.md A2).
 */
public enum GraphRole {
  CALLS_INITIATE_ALL("Calls.Initiate.All"),
  CALLS_INITIATE_GROUP_CALL_ALL("Calls.InitiateGroupCall.All"),
  CALLS_JOIN_GROUP_CALL_ALL("Calls.JoinGroupCall.All"),
  CALLS_JOIN_GROUP_CALL_AS_GUEST_ALL("Calls.JoinGroupCallAsGuest.All"),
  CALLS_ACCESS_MEDIA_ALL("Calls.AccessMedia.All");

  private final String wire;

  GraphRole(String wire) {
    this.wire = wire;
  }

  /** The name in {@code roles}, such as {@code Calls.AccessMedia.All}. */
  public String wire() {
    return wire;
  }
}
