package io.callemu.emulator.surface.acs.transcription;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import java.util.UUID;

/**
 * The bearer token on the WebSocket upgrade (reference section 2.4): an RS256 JWT with the issuer
 * the real service uses, 5 minutes valid, audience the emulated resource. It is signed with a key
 * callemu makes per run and publishes nowhere, so an app can read it but not verify it; apps
 * under test that verify tokens must switch that off against callemu.
 */
final class StreamToken {

  static final String ISSUER = "https://acscallautomation.communication.azure.com";
  static final String AUDIENCE = "callemu";
  static final long LIFETIME_SECONDS = 300;

  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private final KeyPair key;
  private final String keyId = UUID.randomUUID().toString();

  private StreamToken(KeyPair key) {
    this.key = key;
  }

  /** Makes the signing key (an RSA key: slow, call it off the event loop). */
  static StreamToken generate() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(2048);
      return new StreamToken(g.generateKeyPair());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot make the WebSocket token key", e);
    }
  }

  /** A fresh token for one connection of {@code callConnectionId}, issued at {@code nowMillis}. */
  String mint(String callConnectionId, long nowMillis) {
    long iat = nowMillis / 1000;
    String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + keyId + "\"}";
    String claims = "{\"iss\":\"" + ISSUER + "\",\"aud\":\"" + AUDIENCE + "\",\"sub\":\"" + callConnectionId
        + "\",\"iat\":" + iat + ",\"nbf\":" + iat + ",\"exp\":" + (iat + LIFETIME_SECONDS) + "}";
    String signingInput = b64(header) + "." + b64(claims);
    try {
      Signature s = Signature.getInstance("SHA256withRSA");
      s.initSign(key.getPrivate());
      s.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return signingInput + "." + B64.encodeToString(s.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign the WebSocket token", e);
    }
  }

  private static String b64(String json) {
    return B64.encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
