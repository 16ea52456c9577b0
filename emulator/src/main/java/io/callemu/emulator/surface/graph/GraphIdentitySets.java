package io.callemu.emulator.surface.graph;

import io.callemu.emulator.core.party.AcsUser;
import io.callemu.emulator.core.party.Cloud;
import io.callemu.emulator.core.party.Party;
import io.callemu.emulator.core.party.PhoneNumber;
import io.callemu.emulator.core.party.TeamsApp;
import io.callemu.emulator.core.party.TeamsExtensionUser;
import io.callemu.emulator.core.party.TeamsUser;
import io.callemu.emulator.core.party.UnknownParty;
import io.callemu.emulator.platform.http.JsonReader;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * Parties as Graph writes them: an {@code identitySet} (a {@code communicationsIdentitySet} for
 * phones and ACS users) holding one {@code identity} under {@code user}, {@code guest},
 * {@code application}, {@code applicationInstance}, {@code phone} or
 * {@code azureCommunicationServicesUser}, and participant infos around them (reference
 * graph-and-speech.md A3, A4). {@code @odata.type} is never required on input: the Java SDK writes
 * it only where a type is polymorphic (official-clients.md 3.3).
 */
final class GraphIdentitySets {

  private static final String IDENTITY = "#microsoft.graph.identity";
  private static final String IDENTITY_SET = "#microsoft.graph.communicationsIdentitySet";
  /** The identity kinds callemu reads, in the order it looks for them. */
  private static final List<String> KINDS = List.of("phone", "user", "guest", "application", "applicationInstance",
      "azureCommunicationServicesUser");

  private GraphIdentitySets() {
  }

  /** The party an {@code identitySet} names by its first identity of a known kind. */
  static Party read(JsonReader identitySet) {
    for (String kind : KINDS) {
      JsonReader identity = identitySet.optObject(kind);
      if (identity == null) {
        continue;
      }
      String id = identity.requireString("id");
      identity.optString("displayName");
      return switch (kind) {
        case "phone" -> {
          if (!id.matches("\\+?[0-9]{3,20}")) {
            throw identity.invalid("id", "must be a phone number like +15551234567, got '" + id + "'");
          }
          yield PhoneNumber.of(id.startsWith("+") ? id : "+" + id);
        }
        case "user" -> TeamsUser.of(id, false, Cloud.PUBLIC);
        case "guest" -> TeamsUser.of(id, true, Cloud.PUBLIC);
        case "application", "applicationInstance" -> TeamsApp.of(id, Cloud.PUBLIC);
        default -> new AcsUser(id);
      };
    }
    throw identitySet.invalid("", "must name an identity: one of " + KINDS + " with an id");
  }

  /** The {@code identity} of an invitation or participant info ({@code targets[i].identity}). */
  static Party readParticipant(JsonReader participantInfo) {
    return read(participantInfo.requireObject("identity"));
  }

  /** The identitySet of {@code party}. */
  static JsonObject render(Party party) {
    String kind;
    String id;
    if (party instanceof PhoneNumber p) {
      kind = "phone";
      id = p.value();
    } else if (party instanceof TeamsUser u) {
      kind = u.anonymous() ? "guest" : "user";
      id = u.userId();
    } else if (party instanceof TeamsApp a) {
      kind = "application";
      id = a.appId();
    } else if (party instanceof AcsUser a) {
      kind = "azureCommunicationServicesUser";
      id = a.rawId();
    } else if (party instanceof TeamsExtensionUser || party instanceof UnknownParty) {
      kind = "user";
      id = party.rawId();
    } else {
      throw new IllegalStateException("no identity kind for " + party);
    }
    return new JsonObject().put("@odata.type", IDENTITY_SET)
        .put(kind, new JsonObject().put("@odata.type", IDENTITY).put("id", id));
  }

  /** A {@code participantInfo} (a call's source). */
  static JsonObject participantInfo(Party party) {
    return new JsonObject().put("@odata.type", "#microsoft.graph.participantInfo").put("identity", render(party));
  }

  /** An {@code invitationParticipantInfo} (a call's target). */
  static JsonObject invitation(Party party) {
    return new JsonObject().put("@odata.type", "#microsoft.graph.invitationParticipantInfo")
        .put("identity", render(party));
  }
}
