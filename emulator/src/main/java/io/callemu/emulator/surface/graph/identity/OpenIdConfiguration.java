package io.callemu.emulator.surface.graph.identity;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The OpenID Connect discovery document of one tenant, as Entra ID's v2.0 endpoint serves it: the
 * four fields msal-node requires ({@code issuer}, {@code authorization_endpoint},
 * {@code token_endpoint}, {@code jwks_uri}; official-clients.md 2.3) and the other required fields
 * of OpenID Connect Discovery 1.0 section 3. The issuer is on the origin the client used, which
 * msal-node's issuer check demands (same scheme, host and port as the authority).
 */
final class OpenIdConfiguration {

  private OpenIdConfiguration() {
  }

  /** @param origin {@code https://localhost:9443}, as the request came in */
  static JsonObject of(String origin, String tenant) {
    String base = origin + "/" + tenant;
    return new JsonObject()
        .put("token_endpoint", base + "/oauth2/v2.0/token")
        .put("token_endpoint_auth_methods_supported", new JsonArray().add("client_secret_post")
            .add("client_secret_basic"))
        .put("jwks_uri", base + "/discovery/v2.0/keys")
        .put("response_modes_supported", new JsonArray().add("query").add("fragment").add("form_post"))
        .put("subject_types_supported", new JsonArray().add("pairwise"))
        .put("id_token_signing_alg_values_supported", new JsonArray().add("RS256"))
        .put("response_types_supported", new JsonArray().add("code").add("id_token").add("code id_token")
            .add("id_token token"))
        .put("scopes_supported", new JsonArray().add("openid").add("profile").add("email").add("offline_access"))
        .put("issuer", base + "/v2.0")
        .put("request_uri_parameter_supported", false)
        .put("authorization_endpoint", base + "/oauth2/v2.0/authorize")
        .put("tenant_region_scope", "NA")
        .put("cloud_instance_name", "microsoftonline.com")
        .put("msgraph_host", "graph.microsoft.com");
  }
}
