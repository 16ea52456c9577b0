package io.callemu.emulator.platform.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.callemu.emulator.platform.jwt.JwtRejected.Reason;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issuing and verifying: every check of {@link JwtVerifier} refuses what it must and nothing more. */
class JwtVerifierTest {

  private static final SigningKey KEY = SigningKey.generate();
  private static final SigningKey OTHER = SigningKey.generate();
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private static final JwtVerifier VERIFIER = new JwtVerifier(List.of(KEY), Clock.fixed(NOW, ZoneOffset.UTC));
  private static final JwtRules RULES = JwtRules.of("https://issuer.example/", "api://callemu")
      .withClockSkew(Duration.ofSeconds(60));

  private static JwtClaims.Builder valid() {
    return JwtClaims.builder().issuer("https://issuer.example/").audience("api://callemu").subject("app")
        .issuedAt(NOW.minusSeconds(10)).notBefore(NOW.minusSeconds(10)).expiresAt(NOW.plusSeconds(3600));
  }

  private static Reason rejection(String token, JwtRules rules) {
    try {
      VERIFIER.verify(token, rules);
    } catch (JwtRejected e) {
      return e.reason();
    }
    throw new AssertionError("accepted: " + token);
  }

  @Test
  void aSignedTokenVerifiesAndKeepsItsClaims() throws Exception {
    String token = KEY.sign(valid().claim("roles", List.of("A", "B")).claim("tid", "t1").build());

    JwtClaims claims = VERIFIER.verify(token, RULES);

    assertThat(claims.issuer()).isEqualTo("https://issuer.example/");
    assertThat(claims.audience()).containsExactly("api://callemu");
    assertThat(claims.subject()).isEqualTo("app");
    assertThat(claims.expiresAt()).isEqualTo(NOW.plusSeconds(3600));
    assertThat(claims.notBefore()).isEqualTo(NOW.minusSeconds(10));
    assertThat(claims.strings("roles")).containsExactly("A", "B");
    assertThat(claims.string("tid")).isEqualTo("t1");
    assertThat(claims.strings("tid")).containsExactly("t1");
    assertThat(claims.string("roles")).isNull();
    assertThat(claims.strings("absent")).isEmpty();
  }

  @Test
  void theHeaderNamesRs256TheJwtTypeAndTheKeyId() throws Exception {
    String token = KEY.sign(valid().build());
    String header = new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8);

