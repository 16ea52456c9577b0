package io.callemu.emulator.surface.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.callemu.emulator.Callemu;
import io.callemu.emulator.CallemuConfig;
import io.callemu.emulator.platform.jwt.JwtClaims;
import io.callemu.emulator.platform.jwt.SigningKey;
import io.callemu.emulator.surface.graph.GraphHttp.Answer;
import io.callemu.emulator.surface.graph.identity.GraphAccessTokens;
import io.callemu.emulator.surface.graph.identity.RegisteredApps;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Graph request authentication (strict and lenient) and the Graph error envelope, through the
 * calls API's GET on both ports: every refusal is the envelope of reference A12.
 */
class GraphAuthTest {

  private static final String TENANT = "contoso.onmicrosoft.com";
  private static final String CALL = "/v1.0/communications/calls/9f2c7a1e-0000-4000-8000-000000000001";

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

  @AfterEach
  void strictAgain() {
    setAuth("strict");
  }

  private static void setAuth(String mode) {
    assertThat(http.http("POST", "/_emulator/settings", "application/json",
        new JsonObject().put(GraphAuthSettings.AUTH.key(), mode).encode(), Map.of()).status()).isEqualTo(200);
  }

  private static String token() {
    Answer a = http.https("POST", "/" + TENANT + "/oauth2/v2.0/token", "application/x-www-form-urlencoded",
        IdentityStandInTest.form("grant_type", "client_credentials", "client_id", RegisteredApps.WELL_KNOWN_CLIENT_ID,
            "client_secret", RegisteredApps.WELL_KNOWN_CLIENT_SECRET, "scope", "https://graph.microsoft.com/.default"),
        Map.of());
    assertThat(a.status()).as(a.body()).isEqualTo(200);
    return a.json().getString("access_token");
  }

  /** A token signed with callemu's own Entra key from the data dir, with claims the token endpoint never issues. */
  private static String minted(JwtClaims claims) {
    return SigningKey.loadOrCreate(dataDir.resolve(GraphIdentity.ENTRA_KEY_FILE)).sign(claims);
  }

  private static JwtClaims.Builder like(Instant now) {
    return JwtClaims.builder().audience(GraphAccessTokens.AUDIENCE).issuer(GraphAccessTokens.issuer(TENANT))
        .issuedAt(now).notBefore(now).expiresAt(now.plusSeconds(3600)).claim("tid", TENANT)
        .claim("appid", RegisteredApps.WELL_KNOWN_CLIENT_ID);
  }

  private static Answer getCall(String authorization) {
    Map<String, String> headers = authorization == null
        ? Map.of("client-request-id", "c1c2c3c4-0000-4000-8000-000000000009")
        : Map.of("Authorization", authorization, "client-request-id", "c1c2c3c4-0000-4000-8000-000000000009");
    return http.https("GET", CALL, null, null, headers);
  }

