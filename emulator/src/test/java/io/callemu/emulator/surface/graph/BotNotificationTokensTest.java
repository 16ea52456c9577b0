package io.callemu.emulator.surface.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.callemu.emulator.Callemu;
import io.callemu.emulator.CallemuConfig;
import io.callemu.emulator.platform.jwt.SigningKeyFile;
import io.callemu.emulator.surface.graph.GraphHttp.Answer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A notification token verifies against the keys callemu publishes at the stand-in for the APS
 * OpenID configuration, by the rules of the .NET sample validator (reference A2.1), on both ports
 * and without the control token.
 */
class BotNotificationTokensTest {

  private static final String BOT = "b0b0b0b0-1111-4222-8333-444455556666";
  private static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";

  /** A clock the test moves. */
  private static final class MovableClock extends Clock {
    private Instant now = Instant.now();

    @Override
    public java.time.ZoneId getZone() {
      return java.time.ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private static String await(io.vertx.core.Future<String> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @Test
  void oneTokenServesABotForFiveMinutesThenItsSuccessorWhichWasSignedMeanwhile(@TempDir Path dataDir) throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      MovableClock clock = new MovableClock();
      BotNotificationTokens signer = new BotNotificationTokens(
          new SigningKeyFile(vertx, dataDir.resolve("k.json")), clock);
      String first = await(signer.sign(BOT, TENANT));

      clock.now = clock.now.plusSeconds(299);
      assertThat(await(signer.sign(BOT, TENANT))).isEqualTo(first);
      assertThat(await(signer.sign("another-bot", TENANT))).isNotEqualTo(first);
      assertThat(await(signer.sign(BOT, "another-tenant"))).isNotEqualTo(first);

      clock.now = clock.now.plusSeconds(2);
      // The old token (valid for 55 minutes more) while its successor is signed: no notification waits.
      io.vertx.core.Future<String> stillOld = signer.sign(BOT, TENANT);
      assertThat(stillOld.isComplete()).isTrue();
      assertThat(stillOld.result()).isEqualTo(first);
      String next = await(signer.renewal(BOT, TENANT));
      String renewed = await(signer.sign(BOT, TENANT));
      assertThat(renewed).isEqualTo(next).isNotEqualTo(first);
      assertThat(SignedJWT.parse(renewed).getJWTClaimsSet().getExpirationTime().toInstant())
          .isEqualTo(clock.now.plusSeconds(3600).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    } finally {
      vertx.close();
    }
  }

  @Test
  void aNotificationTokenVerifiesAgainstThePublishedKeys(@TempDir Path dataDir) throws Exception {
    try (Callemu callemu = Callemu.start(CallemuConfig.defaults().withPort(0).withHttpsPort(0).withDataDir(dataDir)
        .withControlToken("ctl"))) {
      GraphHttp http = new GraphHttp(callemu);
      Vertx vertx = Vertx.vertx();
      String token;
      try {
        // The signer of a running callemu uses this file too: the same key.
        BotNotificationTokens signer = new BotNotificationTokens(
            new SigningKeyFile(vertx, dataDir.resolve(GraphIdentity.NOTIFICATION_KEY_FILE)), Clock.systemUTC());
        token = signer.sign(BOT, TENANT).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      } finally {
        vertx.close();
      }

      for (Answer config : new Answer[] {
          http.http("GET", BotNotificationTokens.OPENID_CONFIGURATION, null, null, Map.of()),
          http.https("GET", BotNotificationTokens.OPENID_CONFIGURATION, null, null, Map.of())}) {
        assertThat(config.status()).isEqualTo(200);
        JsonObject doc = config.json();
        assertThat(doc.getString("issuer")).isEqualTo("https://api.botframework.com");
        String jwksUri = doc.getString("jwks_uri");
        assertThat(jwksUri).isIn(callemu.httpUrl() + BotNotificationTokens.KEYS,
            callemu.httpsUrl() + BotNotificationTokens.KEYS);

        JWKSet keys = JWKSet.parse(http.get(jwksUri, Map.of()).body());
        SignedJWT jwt = SignedJWT.parse(token);
        RSAKey key = (RSAKey) keys.getKeyByKeyId(jwt.getHeader().getKeyID());
        assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo("https://api.botframework.com");
        assertThat(claims.getAudience()).containsExactly(BOT);
        assertThat(claims.getStringClaim("tid")).isEqualTo(TENANT);
        assertThat(claims.getStringClaim("http://schemas.microsoft.com/identity/claims/tenantid")).isEqualTo(TENANT);
        Instant now = Instant.now();
        assertThat(claims.getNotBeforeTime().toInstant()).isBefore(now);
        assertThat(claims.getExpirationTime().toInstant()).isAfter(now.plusSeconds(3000));
      }
      // The notification key is not the Entra ID key: a Graph access token's key does not verify it.
      JWKSet entra = JWKSet.parse(http.https("GET", "/" + TENANT + "/discovery/v2.0/keys", null, null, Map.of()).body());
      assertThat(entra.getKeyByKeyId(SignedJWT.parse(token).getHeader().getKeyID())).isNull();
      // The rest of /_emulator still needs the control token.
      assertThat(http.http("GET", "/_emulator/calls", null, null, Map.of()).status()).isEqualTo(401);
    }
  }
}
