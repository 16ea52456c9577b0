package io.callemu.emulator.surface.acs;

import io.callemu.emulator.core.call.Identifier;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * Reads request identifiers in every style the SDKs send (with or without {@code kind} and
 * {@code rawId}; reference section 11) and completes them into the full model responses need.
 */
public final class Identifiers {

  private static final List<String> NESTED = List.of("communicationUser", "phoneNumber",
      "microsoftTeamsUser", "microsoftTeamsApp", "teamsExtensionUser");

  private Identifiers() {
  }

  public static Identifier read(JsonFields f) {
    String rawId = f.optString("rawId");
    String kind = f.optString("kind");
    String nestedName = null;
    for (String n : NESTED) {
      if (f.has(n)) {
        if (nestedName != null) {
          throw AcsErrors.invalidArgument(f.path("") + " has both " + nestedName + " and " + n
              + " (only one identifier model may be set)");
        }
        nestedName = n;
      }
    }
    if (kind != null && !kind.equals("unknown") && nestedName != null && !kind.equals(nestedName)) {
      throw AcsErrors.invalidArgument(f.path("kind") + " is '" + kind + "' but the identifier carries " + nestedName);
    }
    if (nestedName == null) {
      if (rawId == null || rawId.isEmpty()) {
        throw AcsErrors.invalidArgument(f.path("") + " needs rawId or an identifier model "
            + "(communicationUser, phoneNumber, microsoftTeamsUser, microsoftTeamsApp, teamsExtensionUser)");
      }
      return fromRawId(rawId);
    }
    JsonFields nested = f.requireObject(nestedName);
    JsonObject model;
    String derived;
    switch (nestedName) {
      case "communicationUser": {
        String id = nested.requireString("id");
        model = new JsonObject().put("id", id);
        derived = id;
        break;
      }
      case "phoneNumber": {
        String value = nested.requireString("value");
        Boolean anonymous = nested.optBoolean("isAnonymous");
        String asserted = nested.optString("assertedId");
        model = new JsonObject().put("value", value);
        if (anonymous != null) {
          model.put("isAnonymous", anonymous);
        }
        if (asserted != null) {
          model.put("assertedId", asserted);
        }
        derived = Boolean.TRUE.equals(anonymous) ? "4:anonymous"
            : "4:" + value + (asserted == null ? "" : "_" + asserted);
        break;
      }
      case "microsoftTeamsUser": {
        String userId = nested.requireString("userId");
        boolean anonymous = Boolean.TRUE.equals(nested.optBoolean("isAnonymous"));
        String cloud = cloud(nested);
        model = new JsonObject().put("userId", userId).put("isAnonymous", anonymous).put("cloud", cloud);
        derived = anonymous ? "8:teamsvisitor:" + userId : "8:" + cloudPrefix(cloud, "orgid") + ":" + userId;
        break;
      }
      case "microsoftTeamsApp": {
        String appId = nested.requireString("appId");
        String cloud = cloud(nested);
        model = new JsonObject().put("appId", appId).put("cloud", cloud);
        derived = "28:" + cloudPrefix(cloud, "orgid") + ":" + appId;
        break;
      }
      default: {
        String userId = nested.requireString("userId");
        String tenantId = nested.requireString("tenantId");
        String resourceId = nested.requireString("resourceId");
        String cloud = cloud(nested);
        model = new JsonObject().put("userId", userId).put("tenantId", tenantId)
            .put("resourceId", resourceId).put("cloud", cloud);
        String prefix = cloud.equals("public") ? "acs" : cloud + "-acs";
        derived = "8:" + prefix + ":" + resourceId + "_" + tenantId + "_" + userId;
        break;
      }
    }
    String raw = rawId == null || rawId.isEmpty() ? derived : rawId;
    return new Identifier(nestedName, raw, new JsonObject().put("kind", nestedName)
        .put("rawId", raw).put(nestedName, model));
  }

  private static String cloud(JsonFields nested) {
    String cloud = nested.optString("cloud");
    if (cloud == null) {
      return "public";
    }
    if (!cloud.equals("public") && !cloud.equals("dod") && !cloud.equals("gcch")) {
      throw AcsErrors.invalidArgument(nested.path("cloud") + " must be public, dod or gcch");
    }
    return cloud;
  }

  private static String cloudPrefix(String cloud, String publicPrefix) {
    return cloud.equals("public") ? publicPrefix : cloud;
  }

  /** Infers kind and model from a raw id alone (reference section 11.1). */
  public static Identifier fromRawId(String rawId) {
    if (rawId.startsWith("4:")) {
      String value = rawId.substring(2);
      if (value.equals("anonymous")) {
        return new Identifier("phoneNumber", rawId, new JsonObject().put("kind", "phoneNumber")
            .put("rawId", rawId).put("phoneNumber", new JsonObject().put("value", "anonymous")
                .put("isAnonymous", true)));
      }
      Identifier phone = Identifier.phoneNumber(value);
      return new Identifier(phone.kind(), rawId, phone.wire().put("rawId", rawId));
    }
    for (String acs : List.of("8:acs:", "8:spool:", "8:dod-acs:", "8:gcch-acs:")) {
      if (rawId.startsWith(acs)) {
        return Identifier.communicationUser(rawId);
      }
    }
    for (String[] teams : new String[][] {{"8:orgid:", "public"}, {"8:dod:", "dod"}, {"8:gcch:", "gcch"}}) {
      if (rawId.startsWith(teams[0])) {
        JsonObject model = new JsonObject().put("userId", rawId.substring(teams[0].length()))
            .put("isAnonymous", false).put("cloud", teams[1]);
        return new Identifier("microsoftTeamsUser", rawId, new JsonObject()
            .put("kind", "microsoftTeamsUser").put("rawId", rawId).put("microsoftTeamsUser", model));
      }
    }
    if (rawId.startsWith("8:teamsvisitor:")) {
      JsonObject model = new JsonObject().put("userId", rawId.substring("8:teamsvisitor:".length()))
          .put("isAnonymous", true).put("cloud", "public");
      return new Identifier("microsoftTeamsUser", rawId, new JsonObject()
          .put("kind", "microsoftTeamsUser").put("rawId", rawId).put("microsoftTeamsUser", model));
    }
    for (String[] app : new String[][] {{"28:orgid:", "public"}, {"28:dod:", "dod"}, {"28:gcch:", "gcch"}}) {
      if (rawId.startsWith(app[0])) {
        JsonObject model = new JsonObject().put("appId", rawId.substring(app[0].length())).put("cloud", app[1]);
        return new Identifier("microsoftTeamsApp", rawId, new JsonObject()
            .put("kind", "microsoftTeamsApp").put("rawId", rawId).put("microsoftTeamsApp", model));
      }
    }
    return new Identifier("unknown", rawId, new JsonObject().put("kind", "unknown").put("rawId", rawId));
  }
}