    assertThat(header).contains("\"alg\":\"RS256\"").contains("\"typ\":\"JWT\"")
        .contains("\"kid\":\"" + KEY.keyId() + "\"");
    // One audience is written as a string, as Entra ID writes it.
    String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
    assertThat(payload).contains("\"aud\":\"api://callemu\"");
  }

  @Test
  void theJwksVerifiesTheTokenWithoutThePrivateKey() throws Exception {
    String token = KEY.sign(valid().build());
    JWKSet published = JWKSet.parse(Jwks.of(List.of(KEY, OTHER)));

    RSAKey jwk = (RSAKey) published.getKeyByKeyId(KEY.keyId());
    assertThat(jwk.isPrivate()).isFalse();
    assertThat(published.getKeys()).hasSize(2).allMatch(k -> !k.isPrivate());
    assertThat(Jwks.of(List.of(KEY)).toString()).doesNotContain("\"d\"");
    assertThat(SignedJWT.parse(token).verify(new RSASSAVerifier(jwk))).isTrue();
  }

  @Test
  void expiryAndNotBeforeAllowTheSkewAndNoMore() {
    assertThat(accepted(valid().expiresAt(NOW.minusSeconds(60)).build())).isTrue();
    assertThat(rejection(KEY.sign(valid().expiresAt(NOW.minusSeconds(61)).build()), RULES)).isEqualTo(Reason.EXPIRED);
    assertThat(accepted(valid().notBefore(NOW.plusSeconds(60)).build())).isTrue();
    assertThat(rejection(KEY.sign(valid().notBefore(NOW.plusSeconds(61)).build()), RULES))
        .isEqualTo(Reason.NOT_YET_VALID);
    JwtClaims noExpiry = JwtClaims.builder().issuer("https://issuer.example/").audience("api://callemu").build();
    assertThat(rejection(KEY.sign(noExpiry), RULES)).isEqualTo(Reason.EXPIRED);
  }

  private static boolean accepted(JwtClaims claims) {
    try {
      VERIFIER.verify(KEY.sign(claims), RULES);
      return true;
    } catch (JwtRejected e) {
      return false;
    }
  }

  @Test
  void issuerAudienceAndRequiredClaimsAreChecked() {
    assertThat(rejection(KEY.sign(valid().issuer("https://elsewhere/").build()), RULES)).isEqualTo(Reason.WRONG_ISSUER);
    assertThat(rejection(KEY.sign(valid().audience("api://other").build()), RULES)).isEqualTo(Reason.WRONG_AUDIENCE);
    assertThat(accepted(valid().audience("api://other", "api://callemu").build())).isTrue();
    assertThat(rejection(KEY.sign(valid().build()), RULES.requiring("tid"))).isEqualTo(Reason.MISSING_CLAIM);
    JwtRules byPattern = RULES.withIssuer(iss -> iss.startsWith("https://issuer."), "an issuer.* URL");
    assertThat(rejection(KEY.sign(valid().issuer("https://nope/").build()), byPattern)).isEqualTo(Reason.WRONG_ISSUER);
  }

  @Test
  void anotherKeysTokenIsForeign() {
    String foreign = OTHER.sign(valid().build());
    assertThat(rejection(foreign, RULES)).isEqualTo(Reason.UNKNOWN_KEY);

    // The same kid with someone else's signature: a forgery.
    String[] mine = KEY.sign(valid().build()).split("\\.");
    String[] theirs = foreign.split("\\.");
    assertThat(rejection(mine[0] + "." + mine[1] + "." + theirs[2], RULES)).isEqualTo(Reason.BAD_SIGNATURE);
  }

  @Test
  void anAlteredPayloadFailsTheSignature() {
    String[] parts = KEY.sign(valid().build()).split("\\.");
    String otherPayload = KEY.sign(valid().subject("admin").build()).split("\\.")[1];
    assertThat(rejection(parts[0] + "." + otherPayload + "." + parts[2], RULES)).isEqualTo(Reason.BAD_SIGNATURE);
  }

  @Test
  void unsignedAndHmacTokensAreRefused() throws Exception {
    String claims = valid().build().set().toPayload().toBase64URL().toString();
    String none = Base64.getUrlEncoder().withoutPadding()
        .encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "." + claims + ".";
    assertThat(rejection(none, RULES)).isIn(Reason.MALFORMED, Reason.UNSUPPORTED_ALGORITHM);

    SignedJWT hmac = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(KEY.keyId()).build(),
        JWTClaimsSet.parse(valid().build().toMap()));
    hmac.sign(new MACSigner(new byte[32]));
    assertThat(rejection(hmac.serialize(), RULES)).isEqualTo(Reason.UNSUPPORTED_ALGORITHM);
  }

  @Test
  void garbageIsMalformed() {
    for (String token : new String[] {"", "abc", "a.b.c", "eyJhbGciOiJSUzI1NiJ9.bm90IGpzb24.c2ln"}) {
      assertThat(rejection(token, RULES)).as(token).isEqualTo(Reason.MALFORMED);
    }
  }

  @Test
  void foreignMeansNotThisIssuersToken() {
    assertThat(new JwtRejected(Reason.UNKNOWN_KEY, "x").foreign()).isTrue();
    assertThat(new JwtRejected(Reason.BAD_SIGNATURE, "x").foreign()).isTrue();
    assertThat(new JwtRejected(Reason.EXPIRED, "x").foreign()).isFalse();
  }

  @Test
  void registeredClaimsGoThroughTheirOwnMethods() {
    assertThatThrownBy(() -> JwtClaims.builder().claim("exp", 1)).isInstanceOf(IllegalArgumentException.class);
  }
}
