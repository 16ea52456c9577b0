package io.callemu.emulator.platform.jwt;

import io.callemu.emulator.platform.datadir.DataFiles;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.text.ParseException;
import java.util.List;
import java.util.Map;

/**
 * One RS256 signing key: a 2048-bit RSA key pair whose key id ({@code kid}) is its RFC 7638 JWK
 * thumbprint, so the same key always has the same id. It signs tokens and publishes its public
 * half as a JWK; {@link JwtVerifier} checks tokens against it.
 *
 * <p>Making a key is slow (tens to hundreds of milliseconds) and {@link #loadOrCreate} touches the
 * disk: call both off the event loop.
 */
public final class SigningKey {

  /** RSA 2048: what Entra ID and the Bot Framework publish, and what every JWT library verifies. */
  static final int BITS = 2048;
  private static final String LOCK_FILE = ".keys.lock";

  private final RSAKey jwk;
  private final RSASSASigner signer;
  private final JWSVerifier verifier;

  private SigningKey(RSAKey jwk) {
    if (!jwk.isPrivate()) {
      throw new IllegalArgumentException("a signing key needs its private half");
    }
    this.jwk = jwk;
    try {
      this.signer = new RSASSASigner(jwk);
      this.verifier = new RSASSAVerifier(jwk.toRSAPublicKey());
    } catch (JOSEException e) {
      throw new IllegalArgumentException("not a usable RSA key: " + e.getMessage(), e);
    }
  }

  /**
   * A fresh key that lives only in memory. Its JWK carries a self-signed certificate ({@code x5c},
   * {@code x5t}) as Entra ID's and the Bot Framework's published keys do: some validators build the
   * public key from {@code x5c[0]} rather than from {@code n} and {@code e}.
   */
  public static SigningKey generate() {
    try {
      RSAKey key = new RSAKeyGenerator(BITS).generate();
      X509Certificate certificate = SelfSignedCertificate.of(key.toKeyPair());
      RSAKey withCertificate = withThumbprint(new RSAKey.Builder(key)
          .keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
          .x509CertChain(List.of(Base64.encode(certificate.getEncoded()))), certificate)
          .keyIDFromThumbprint().build();
      return new SigningKey(withCertificate);
    } catch (JOSEException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot generate an RSA signing key", e);
    }
  }

  /** {@code x5t}, the SHA-1 certificate thumbprint Entra ID publishes beside {@code x5c}. */
  @SuppressWarnings("deprecation")
  private static RSAKey.Builder withThumbprint(RSAKey.Builder key, X509Certificate certificate)
      throws GeneralSecurityException {
    byte[] sha1 = MessageDigest.getInstance("SHA-1").digest(certificate.getEncoded());
    return key.x509CertThumbprint(Base64URL.encode(sha1));
  }

  /**
   * The key kept in {@code file} (a private JWK as JSON), made and written there on first use or
   * when the file is unreadable. Written to a temp file readable by the owner only and moved into
   * place under an inter-process lock, so emulators starting together on one data dir agree on the
   * key.
   *
   * @throws UncheckedIOException when the directory cannot be created or written
   */
  @SuppressWarnings("try") // the lock is held for the block, not used
  public static SigningKey loadOrCreate(Path file) {
    Path dir = file.toAbsolutePath().getParent();
    try {
      Files.createDirectories(dir);
      // The monitor keeps threads of one JVM apart (a second FileLock in the same JVM throws
      // OverlappingFileLockException); the file lock keeps processes apart.
      synchronized (SigningKey.class) {
        try (FileChannel channel = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
            FileLock ignored = channel.lock()) {
          SigningKey existing = read(file);
          if (existing != null) {
            return existing;
          }
          SigningKey fresh = generate();
          DataFiles.writeAtomically(file, fresh.jwk.toJSONString().getBytes(StandardCharsets.UTF_8), true);
          return fresh;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the signing key in " + file + ": " + e.getMessage(), e);
    }
  }

  /** The key in {@code file}, or null when there is none or it is not a private RSA JWK. */
  private static SigningKey read(Path file) throws IOException {
    String json;
    try {
      json = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return null;
    }
    try {
      RSAKey key = RSAKey.parse(json);
      // A key written by hand or by another tool may have no id: give it its thumbprint.
      if (key.getKeyID() == null) {
        key = new RSAKey.Builder(key).keyIDFromThumbprint().build();
      }
      return key.isPrivate() ? new SigningKey(key) : null;
    } catch (ParseException | JOSEException | IllegalArgumentException e) {
      return null;
    }
  }

  /** The {@code kid} every token signed with this key carries in its header. */
  public String keyId() {
    return jwk.getKeyID();
  }

  /**
   * A compact RS256 JWT ({@code header.payload.signature}) of {@code claims}; its header is
   * {@code {"kid":…,"typ":"JWT","alg":"RS256"}}. Thread-safe.
   */
  public String sign(JwtClaims claims) {
    JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
        .keyID(keyId()).build();
    SignedJWT jwt = new SignedJWT(header, claims.set());
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign a token with key " + keyId(), e);
    }
    return jwt.serialize();
  }

  /**
   * The public half as a JWK ({@code kty, e, n, kid, use:"sig", alg:"RS256"}, and {@code x5c},
   * {@code x5t} for a key made here); never the private part.
   */
  public Map<String, Object> publicJwk() {
    return jwk.toPublicJWK().toJSONObject();
  }

  JWSVerifier verifier() {
    return verifier;
  }
}
