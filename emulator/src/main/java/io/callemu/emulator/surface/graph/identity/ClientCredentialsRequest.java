package io.callemu.emulator.surface.graph.identity;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A token request of the client-credentials grant (RFC 6749 section 4.4; Entra ID's form at
 * https://learn.microsoft.com/entra/identity-platform/v2-oauth2-client-creds-grant-flow), parsed and
 * checked in the order a client fixes its mistakes: grant type, client id, scope, then the
 * credentials. Other parameters the official clients send ({@code client_info}, {@code claims},
 * {@code x-client-*}, {@code client-request-id}) are ignored.
 *
 * @param clientId the application asking
 * @param secret its secret, from the form or from HTTP Basic (RFC 6749 section 2.3.1)
 */
record ClientCredentialsRequest(String clientId, String secret) {

  static final String FORM = "application/x-www-form-urlencoded";
  private static final String DEFAULT_SUFFIX = "/.default";
  /** OpenID scopes a client may add (Java's msal4j always does); they name no resource. */
  private static final Set<String> OPENID_SCOPES = Set.of("openid", "profile", "offline_access", "email");
  /** Microsoft Graph's spellings as a resource: its URL (with or without the slash) and its app id. */
  private static final Set<String> GRAPH = Set.of(GraphAccessTokens.AUDIENCE, GraphAccessTokens.AUDIENCE + "/",
      GraphAccessTokens.GRAPH_APP_ID);

  /**
   * @param contentType the request's Content-Type; a body that is not a form counts as empty, as at
   *     Entra ID (a JSON body gets "must contain … 'grant_type'")
   * @param authorization the Authorization header, or null
   * @throws EntraError for the first thing wrong
   */
  static ClientCredentialsRequest parse(String tenant, String contentType, String body, String authorization) {
    Map<String, String> form = isForm(contentType) ? form(body) : Map.of();
    String grantType = form.get("grant_type");
    if (blank(grantType)) {
      throw EntraErrors.missingParameter("grant_type");
    }
    if (!grantType.equals("client_credentials")) {
      throw EntraErrors.unsupportedGrantType(grantType);
    }
    Tenants.checkIssuesAppTokens(tenant);
    String[] basic = basic(authorization);
    String clientId = !blank(form.get("client_id")) ? form.get("client_id") : basic == null ? null : basic[0];
    if (blank(clientId)) {
      throw EntraErrors.missingParameter("client_id");
    }
    checkScope(form.get("scope"), tenant);
    String secret = form.containsKey("client_secret") ? form.get("client_secret") : basic == null ? null : basic[1];
    if (blank(secret) && !blank(form.get("client_assertion"))) {
      throw EntraErrors.clientAssertionUnsupported();
    }
    return new ClientCredentialsRequest(clientId, blank(secret) ? null : secret);
  }

  private static boolean isForm(String contentType) {
    if (contentType == null) {
      return false;
    }
    int semicolon = contentType.indexOf(';');
    String mime = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
    return mime.toLowerCase(Locale.ROOT).equals(FORM);
  }

  /** The form's parameters; each may appear once (RFC 6749 section 3.2). */
  static Map<String, String> form(String body) {
    Map<String, String> form = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      if (form.putIfAbsent(name, value) != null) {
        throw EntraErrors.malformedRequest("the parameter '" + name + "' appears more than once");
      }
    }
    return form;
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw EntraErrors.malformedRequest("the form is not percent-encoded correctly (" + e.getMessage() + ")");
    }
  }

  /** Client id and secret of {@code Authorization: Basic}, each form-encoded (RFC 6749 2.3.1); null without it. */
  private static String[] basic(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw EntraErrors.malformedRequest("the Basic credentials are not base64");
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      throw EntraErrors.malformedRequest("the Basic credentials are not <client_id>:<client_secret>");
    }
    return new String[] {decode(decoded.substring(0, colon)), decode(decoded.substring(colon + 1))};
  }

  /** A client-credentials scope is exactly one {@code <resource>/.default}, and the resource must be Graph. */
  private static void checkScope(String scope, String tenant) {
    if (blank(scope)) {
      throw EntraErrors.missingParameter("scope");
    }
    List<String> resources = new ArrayList<>();
    for (String s : scope.trim().split("\\s+")) {
      if (OPENID_SCOPES.contains(s.toLowerCase(Locale.ROOT))) {
        continue;
      }
      if (!s.endsWith(DEFAULT_SUFFIX)) {
        throw EntraErrors.scopeNotDefault(scope);
      }
      resources.add(s.substring(0, s.length() - DEFAULT_SUFFIX.length()));
    }
    Set<String> distinct = new LinkedHashSet<>(resources);
    if (distinct.isEmpty()) {
      throw EntraErrors.scopeNotDefault(scope);
    }
    if (distinct.size() > 1) {
      throw EntraErrors.multipleResources(scope);
    }
    String resource = distinct.iterator().next();
    if (!GRAPH.contains(resource)) {
      throw EntraErrors.unknownResource(resource, tenant);
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
