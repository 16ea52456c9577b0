package io.callemu.emulator.core.party;

/** A Microsoft Teams user, or an anonymous Teams visitor. */
public record TeamsUser(String userId, boolean anonymous, Cloud cloud, String rawId) implements Party {

  /** The user with its raw id derived from its parts ({@code 8:orgid:…}, {@code 8:teamsvisitor:…}). */
  public static TeamsUser of(String userId, boolean anonymous, Cloud cloud) {
    String raw = anonymous ? "8:teamsvisitor:" + userId : "8:" + Parties.prefix(cloud) + ":" + userId;
    return new TeamsUser(userId, anonymous, cloud, raw);
  }
}
