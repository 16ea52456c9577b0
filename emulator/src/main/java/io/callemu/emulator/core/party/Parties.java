package io.callemu.emulator.core.party;

import java.util.List;

/**
 * Parties from raw ids, by their prefixes (the communication identifier schemes of
 * {@code shared/reference/acs-callautomation-surface.md} section 11.1).
 */
public final class Parties {

  private static final List<String> ACS_PREFIXES = List.of("8:acs:", "8:spool:", "8:dod-acs:", "8:gcch-acs:");

  private Parties() {
  }

  /** The party a raw id names; an id of no known scheme is an {@link UnknownParty}. */
  public static Party fromRawId(String rawId) {
    if (rawId.startsWith("4:")) {
      String value = rawId.substring(2);
      return value.equals("anonymous") ? new PhoneNumber("anonymous", true, null, rawId)
          : new PhoneNumber(value, null, null, rawId);
    }
    for (String acs : ACS_PREFIXES) {
      if (rawId.startsWith(acs)) {
        return new AcsUser(rawId);
      }
    }
    if (rawId.startsWith("8:teamsvisitor:")) {
      return new TeamsUser(rawId.substring("8:teamsvisitor:".length()), true, Cloud.PUBLIC, rawId);
    }
    for (Cloud cloud : Cloud.values()) {
      String user = "8:" + prefix(cloud) + ":";
      if (rawId.startsWith(user)) {
        return new TeamsUser(rawId.substring(user.length()), false, cloud, rawId);
      }
      String app = "28:" + prefix(cloud) + ":";
      if (rawId.startsWith(app)) {
        return new TeamsApp(rawId.substring(app.length()), cloud, rawId);
      }
    }
    return new UnknownParty(rawId);
  }

  /**
   * What a person types for a participant: a phone number ({@code +1555…}) or a raw id.
   *
   * @throws IllegalArgumentException when it is blank
   */
  public static Party fromText(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("a party is a phone number like \"+15551234567\" or a raw id like \"8:acs:...\"");
    }
    return text.startsWith("+") ? PhoneNumber.of(text) : fromRawId(text);
  }

  /** The raw-id prefix of Teams identities in {@code cloud} ({@code orgid} in the public cloud). */
  static String prefix(Cloud cloud) {
    return cloud == Cloud.PUBLIC ? "orgid" : cloud.wire();
  }
}
