package io.callemu.emulator.platform.jwt;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;

/**
 * A {@link SigningKey} kept in a file, loaded (or made) on a worker thread the first time it is
 * needed, so neither the start nor an event loop waits for RSA key generation, and an emulator
 * that never signs such a token never makes the key. A failed load is tried again on the next
 * request for the key.
 */
public final class SigningKeyFile {

  private final Vertx vertx;
  private final Path file;
  private Future<SigningKey> key;

  public SigningKeyFile(Vertx vertx, Path file) {
    this.vertx = vertx;
    this.file = file;
  }

  /** The key; completes at once after the first load. Call on the emulator's context. */
  public Future<SigningKey> key() {
    if (key == null || key.failed()) {
      key = vertx.executeBlocking(() -> SigningKey.loadOrCreate(file), false);
    }
    return key;
  }

  /**
   * {@code claims} signed with the key, on a worker thread: an RS256 signature costs about a
   * millisecond of CPU, which an event loop serving many calls should not spend. Signatures
   * requested one after the other may complete in either order.
   */
  public Future<String> sign(JwtClaims claims) {
    return key().compose(k -> vertx.executeBlocking(() -> k.sign(claims), false));
  }

  public Path file() {
    return file;
  }
}
