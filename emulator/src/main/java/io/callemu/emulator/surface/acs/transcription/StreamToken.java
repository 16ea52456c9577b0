package io.callemu.emulator.surface.acs.transcription;

import io.callemu.emulator.platform.jwt.JwtClaims;
import io.callemu.emulator.platform.jwt.SigningKey;
import java.time.Instant;

/**
 * The bearer token on the transcription WebSocket upgrade: an RS256 JWT with the issuer the real
 * service uses, 5 minutes valid, audience the emulated resource, signed with a key callemu makes per
 * run (see the README's transcription section for what an app can check).
 */
final class StreamToken {

  static final String ISSUER = "https://acscallautomation.communication.azure.com";
  static final String AUDIENCE = "callemu";
  static final long LIFETIME_SECONDS = 300;

  private final SigningKey key;

  private StreamToken(SigningKey key) {
    this.key = key;
  }

  /** Makes the signing key (an RSA key: slow, call it off the event loop). */
  static StreamToken generate() {
    return new StreamToken(SigningKey.generate());
  }

  /** A fresh token for one connection of the call {@code callId}, issued at {@code nowMillis}. */
  String mint(String callId, long nowMillis) {
    Instant iat = Instant.ofEpochSecond(nowMillis / 1000);
    return key.sign(JwtClaims.builder().issuer(ISSUER).audience(AUDIENCE).subject(callId).issuedAt(iat)
        .notBefore(iat).expiresAt(iat.plusSeconds(LIFETIME_SECONDS)).build());
  }
}
