/**
 * RS256 JSON Web Tokens for every token callemu issues or checks: signing keys (generated, or kept
 * in the data dir), issuing tokens with given claims, verifying tokens this callemu issued, and the
 * JWKS documents that publish the public keys. Built on Nimbus JOSE + JWT; Vert.x core only to load
 * a kept key off the event loop ({@link io.callemu.emulator.platform.jwt.SigningKeyFile}).
 */
package io.callemu.emulator.platform.jwt;
