package io.callemu.emulator.surface.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.callemu.emulator.Callemu;
import io.callemu.emulator.CallemuConfig;
import io.callemu.emulator.surface.graph.GraphHttp.Answer;
import io.callemu.emulator.surface.graph.identity.RegisteredApps;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Entra ID stand-in over real HTTPS: what the official credentials need (official-clients.md
 * 2 and 3) and the documented refusals for everything else.
 */
class IdentityStandInTest {

  private static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
  private static final String FORM = "application/x-www-form-urlencoded";
  private static final String GRAPH_SCOPE = "https://graph.microsoft.com/.default";

  @TempDir
  static Path dataDir;
  private static Callemu callemu;
  private static GraphHttp http;

  @BeforeAll
  static void start() {
    callemu = Callemu.start(CallemuConfig.defaults().withPort(0).withHttpsPort(0).withDataDir(dataDir));
    http = new GraphHttp(callemu);
  }

  @AfterAll
  static void stop() {
    callemu.close();
  }

  static String form(String... pairs) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < pairs.length; i += 2) {
      if (b.length() > 0) {
        b.append('&');
      }
      b.append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8)).append('=')
          .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
    }
    return b.toString();
  }

  private static String wellKnownForm() {
    return form("client_id", RegisteredApps.WELL_KNOWN_CLIENT_ID, "scope", GRAPH_SCOPE,
        "grant_type", "client_credentials", "client_secret", RegisteredApps.WELL_KNOWN_CLIENT_SECRET);
  }

  private static Answer token(String body) {
    return http.https("POST", "/" + TENANT + "/oauth2/v2.0/token", FORM, body, Map.of());
  }

  private static void assertEntraError(Answer a, int status, String error, int code) {
    assertThat(a.status()).as(a.body()).isEqualTo(status);
    JsonObject body = a.json();
    assertThat(body.getString("error")).isEqualTo(error);
    assertThat(body.getJsonArray("error_codes")).containsExactly(code);
    assertThat(body.getString("error_description")).startsWith("AADSTS" + code + ": ").contains("Trace ID: ")
        .contains("Correlation ID: ").contains("Timestamp: ");
    assertThat(body.getString("timestamp")).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\dZ");
    assertThat(body.getString("trace_id")).isNotBlank();
  }

  @Test
  void theOpenIdDocumentNamesTheEndpointsOnTheOriginTheClientUsed() {
    Answer a = http.https("GET", "/" + TENANT + "/v2.0/.well-known/openid-configuration", null, null, Map.of());

    assertThat(a.status()).isEqualTo(200);
    String base = callemu.httpsUrl() + "/" + TENANT;
    JsonObject doc = a.json();
    assertThat(doc.getString("issuer")).isEqualTo(base + "/v2.0");
    assertThat(doc.getString("token_endpoint")).isEqualTo(base + "/oauth2/v2.0/token");
    assertThat(doc.getString("jwks_uri")).isEqualTo(base + "/discovery/v2.0/keys");
    assertThat(doc.getString("authorization_endpoint")).isEqualTo(base + "/oauth2/v2.0/authorize");
    assertThat(doc.getJsonArray("id_token_signing_alg_values_supported")).containsExactly("RS256");
  }

  @Test
  void theStandInIsNotServedOverPlainHttp() {
    for (String path : List.of("/" + TENANT + "/v2.0/.well-known/openid-configuration",
        "/" + TENANT + "/discovery/v2.0/keys", "/" + TENANT + "/oauth2/v2.0/token")) {
      Answer a = http.http(path.endsWith("token") ? "POST" : "GET", path, FORM, wellKnownForm(), Map.of());
      assertThat(a.status()).as(path).isEqualTo(404);
      assertThat(a.json().getString("error_description")).contains("HTTPS port only");
      assertThat(a.body()).doesNotContain("access_token");
    }
  }

  @Test
  void theWellKnownAppGetsAGraphTokenThatTheJwksVerifies() throws Exception {
    Instant before = Instant.now();
    Answer a = token(wellKnownForm());

    assertThat(a.status()).as(a.body()).isEqualTo(200);
    JsonObject body = a.json();
    assertThat(body.fieldNames()).containsExactlyInAnyOrder("token_type", "expires_in", "access_token");
    assertThat(body.getString("token_type")).isEqualTo("Bearer");
    assertThat(body.getInteger("expires_in")).isEqualTo(3599);
    assertThat(a.header("Cache-Control")).contains("no-store");

    SignedJWT jwt = SignedJWT.parse(body.getString("access_token"));
    JWKSet keys = JWKSet.parse(http.https("GET", "/" + TENANT + "/discovery/v2.0/keys", null, null, Map.of()).body());
    RSAKey key = (RSAKey) keys.getKeyByKeyId(jwt.getHeader().getKeyID());
    assertThat(key).isNotNull();
    assertThat(key.isPrivate()).isFalse();
    assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
    JWTClaimsSet claims = jwt.getJWTClaimsSet();
    assertThat(claims.getAudience()).containsExactly("https://graph.microsoft.com");
    assertThat(claims.getIssuer()).isEqualTo("https://sts.windows.net/" + TENANT + "/");
    assertThat(claims.getStringClaim("tid")).isEqualTo(TENANT);
    assertThat(claims.getStringClaim("appid")).isEqualTo(RegisteredApps.WELL_KNOWN_CLIENT_ID);
    assertThat(claims.getStringListClaim("roles"))
        .containsExactly("Calls.Initiate.All", "Calls.AccessMedia.All", "Calls.JoinGroupCall.All");
    assertThat(claims.getExpirationTime().toInstant())
        .isBetween(before.plusSeconds(3599), Instant.now().plusSeconds(3601));
  }

  @Test
  void theJavaClientsFormWithOpenIdScopesClaimsAndClientInfoIsAccepted() {
    Answer a = token(form("claims", "{\"access_token\":{\"xms_cc\":{\"values\":[\"CP1\"]}}}", "client_info", "1",
        "grant_type", "client_credentials", "scope", GRAPH_SCOPE + " openid profile offline_access",
        "client_id", RegisteredApps.WELL_KNOWN_CLIENT_ID, "client_secret", RegisteredApps.WELL_KNOWN_CLIENT_SECRET));
    assertThat(a.status()).as(a.body()).isEqualTo(200);
  }

  @Test
  void httpBasicCredentialsWork() {
    String basic = Base64.getEncoder().encodeToString((RegisteredApps.WELL_KNOWN_CLIENT_ID + ":"
        + RegisteredApps.WELL_KNOWN_CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
    Answer a = http.https("POST", "/" + TENANT + "/oauth2/v2.0/token", FORM,
        form("grant_type", "client_credentials", "scope", "00000003-0000-0000-c000-000000000000/.default"),
        Map.of("Authorization", "Basic " + basic));
    assertThat(a.status()).as(a.body()).isEqualTo(200);
  }

  @Test
  void aWrongSecretIsInvalidClient7000215WithTheClientsCorrelationId() {
    Answer a = http.https("POST", "/" + TENANT + "/oauth2/v2.0/token", FORM,
        form("client_id", RegisteredApps.WELL_KNOWN_CLIENT_ID, "scope", GRAPH_SCOPE,
            "grant_type", "client_credentials", "client_secret", "not-the-secret"),
        Map.of("client-request-id", "0b0e2c3d-1111-4222-8333-444455556666"));

    assertEntraError(a, 401, "invalid_client", 7000215);
    assertThat(a.json().getString("correlation_id")).isEqualTo("0b0e2c3d-1111-4222-8333-444455556666");
    assertThat(a.body()).doesNotContain("not-the-secret");
  }

  @Test
  void eachMistakeGetsItsDocumentedCode() {
    String id = RegisteredApps.WELL_KNOWN_CLIENT_ID;
    String secret = RegisteredApps.WELL_KNOWN_CLIENT_SECRET;
    assertEntraError(http.https("POST", "/" + TENANT + "/oauth2/v2.0/token", "application/json",
        new JsonObject().put("grant_type", "client_credentials").encode(), Map.of()), 400, "invalid_request", 900144);
    assertEntraError(token(form("grant_type", "password", "client_id", id)), 400, "unsupported_grant_type", 70003);
    assertEntraError(token(form("grant_type", "client_credentials", "scope", GRAPH_SCOPE)), 400, "invalid_request",
        900144);
    assertEntraError(token(form("grant_type", "client_credentials", "client_id", id, "client_secret", secret)), 400,
        "invalid_request", 900144);
    assertEntraError(token(form("grant_type", "client_credentials", "client_id", id, "client_secret", secret,
        "scope", "https://graph.microsoft.com/Calls.Initiate.All")), 400, "invalid_scope", 1002012);
    assertEntraError(token(form("grant_type", "client_credentials", "client_id", id, "client_secret", secret,
        "scope", GRAPH_SCOPE + " https://vault.azure.net/.default")), 400, "invalid_scope", 700022);
    assertEntraError(token(form("grant_type", "client_credentials", "client_id", id, "client_secret", secret,
        "scope", "https://vault.azure.net/.default")), 400, "invalid_resource", 500011);
    assertEntraError(token(form("grant_type", "client_credentials", "client_id", "11111111-2222-3333-4444-555555555555",
        "client_secret", secret, "scope", GRAPH_SCOPE)), 400, "unauthorized_client", 700016);
    assertEntraError(token(form("grant_type", "client_credentials", "client_id", id, "scope", GRAPH_SCOPE)), 401,
        "invalid_client", 7000218);
    assertEntraError(token(form("grant_type", "client_credentials", "client_id", id, "scope", GRAPH_SCOPE,
        "client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
        "client_assertion", "eyJ.x.y")), 401, "invalid_client", 700027);
    assertEntraError(http.https("GET", "/" + TENANT + "/oauth2/v2.0/token", null, null, Map.of()), 400,
        "invalid_request", 900561);
    assertEntraError(http.https("GET", "/" + TENANT + "/oauth2/v2.0/authorize?client_id=x", null, null, Map.of()),
        400, "unsupported_response_type", 70005);
  }

  @Test
  void malformedFormsAndTenantsAreRefused() {
    assertEntraError(token("grant_type=client_credentials&scope=%zz"), 400, "invalid_request", 9002313);
    assertEntraError(token(wellKnownForm() + "&scope=" + GRAPH_SCOPE), 400, "invalid_request", 9002313);
    assertEntraError(token(wellKnownForm() + "&pad=" + "x".repeat(70_000)), 400, "invalid_request", 9002313);
    assertEntraError(http.https("POST", "/bad%20tenant/oauth2/v2.0/token", FORM, wellKnownForm(), Map.of()), 400,
        "invalid_request", 900023);
    assertEntraError(http.https("POST", "/common/oauth2/v2.0/token", FORM, wellKnownForm(), Map.of()), 400,
        "invalid_request", 9001023);
    // A domain name is a tenant too.
    assertThat(http.https("POST", "/contoso.onmicrosoft.com/oauth2/v2.0/token", FORM, wellKnownForm(), Map.of())
        .status()).isEqualTo(200);
  }

  @Test
  void everyAnswerIsJournalledWithoutSecretsOrTokens() {
    token(wellKnownForm());
    token(form("grant_type", "client_credentials", "client_id", RegisteredApps.WELL_KNOWN_CLIENT_ID,
        "scope", GRAPH_SCOPE, "client_secret", "a-wrong-secret"));

    JsonArray events = http.http("GET", "/_emulator/events", null, null, Map.of()).json().getJsonArray("events");
    List<JsonObject> entra = events.stream().map(JsonObject.class::cast)
        .filter(e -> "entra".equals(e.getString("surface"))).toList();
    assertThat(entra).anySatisfy(e -> assertThat(e.getInteger("status")).isEqualTo(200))
        .anySatisfy(e -> assertThat(e.getInteger("errorCode")).isEqualTo(7000215));
    assertThat(events.encode()).doesNotContain("a-wrong-secret").doesNotContain(RegisteredApps.WELL_KNOWN_CLIENT_SECRET)
        .doesNotContain("eyJ");
  }

  @Test
  void withGraphAppsOnlyThoseAppsGetTokens(@TempDir Path otherDir) {
    try (Callemu custom = Callemu.start(CallemuConfig.defaults().withPort(0).withHttpsPort(0).withDataDir(otherDir)
        .withGraphApp("11111111-2222-3333-4444-555555555555:s3cret:with:colons"))) {
      GraphHttp h = new GraphHttp(custom);
      Answer mine = h.https("POST", "/" + TENANT + "/oauth2/v2.0/token", FORM, form("grant_type", "client_credentials",
          "client_id", "11111111-2222-3333-4444-555555555555", "client_secret", "s3cret:with:colons",
          "scope", GRAPH_SCOPE), Map.of());
      assertThat(mine.status()).as(mine.body()).isEqualTo(200);
      assertEntraError(h.https("POST", "/" + TENANT + "/oauth2/v2.0/token", FORM, wellKnownForm(), Map.of()), 400,
          "unauthorized_client", 700016);
    }
  }
}