  private static JsonObject assertEnvelope(Answer a, int status, String code) {
    assertThat(a.status()).as(a.body()).isEqualTo(status);
    JsonObject error = a.json().getJsonObject("error");
    assertThat(error.getString("code")).isEqualTo(code);
    assertThat(error.getString("message")).isNotBlank();
    JsonObject inner = error.getJsonObject("innerError");
    assertThat(inner.getString("date")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d");
    assertThat(inner.getString("request-id")).isEqualTo(a.header("request-id")).hasSize(36);
    assertThat(inner.getString("client-request-id")).isEqualTo("c1c2c3c4-0000-4000-8000-000000000009")
        .isEqualTo(a.header("client-request-id"));
    return error;
  }

  @Test
  void aTokenFromTheTokenEndpointPassesAndTheUnknownCallIs404InTheEnvelope() {
    JsonObject error = assertEnvelope(getCall("Bearer " + token()), 404, "8522");
    assertThat(error.getString("message")).isEqualTo("Call not found.");
    // The same token works on the plain HTTP port and on the beta roots.
    String token = token();
    assertThat(http.http("GET", CALL, null, null, Map.of("Authorization", "Bearer " + token)).status()).isEqualTo(404);
    assertThat(http.https("GET", "/beta/app/calls/x", null, null, Map.of("Authorization", "Bearer " + token)).status())
        .isEqualTo(404);
  }

  @Test
  void noTokenIs401InvalidAuthenticationTokenWithAChallenge() {
    Answer a = getCall(null);
    JsonObject error = assertEnvelope(a, 401, "InvalidAuthenticationToken");
    assertThat(error.getString("message")).isEqualTo("Access token is empty.");
    assertThat(a.header("WWW-Authenticate")).startsWith("Bearer");
    assertEnvelope(getCall("Bearer "), 401, "InvalidAuthenticationToken");
    assertEnvelope(getCall("Basic dXNlcjpwYXNz"), 401, "InvalidAuthenticationToken");
  }

  @Test
  void malformedForeignExpiredAndMisaddressedTokensAre401() {
    Instant now = Instant.now();
    assertThat(assertEnvelope(getCall("Bearer not-a-jwt"), 401, "InvalidAuthenticationToken").getString("message"))
        .contains("not a JWT");
    assertThat(assertEnvelope(getCall("Bearer " + SigningKey.generate().sign(like(now).claim("roles",
        GraphAccessTokens.ROLES).build())), 401, "InvalidAuthenticationToken").getString("message"))
        .contains("not one of this issuer's keys");
    assertThat(assertEnvelope(getCall("Bearer " + minted(like(now.minusSeconds(7200)).claim("roles",
        GraphAccessTokens.ROLES).build())), 401, "InvalidAuthenticationToken").getString("message"))
        .startsWith("Lifetime validation failed, the token is expired.");
    assertThat(assertEnvelope(getCall("Bearer " + minted(like(now).audience("api://someone-else").claim("roles",
        GraphAccessTokens.ROLES).build())), 401, "InvalidAuthenticationToken").getString("message"))
        .contains("Invalid audience");
    // iss of another tenant than tid
    assertEnvelope(getCall("Bearer " + minted(like(now).issuer(GraphAccessTokens.issuer("other-tenant"))
        .claim("roles", GraphAccessTokens.ROLES).build())), 401, "InvalidAuthenticationToken");
  }

  @Test
  void aTokenWithoutACallsRoleIs403Forbidden() {
    JsonObject error = assertEnvelope(getCall("Bearer " + minted(like(Instant.now())
        .claim("roles", List.of("User.Read.All")).build())), 403, "Forbidden");
    assertThat(error.getString("message")).contains(RegisteredApps.WELL_KNOWN_CLIENT_ID).contains("Calls.AccessMedia.All");
    assertEnvelope(getCall("Bearer " + minted(like(Instant.now()).build())), 403, "Forbidden");
  }

  @Test
  void lenientAcceptsAnyBearerOrNone() {
    setAuth("lenient");
    assertEnvelope(getCall(null), 404, "8522");
    assertEnvelope(getCall("Bearer whatever"), 404, "8522");
    assertEnvelope(getCall("Bearer " + SigningKey.generate().sign(like(Instant.now()).build())), 404, "8522");
  }

  @Test
  void theAuthSettingsAreListedAndCheckedAndAClientRequestIdIsInventedWhenMissing() {
    JsonObject listing = http.http("GET", "/_emulator/settings", null, null, Map.of()).json();
    assertThat(listing.getJsonArray("settings").stream().map(o -> ((JsonObject) o).getString("key")))
        .contains(GraphAuthSettings.AUTH.key(), GraphAuthSettings.CLOCK_SKEW_SECONDS.key());
    assertThat(http.http("POST", "/_emulator/settings", "application/json",
        new JsonObject().put(GraphAuthSettings.AUTH.key(), "none").encode(), Map.of()).status()).isEqualTo(400);

    Answer a = http.https("GET", CALL, null, null, Map.of());
    assertThat(a.header("client-request-id")).isEqualTo(a.header("request-id"));
  }

  @Test
  void aBadCreateIs400BadRequestNamingTheFieldOnceTheTokenPassesAndUnauthenticatedIs401First() {
    Map<String, String> ids = Map.of("client-request-id", "c1c2c3c4-0000-4000-8000-000000000009");
    assertEnvelope(http.https("POST", "/v1.0/communications/calls", "application/json", "{}", ids), 401,
        "InvalidAuthenticationToken");
    Answer a = http.https("POST", "/v1.0/communications/calls", "application/json", "{}",
        Map.of("Authorization", "Bearer " + token(), "client-request-id", "c1c2c3c4-0000-4000-8000-000000000009"));
    assertThat(assertEnvelope(a, 400, "BadRequest").getString("message")).isEqualTo("callbackUri is required");
  }

  @Test
  void anAnswerWithAForeignOrExpiredTokenIs401AndTheCallStaysIncoming() {
    Answer offered = http.http("POST", "/_emulator/graph/incoming-calls", "application/json",
        new JsonObject().put("callbackUri", "http://127.0.0.1:9/bot").put("from", "+15551234567").encode(), Map.of());
    assertThat(offered.status()).as(offered.body()).isEqualTo(201);
    String call = "/v1.0/communications/calls/" + offered.json().getString("id");
    String answer = "{\"acceptedModalities\":[\"audio\"],\"mediaConfig\":{\"@odata.type\":"
        + "\"#microsoft.graph.serviceHostedMediaConfig\"}}";
    Instant now = Instant.now();
    for (String token : List.of(SigningKey.generate().sign(like(now).claim("roles", GraphAccessTokens.ROLES).build()),
        minted(like(now.minusSeconds(7200)).expiresAt(now.minusSeconds(3600)).claim("roles",
            GraphAccessTokens.ROLES).build()))) {
      Answer refused = http.https("POST", call + "/answer", "application/json", answer,
          Map.of("Authorization", "Bearer " + token, "client-request-id", "c1c2c3c4-0000-4000-8000-000000000009"));
      assertEnvelope(refused, 401, "InvalidAuthenticationToken");
    }
    Answer still = http.https("GET", call, null, null, Map.of("Authorization", "Bearer " + token()));
    assertThat(still.json().getString("state")).isEqualTo("incoming");
  }

  @Test
  void recordResponseNeedsTheMediaRoleWhilePlayPromptNeedsAnyCallsRole() {
    Instant now = Instant.now();
    String initiateOnly = minted(like(now).claim("roles", java.util.List.of("Calls.Initiate.All")).build());
    Map<String, String> headers = Map.of("Authorization", "Bearer " + initiateOnly,
        "client-request-id", "c1c2c3c4-0000-4000-8000-000000000009");
    assertEnvelope(http.https("POST", CALL + "/recordResponse", "application/json", "{}", headers), 403, "Forbidden");
    assertEnvelope(http.https("POST", CALL + "/playPrompt", "application/json", "{}", headers), 404, "8522");
  }

  @Test
  void pathsGraphDoesNotHaveAre400ResourceNotFound() {
    Answer a = http.https("GET", "/v1.0/me/drive", null, null, Map.of("client-request-id",
        "c1c2c3c4-0000-4000-8000-000000000009"));
    assertThat(assertEnvelope(a, 400, "BadRequest").getString("message"))
        .isEqualTo("Resource not found for the segment 'me'.");
  }
}
