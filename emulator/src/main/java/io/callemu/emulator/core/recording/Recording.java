package io.callemu.emulator.core.recording;

import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;

/**
 * One recording: its id, the call it was made on, the secret that grants reading it, and its file,
 * which is written off the event loop ({@link #written()} completes then).
 */
public final class Recording {

  private final String id;
  private final String callId;
  private final String accessToken;
  private final long durationMillis;
  private final long bytes;
  private final Path file;
  private final Future<Path> written;
  private boolean deleted;

  Recording(String id, String callId, String accessToken, long durationMillis, long bytes, Path file,
      Future<Path> written) {
    this.id = id;
    this.callId = callId;
    this.accessToken = accessToken;
    this.durationMillis = durationMillis;
    this.bytes = bytes;
    this.file = file;
    this.written = written;
  }

  public String id() {
    return id;
  }

  public String callId() {
    return callId;
  }

  /** The bearer secret that grants reading this recording and nothing else. */
  public String accessToken() {
    return accessToken;
  }

  public long durationMillis() {
    return durationMillis;
  }

  /** Size of the WAV file. */
  public long bytes() {
    return bytes;
  }

  Path file() {
    return file;
  }

  /** The file once written; failed when it could not be written or the recording was deleted. */
  public Future<Path> written() {
    return deleted ? Future.failedFuture("recording " + id + " was deleted") : written;
  }

  /** Whether {@code token} is this recording's access token (compared in constant time). */
  public boolean grants(String token) {
    return token != null && MessageDigest.isEqual(accessToken.getBytes(StandardCharsets.UTF_8),
        token.getBytes(StandardCharsets.UTF_8));
  }

  /** The write itself, whether or not the recording was deleted since. */
  Future<Path> writing() {
    return written;
  }

  boolean deleted() {
    return deleted;
  }

  void markDeleted() {
    deleted = true;
  }
}
