package io.callemu.emulator.platform.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A key kept in the data dir survives restarts, is private to its owner and is made once. */
class SigningKeyTest {

  private static JwtClaims claims() {
    Instant now = Instant.now();
    return JwtClaims.builder().issuer("i").audience("a").expiresAt(now.plusSeconds(60)).build();
  }

  @Test
  void aKeptKeyIsTheSameKeyAfterARestart(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("keys/entra.jwk.json");
    SigningKey first = SigningKey.loadOrCreate(file);
    String token = first.sign(claims());

    SigningKey again = SigningKey.loadOrCreate(file);

    assertThat(again.keyId()).isEqualTo(first.keyId());
    assertThat(new JwtVerifier(List.of(again), Clock.systemUTC()).verify(token, JwtRules.of("i", "a")).issuer())
        .isEqualTo("i");
    assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    try (var files = Files.list(file.getParent())) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("entra.jwk.json", ".keys.lock");
    }
  }

  @Test
  void twoFilesAreTwoKeys(@TempDir Path dir) {
    assertThat(SigningKey.loadOrCreate(dir.resolve("a.json")).keyId())
        .isNotEqualTo(SigningKey.loadOrCreate(dir.resolve("b.json")).keyId());
  }

  @Test
  void anUnreadableFileIsReplacedByAFreshKey(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("k.json");
    Files.writeString(file, "{not a key");
    SigningKey fresh = SigningKey.loadOrCreate(file);
    assertThat(SigningKey.loadOrCreate(file).keyId()).isEqualTo(fresh.keyId());

    // A public key alone cannot sign: also replaced.
    Files.writeString(file, new com.nimbusds.jose.jwk.RSAKey.Builder(
        (java.security.interfaces.RSAPublicKey) java.security.KeyPairGenerator.getInstance("RSA").generateKeyPair()
            .getPublic()).build().toJSONString());
    assertThat(SigningKey.loadOrCreate(file).keyId()).isNotEqualTo(fresh.keyId());
  }

  @Test
  void threadsStartingTogetherAgreeOnOneKey(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("k.json");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<SigningKey>> keys = pool.invokeAll(List.<Callable<SigningKey>>of(
          () -> SigningKey.loadOrCreate(file), () -> SigningKey.loadOrCreate(file),
          () -> SigningKey.loadOrCreate(file), () -> SigningKey.loadOrCreate(file)));
      String kid = keys.get(0).get().keyId();
      for (Future<SigningKey> k : keys) {
        assertThat(k.get().keyId()).isEqualTo(kid);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void thePublishedKeyCarriesACertificateOfTheSameKey() throws Exception {
    SigningKey key = SigningKey.generate();
    com.nimbusds.jose.jwk.RSAKey published = com.nimbusds.jose.jwk.RSAKey.parse(key.publicJwk());
    java.security.cert.X509Certificate certificate = published.getParsedX509CertChain().get(0);

    assertThat(certificate.getPublicKey()).isEqualTo(published.toRSAPublicKey());
    certificate.verify(certificate.getPublicKey());
    assertThat(key.publicJwk()).containsKey("x5t");
    // A validator that takes the key from x5c[0] accepts the token.
    String token = key.sign(claims());
    assertThat(com.nimbusds.jwt.SignedJWT.parse(token).verify(new com.nimbusds.jose.crypto.RSASSAVerifier(
        (java.security.interfaces.RSAPublicKey) certificate.getPublicKey()))).isTrue();
  }

  @Test
  void theKeyIdIsTheThumbprint() throws Exception {
    SigningKey key = SigningKey.generate();
    assertThat(key.publicJwk()).containsEntry("kid", key.keyId()).containsEntry("kty", "RSA")
        .containsEntry("use", "sig").containsEntry("alg", "RS256").doesNotContainKey("d");
    assertThat(key.keyId()).isEqualTo(com.nimbusds.jose.jwk.RSAKey.parse(key.publicJwk()).computeThumbprint()
        .toString());
  }
}
