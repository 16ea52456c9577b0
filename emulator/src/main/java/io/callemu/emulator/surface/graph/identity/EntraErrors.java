package io.callemu.emulator.surface.graph.identity;

/**
 * The one place that decides status, OAuth {@code error}, AADSTS code and description of every
 * refusal of the identity stand-in (Azurite style). Codes and their texts are those of
 * https://learn.microsoft.com/entra/identity-platform/reference-error-codes, in the wording the
 * real service answers with where that is well known (7000215, 700016, 1002012, 900023); statuses
 * follow RFC 6749 section 5.2 (400, and 401 for {@code invalid_client}).
 */
public final class EntraErrors {

  private EntraErrors() {
  }

  /** 400 AADSTS900561: the token endpoint takes POST only. */
  public static EntraError methodNotAllowed(String method) {
    return new EntraError(400, "invalid_request", 900561,
        "The endpoint only accepts POST, OPTIONS requests. Received a " + method + " request.");
  }

  /** 400 AADSTS900144: a required form parameter is missing (also what a body that is no form gets). */
  public static EntraError missingParameter(String name) {
    return new EntraError(400, "invalid_request", 900144,
        "The request body must contain the following parameter: '" + name + "'.");
  }

  /** 400 AADSTS9002313: the form cannot be read (bad percent-encoding, a repeated parameter, too large). */
  public static EntraError malformedRequest(String detail) {
    return new EntraError(400, "invalid_request", 9002313, "Invalid request. Request is malformed or invalid: "
        + detail);
  }

  /** 400 AADSTS70003: any grant but client credentials. */
  public static EntraError unsupportedGrantType(String grantType) {
    return new EntraError(400, "unsupported_grant_type", 70003, "The app requested an unsupported grant type '"
        + grantType + "'. callemu's Entra ID stand-in issues app-only tokens (client_credentials) only.");
  }

  /** 400 AADSTS900023: the tenant segment is neither a GUID nor a domain name. */
  public static EntraError invalidTenant(String tenant) {
    return new EntraError(400, "invalid_request", 900023, "Specified tenant identifier '" + tenant
        + "' is neither a valid DNS name, nor a valid external domain.");
  }

  /** 400 AADSTS9001023: client credentials over {@code /common} or {@code /consumers}. */
  public static EntraError grantNotOverTenantAlias() {
    return new EntraError(400, "invalid_request", 9001023, "The grant type is not supported over the /common or"
        + " /consumers endpoints. Please use the /organizations or tenant-specific endpoint.");
  }

  /** 400 AADSTS700016: the client id is not registered. */
  public static EntraError unknownClient(String clientId, String tenant) {
    return new EntraError(400, "unauthorized_client", 700016, "Application with identifier '" + clientId
        + "' was not found in the directory '" + tenant + "'. This can happen if the application has not been"
        + " installed by the administrator of the tenant or consented to by any user in the tenant. You may have"
        + " sent your authentication request to the wrong tenant. (callemu knows the applications of --graph-app,"
        + " or the well-known application when none is given.)");
  }

  /** 401 AADSTS7000218: neither a secret nor an assertion. */
  public static EntraError missingSecret() {
    return new EntraError(401, "invalid_client", 7000218,
        "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.");
  }

  /** 401 AADSTS7000215: the secret is not the application's. */
  public static EntraError wrongSecret(String clientId) {
    return new EntraError(401, "invalid_client", 7000215, "Invalid client secret provided. Ensure the secret"
        + " being sent in the request is the client secret value, not the client secret ID, for a secret added to"
        + " app '" + clientId + "'.");
  }

  /** 401 AADSTS700027: certificate credentials, which callemu cannot check. */
  public static EntraError clientAssertionUnsupported() {
    return new EntraError(401, "invalid_client", 700027, "Client assertion failed signature validation:"
        + " callemu's Entra ID stand-in accepts client secrets only (client_secret, or HTTP Basic).");
  }

  /** 400 AADSTS1002012: a client-credentials scope must be {@code <resource>/.default}. */
  public static EntraError scopeNotDefault(String scope) {
    return new EntraError(400, "invalid_scope", 1002012, "The provided value for scope " + scope + " is not"
        + " valid. Client credential flows must have a scope value with /.default suffixed to the resource"
        + " identifier (application ID URI).");
  }

  /** 400 AADSTS700022: more than one resource in the scope. */
  public static EntraError multipleResources(String scope) {
    return new EntraError(400, "invalid_scope", 700022, "The provided value for the input parameter scope is not"
        + " valid because it contains more than one resource. Scope " + scope + " is not valid.");
  }

  /** 400 AADSTS500011: a resource other than Microsoft Graph. */
  public static EntraError unknownResource(String resource, String tenant) {
    return new EntraError(400, "invalid_resource", 500011, "The resource principal named " + resource
        + " was not found in the tenant named " + tenant + ". This can happen if the application has not been"
        + " installed by the administrator of the tenant or consented to by any user in the tenant. You might have"
        + " sent your authentication request to the wrong tenant. (callemu issues tokens for Microsoft Graph,"
        + " https://graph.microsoft.com/.default, only.)");
  }

  /** 400 AADSTS70005: the interactive flows, which callemu does not emulate. */
  public static EntraError interactiveFlowsUnsupported() {
    return new EntraError(400, "unsupported_response_type", 70005, "callemu's Entra ID stand-in has no sign-in"
        + " page: it issues app-only tokens at the token endpoint (grant_type=client_credentials) only.");
  }

  /** 404 without an AADSTS code: the identity endpoints are not served over plain HTTP. */
  public static EntraError httpsOnly() {
    return new EntraError(404, "invalid_request", null, "callemu serves its Entra ID stand-in on the HTTPS port"
        + " only (the official credentials refuse an http authority): use the https= URL of callemu's ready line.");
  }

  /** 503 without an AADSTS code: the signing key could not be loaded. */
  public static EntraError temporarilyUnavailable(String detail) {
    return new EntraError(503, "temporarily_unavailable", null, "callemu cannot sign tokens: " + detail);
  }
}
