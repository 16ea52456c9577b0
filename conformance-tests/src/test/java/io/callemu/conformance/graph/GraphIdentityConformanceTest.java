package io.callemu.conformance.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.callemu.conformance.CallemuTarget;
import io.callemu.conformance.NodeApp;
import io.callemu.emulator.platform.jwt.JwtClaims;
import io.callemu.emulator.platform.jwt.SigningKey;
import io.callemu.emulator.surface.graph.GraphIdentity;
import io.callemu.emulator.surface.graph.identity.GraphAccessTokens;
import io.callemu.emulator.surface.graph.identity.RegisteredApps;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import reactor.core.publisher.Mono;

/**
 * The official Graph clients get their tokens from callemu's Entra ID stand-in and send them to
 * callemu: {@code @azure/identity} 4.14.1 + {@code @microsoft/microsoft-graph-client} 3.0.7
 * (src/test/node/graph-app.mjs, NODE_EXTRA_CA_CERTS) and azure-identity 1.18.1 + microsoft-graph
 * 6.20.0 ({@link GraphJavaSdk}). Tokens are checked with standard JWT libraries (jose in Node,
 * Nimbus in Java) against the JWKS callemu serves. The Graph request is {@code GET
 * /communications/calls/{unknown id}}: 404 in the Graph envelope once authentication passes (the
 * calls themselves: {@link GraphJsBotConformanceTest}, {@link GraphJavaBotConformanceTest}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GraphIdentityConformanceTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
  private static final String UNKNOWN_CALL = "2f1a0b00-7ea9-4e15-8e5f-5c6d7e8f9a0b";
  private static final String CLIENT_ID = System.getProperty("callemu.graphClientId",
      RegisteredApps.WELL_KNOWN_CLIENT_ID);
  private static final String SECRET = System.getProperty("callemu.graphClientSecret",
      RegisteredApps.WELL_KNOWN_CLIENT_SECRET);

  private Path dataDir;
  private CallemuTarget callemu;
  private String origin;
  private NodeApp app;
  private HttpClient http;

  @BeforeAll
  void start() throws IOException {
    dataDir = Files.createTempDirectory("callemu-graph-identity-");
    Path caPem = CallemuTarget.caPemFor(dataDir);
    callemu = CallemuTarget.start(dataDir, c -> c);
    origin = callemu.httpsEndpoint();
    app = NodeApp.start("graph-app.mjs", caPem, Map.of());
    HttpClient.Builder b = HttpClient.newBuilder();
    if (caPem != null) {
      b.sslContext(GraphJavaSdk.sslContext(caPem));
    }
    http = b.build();
  }

  @AfterAll
  void stop() {
    if (app != null) {
      app.close();
    }
    if (callemu != null) {
      callemu.close();
    }
  }

  private Map<String, Object> js(Object... pairs) {
    Map<String, Object> m = new HashMap<>();
    m.put("authorityHost", origin);
    m.put("baseUrl", origin);
    m.put("tenantId", TENANT);
    m.put("clientId", CLIENT_ID);
    m.put("clientSecret", SECRET);
    for (int i = 0; i < pairs.length; i += 2) {
      m.put((String) pairs[i], pairs[i + 1]);
    }
    return m;
  }

  private JsonNode getJson(String url) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(url + " " + r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  /** The token's claims after Nimbus checked its signature with the JWKS named by callemu's OIDC document. */
  private JWTClaimsSet verifiedWithPublishedKeys(String token) throws Exception {
    JsonNode oidc = getJson(origin + "/" + TENANT + "/v2.0/.well-known/openid-configuration");
    JWKSet keys = JWKSet.parse(getJson(oidc.path("jwks_uri").asText()).toString());
    SignedJWT jwt = SignedJWT.parse(token);
    RSAKey key = (RSAKey) keys.getKeyByKeyId(jwt.getHeader().getKeyID());
    assertThat(key).as("the token's kid is in the JWKS").isNotNull();
    assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
    return jwt.getJWTClaimsSet();
  }

  private static void assertGraphTokenClaims(Map<String, ?> claims) {
    assertThat(claims.get("aud")).isIn("https://graph.microsoft.com", List.of("https://graph.microsoft.com"));
    assertThat(claims.get("iss")).isEqualTo("https://sts.windows.net/" + TENANT + "/");
    assertThat(claims.get("tid")).isEqualTo(TENANT);
    assertThat(claims.get("appid")).isEqualTo(CLIENT_ID);
    assertThat(List.<Object>copyOf((List<?>) claims.get("roles")))
        .containsExactly("Calls.Initiate.All", "Calls.AccessMedia.All", "Calls.JoinGroupCall.All");
  }

  /** A token signed with the embedded callemu's own Entra key, with claims its token endpoint never issues. */
  private String minted(JwtClaims.Builder claims) {
    return SigningKey.loadOrCreate(dataDir.resolve(GraphIdentity.ENTRA_KEY_FILE)).sign(claims.build());
  }

  private static JwtClaims.Builder graphToken(Instant issued, Instant expires) {
    return JwtClaims.builder().audience(GraphAccessTokens.AUDIENCE).issuer(GraphAccessTokens.issuer(TENANT))
        .issuedAt(issued).notBefore(issued).expiresAt(expires).claim("tid", TENANT).claim("appid", CLIENT_ID);
  }

  // ---- JS: @azure/identity 4.14.1 + @microsoft/microsoft-graph-client 3.0.7 --------------------------

  @Test
  @DisplayName("GR-ID-001 JS ClientSecretCredential (authorityHost = callemu's https origin, instance discovery off) gets a token: GET openid-configuration, POST token, nothing else")
  void jsCredentialGetsAToken() throws Exception {
    NodeApp.Reply r = app.call("token", js());

    JsonNode result = r.result();
    assertThat(result.path("expiresOnTimestamp").asLong()).isGreaterThan(System.currentTimeMillis() + 3_000_000);
    List<String> requests = StreamSupport.stream(r.wire().spliterator(), false)
        .map(e -> e.path("method").asText() + " " + URI.create(e.path("url").asText()).getPath()).toList();
    assertThat(requests).containsExactly("GET /" + TENANT + "/v2.0/.well-known/openid-configuration",
        "POST /" + TENANT + "/oauth2/v2.0/token");
    assertThat(r.wire()).allSatisfy(e -> assertThat(e.path("url").asText()).startsWith(origin + "/"));
    assertGraphTokenClaims(verifiedWithPublishedKeys(result.path("token").asText()).getClaims());
  }

  @Test
  @DisplayName("GR-ID-002 the JS token verifies with jose against the jwks_uri of callemu's OIDC document (issuer, audience, RS256)")
  void jsTokenVerifiesWithJose() throws Exception {
    String token = app.call("token", js()).result().path("token").asText();
    JsonNode oidc = getJson(origin + "/" + TENANT + "/v2.0/.well-known/openid-configuration");

    JsonNode verified = app.call("verify", Map.of("token", token, "jwksUri", oidc.path("jwks_uri").asText(),
        "issuer", "https://sts.windows.net/" + TENANT + "/", "audience", "https://graph.microsoft.com")).result();

    assertThat(verified.path("header").path("alg").asText()).isEqualTo("RS256");
    assertThat(verified.path("payload").path("appid").asText()).isEqualTo(CLIENT_ID);
    assertThat(verified.path("payload").path("tid").asText()).isEqualTo(TENANT);
  }

  @Test
  @DisplayName("GR-ID-003 JS: a wrong secret fails as the credential reports AADSTS7000215 (invalid_client); an unknown client AADSTS700016")
  void jsWrongSecret() {
    JsonNode error = app.call("token", js("clientSecret", "wrong-secret")).error();
    assertThat(error.path("name").asText()).isEqualTo("AuthenticationRequiredError");
    assertThat(error.path("message").asText()).contains("invalid_client").contains("7000215");

    JsonNode unknown = app.call("token", js("clientId", UUID.randomUUID().toString())).error();
    assertThat(unknown.path("message").asText()).contains("unauthorized_client").contains("700016");
  }

  @Test
  @DisplayName("GR-ID-004 JS Graph client (customHosts, TokenCredentialAuthenticationProvider) sends the bearer to callemu: GET unknown call → GraphError 404 8522 with requestId and date from innerError")
  void jsGraphClientSendsTheToken() {
    NodeApp.Reply r = app.call("graphGet", js("path", "/communications/calls/" + UNKNOWN_CALL));

    JsonNode error = r.error();
    assertThat(error.path("name").asText()).isEqualTo("GraphError");
    assertThat(error.path("statusCode").asInt()).isEqualTo(404);
    assertThat(error.path("code").asText()).isEqualTo("8522");
    assertThat(error.path("message").asText()).isEqualTo("Call not found.");
    JsonNode graphExchange = StreamSupport.stream(r.wire().spliterator(), false)
        .filter(e -> e.path("client").asText().equals("graph")).reduce((a, b) -> b).orElseThrow();
    assertThat(graphExchange.path("url").asText()).isEqualTo(origin + "/v1.0/communications/calls/" + UNKNOWN_CALL);
    assertThat(graphExchange.path("requestHeaders").path("authorization").asText()).startsWith("Bearer ey");
    String requestId = graphExchange.path("responseHeaders").path("request-id").asText();
    assertThat(error.path("details").path("requestId").asText()).isEqualTo(requestId).isNotEmpty();
    assertThat(error.path("details").path("date").asText()).isNotEmpty();
    // The SDK's own client-request-id comes back in the envelope.
    assertThat(error.path("details").path("body").asText())
        .contains(graphExchange.path("requestHeaders").path("client-request-id").asText());
  }

  @Test
  @DisplayName("GR-ID-005 JS Graph client with an expired, a foreign and a role-less token → 401 InvalidAuthenticationToken, 401, 403 Forbidden")
  void jsRefusedTokens() {
    assumeThat(callemu.isEmbedded()).as("minting needs the embedded callemu's key").isTrue();
    Instant now = Instant.now();
    String expired = minted(graphToken(now.minusSeconds(7200), now.minusSeconds(3600)).claim("roles",
        GraphAccessTokens.ROLES));
    String foreign = SigningKey.generate().sign(graphToken(now, now.plusSeconds(3600))
        .claim("roles", GraphAccessTokens.ROLES).build());
    String roleless = minted(graphToken(now, now.plusSeconds(3600)));
    String path = "/communications/calls/" + UNKNOWN_CALL;

    JsonNode e1 = app.call("graphGet", js("path", path, "accessToken", expired)).error();
    assertThat(e1.path("statusCode").asInt()).isEqualTo(401);
    assertThat(e1.path("code").asText()).isEqualTo("InvalidAuthenticationToken");
    assertThat(e1.path("message").asText()).startsWith("Lifetime validation failed, the token is expired.");
    JsonNode e2 = app.call("graphGet", js("path", path, "accessToken", foreign)).error();
    assertThat(e2.path("statusCode").asInt()).isEqualTo(401);
    assertThat(e2.path("code").asText()).isEqualTo("InvalidAuthenticationToken");
    JsonNode e3 = app.call("graphGet", js("path", path, "accessToken", roleless)).error();
    assertThat(e3.path("statusCode").asInt()).isEqualTo(403);
    assertThat(e3.path("code").asText()).isEqualTo("Forbidden");
  }

  @Test
  @DisplayName("GR-ID-006 JS Graph client over plain http drops Authorization (official-clients.md 1.1): strict auth answers 401 'Access token is empty.'")
  void jsOverHttpSendsNoToken() {
    NodeApp.Reply r = app.call("graphGet", js("path", "/communications/calls/" + UNKNOWN_CALL,
        "baseUrl", callemu.httpEndpoint(), "authorityHost", origin));
    JsonNode error = r.error();
    assertThat(error.path("statusCode").asInt()).isEqualTo(401);
    assertThat(error.path("message").asText()).isEqualTo("Access token is empty.");
  }

  // ---- Java: azure-identity 1.18.1 + microsoft-graph 6.20.0 -----------------------------------------

  private TokenCredential javaCredential(String secret) {
    return GraphJavaSdk.credential(origin, TENANT, CLIENT_ID, secret, callemu.caPem());
  }

  @Test
  @DisplayName("GR-ID-101 Java ClientSecretCredential gets a token that Nimbus verifies against callemu's JWKS")
  void javaCredentialGetsAToken() throws Exception {
    AccessToken token = javaCredential(SECRET).getTokenSync(new TokenRequestContext()
        .addScopes(GraphJavaSdk.GRAPH_SCOPE));

    assertThat(token.getExpiresAt()).isAfter(OffsetDateTime.now().plusMinutes(50));
    assertGraphTokenClaims(verifiedWithPublishedKeys(token.getToken()).getClaims());
  }

  @Test
  @DisplayName("GR-ID-102 Java: a wrong secret fails with AADSTS7000215 as msal4j reports it")
  void javaWrongSecret() {
    assertThatThrownBy(() -> javaCredential("wrong-secret").getTokenSync(new TokenRequestContext()
        .addScopes(GraphJavaSdk.GRAPH_SCOPE)))
        .hasStackTraceContaining("AADSTS7000215");
  }

  @Test
  @DisplayName("GR-ID-103 Java Graph SDK (AzureIdentityAuthenticationProvider allowing callemu's host, setBaseUrl) → ODataError 404 8522 with innerError request ids and date")
  void javaGraphSendsTheToken() {
    GraphServiceClient graph = GraphJavaSdk.graph(javaCredential(SECRET), origin, callemu.caPem());

    ODataError error = org.junit.jupiter.api.Assertions.assertThrows(ODataError.class,
        () -> graph.communications().calls().byCallId(UNKNOWN_CALL).get());

    assertThat(error.getResponseStatusCode()).isEqualTo(404);
    assertThat(error.getError().getCode()).isEqualTo("8522");
    assertThat(error.getError().getMessage()).isEqualTo("Call not found.");
    assertThat(error.getError().getInnerError().getRequestId()).hasSize(36);
    assertThat(error.getError().getInnerError().getClientRequestId()).isNotBlank();
    assertThat(error.getError().getInnerError().getDate()).isNotNull();
  }

  /** A credential that hands out a fixed token, as a bot with a stale or stolen one would send it. */
  private static TokenCredential fixed(String token) {
    return request -> Mono.just(new AccessToken(token, OffsetDateTime.now().plusHours(1)));
  }

  @Test
  @DisplayName("GR-ID-104 Java Graph SDK with an expired, a foreign and a role-less token → ODataError 401, 401, 403")
  void javaRefusedTokens() {
    assumeThat(callemu.isEmbedded()).as("minting needs the embedded callemu's key").isTrue();
    Instant now = Instant.now();
    Map<String, Integer> expected = Map.of(
        minted(graphToken(now.minusSeconds(7200), now.minusSeconds(3600)).claim("roles", GraphAccessTokens.ROLES)), 401,
        SigningKey.generate().sign(graphToken(now, now.plusSeconds(3600)).claim("roles", GraphAccessTokens.ROLES)
            .build()), 401,
        minted(graphToken(now, now.plusSeconds(3600))), 403);
    expected.forEach((token, status) -> {
      GraphServiceClient graph = GraphJavaSdk.graph(fixed(token), origin, callemu.caPem());
      ODataError error = org.junit.jupiter.api.Assertions.assertThrows(ODataError.class,
          () -> graph.communications().calls().byCallId(UNKNOWN_CALL).get());
      assertThat(error.getResponseStatusCode()).isEqualTo(status);
      assertThat(error.getError().getCode()).isEqualTo(status == 401 ? "InvalidAuthenticationToken" : "Forbidden");
    });
  }
}
