package io.callemu.emulator.platform.jwt;

import java.util.List;
import java.util.Map;

/** The JSON Web Key Set document (RFC 7517 section 5) that publishes public keys. */
public final class Jwks {

  private Jwks() {
  }

  /** {@code {"keys":[<public JWK>, …]}} of {@code keys}, in that order. */
  public static Map<String, Object> of(List<SigningKey> keys) {
    return Map.of("keys", keys.stream().map(SigningKey::publicJwk).toList());
  }
}
