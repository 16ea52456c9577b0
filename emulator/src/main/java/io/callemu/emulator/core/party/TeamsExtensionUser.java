package io.callemu.emulator.core.party;

/** A Teams Phone extension user of an ACS resource. */
public record TeamsExtensionUser(String userId, String tenantId, String resourceId, Cloud cloud, String rawId)
    implements Party {

  /** The user with its raw id derived from its parts ({@code 8:acs:<resource>_<tenant>_<user>}). */
  public static TeamsExtensionUser of(String userId, String tenantId, String resourceId, Cloud cloud) {
    String prefix = cloud == Cloud.PUBLIC ? "acs" : cloud.wire() + "-acs";
    return new TeamsExtensionUser(userId, tenantId, resourceId, cloud,
        "8:" + prefix + ":" + resourceId + "_" + tenantId + "_" + userId);
  }
}
