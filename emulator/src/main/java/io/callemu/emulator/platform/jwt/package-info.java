/**
 * RS256 JSON Web Tokens for every token callemu issues or checks: signing keys (generated, or kept
 * in the data dir), issuing tokens with given claims, verifying tokens this callemu issued, and the
 * JWKS documents that publish the public keys. Built on Nimbus JOSE + JWT; no Vert.x types, so any
 * surface can use it.
 */
package io.callemu.emulator.platform.jwt;
