package io.callemu.emulator.core.party;

/** A Teams application: a bot (a Graph calling bot, a Teams resource account). */
public record TeamsApp(String appId, Cloud cloud, String rawId) implements Party {

  /** The application with its raw id derived from its parts ({@code 28:orgid:…}). */
  public static TeamsApp of(String appId, Cloud cloud) {
    return new TeamsApp(appId, cloud, "28:" + Parties.prefix(cloud) + ":" + appId);
  }
}
