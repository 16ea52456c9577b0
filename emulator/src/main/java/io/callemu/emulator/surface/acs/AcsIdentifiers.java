package io.callemu.emulator.surface.acs;

import io.callemu.emulator.core.party.AcsUser;
import io.callemu.emulator.core.party.Cloud;
import io.callemu.emulator.core.party.Parties;
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
 * ACS communication identifiers: read in every style the SDKs send (with or without {@code kind}
 * and {@code rawId}) into a {@link Party}, and rendered as the full model responses and events
 * carry ({@code kind}, {@code rawId} and the one nested object).
 */
public final class AcsIdentifiers {

  private static final List<String> NESTED = List.of("communicationUser", "phoneNumber",
      "microsoftTeamsUser", "microsoftTeamsApp", "teamsExtensionUser");

  private AcsIdentifiers() {
  }

  /** Reads an identifier object; the refusal names the field. */
  public static Party read(JsonReader f) {
    String rawId = f.optString("rawId");
    String kind = f.optString("kind");
    String nestedName = null;
    for (String n : NESTED) {
      if (f.has(n)) {
        if (nestedName != null) {
          throw f.invalid("", "has both " + nestedName + " and " + n + " (only one identifier model may be set)");
        }
        nestedName = n;
      }
    }
    if (kind != null && !kind.equals("unknown") && nestedName != null && !kind.equals(nestedName)) {
      throw f.invalid("kind", "is '" + kind + "' but the identifier carries " + nestedName);
    }
    if (nestedName == null) {
      if (rawId == null || rawId.isEmpty()) {
        throw f.invalid("", "needs rawId or an identifier model "
            + "(communicationUser, phoneNumber, microsoftTeamsUser, microsoftTeamsApp, teamsExtensionUser)");
      }
      return Parties.fromRawId(rawId);
    }
    JsonReader n = f.requireObject(nestedName);
    boolean rawGiven = rawId != null && !rawId.isEmpty();
    switch (nestedName) {
      case "communicationUser":
        return new AcsUser(n.requireString("id"));
      case "phoneNumber": {
        PhoneNumber p = PhoneNumber.of(n.requireString("value"), n.optBoolean("isAnonymous"),
            n.optString("assertedId"));
        return rawGiven ? new PhoneNumber(p.value(), p.isAnonymous(), p.assertedId(), rawId) : p;
      }
      case "microsoftTeamsUser": {
        TeamsUser u = TeamsUser.of(n.requireString("userId"), n.optBoolean("isAnonymous", false), cloud(n));
        return rawGiven ? new TeamsUser(u.userId(), u.anonymous(), u.cloud(), rawId) : u;
      }
      case "microsoftTeamsApp": {
        TeamsApp a = TeamsApp.of(n.requireString("appId"), cloud(n));
        return rawGiven ? new TeamsApp(a.appId(), a.cloud(), rawId) : a;
      }
      default: {
        TeamsExtensionUser x = TeamsExtensionUser.of(n.requireString("userId"), n.requireString("tenantId"),
            n.requireString("resourceId"), cloud(n));
        return rawGiven ? new TeamsExtensionUser(x.userId(), x.tenantId(), x.resourceId(), x.cloud(), rawId) : x;
      }
    }
  }

  private static Cloud cloud(JsonReader nested) {
    String given = nested.optString("cloud");
    if (given == null) {
      return Cloud.PUBLIC;
    }
    Cloud cloud = Cloud.fromWire(given);
    if (cloud == null) {
      throw nested.invalid("cloud", "must be public, dod or gcch");
    }
    return cloud;
  }

  /** The wire model of {@code party}. */
  public static JsonObject render(Party party) {
    JsonObject o = new JsonObject();
    String kind;
    if (party instanceof AcsUser u) {
      kind = "communicationUser";
      o.put(kind, new JsonObject().put("id", u.id()));
    } else if (party instanceof PhoneNumber p) {
      kind = "phoneNumber";
      JsonObject model = new JsonObject().put("value", p.value());
      if (p.isAnonymous() != null) {
        model.put("isAnonymous", p.isAnonymous());
      }
      if (p.assertedId() != null) {
        model.put("assertedId", p.assertedId());
      }
      o.put(kind, model);
    } else if (party instanceof TeamsUser t) {
      kind = "microsoftTeamsUser";
      o.put(kind, new JsonObject().put("userId", t.userId()).put("isAnonymous", t.anonymous())
          .put("cloud", t.cloud().wire()));
    } else if (party instanceof TeamsApp a) {
      kind = "microsoftTeamsApp";
      o.put(kind, new JsonObject().put("appId", a.appId()).put("cloud", a.cloud().wire()));
    } else if (party instanceof TeamsExtensionUser x) {
      kind = "teamsExtensionUser";
      o.put(kind, new JsonObject().put("userId", x.userId()).put("tenantId", x.tenantId())
          .put("resourceId", x.resourceId()).put("cloud", x.cloud().wire()));
    } else {
      kind = "unknown";
    }
    JsonObject model = new JsonObject().put("kind", kind).put("rawId", party.rawId());
    return model.mergeIn(o);
  }

  /** A participant as the service lists it: {@code {identifier, isMuted, isOnHold}}. */
  public static JsonObject participant(Party party) {
    return new JsonObject().put("identifier", render(party)).put("isMuted", false).put("isOnHold", false);
  }
}
