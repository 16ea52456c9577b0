package io.callemu.emulator.platform.http;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Remembers the responses to requests that carried a {@code Repeatability-Request-ID}, so that a
 * retry of e.g. createCall or terminate gets the first answer again instead of acting twice
 * (reference §3.1). SDKs retry after network errors and timeouts; without this, a retried
 * createCall would make a second call.
 *
 * <p>Entries are keyed by (method, path, request id), so a client reusing an id for another
 * operation does not get a wrong answer. They live for a fixed time after being stored (five
 * minutes by default; the service's own window is UNVERIFIED) and the least recently used entry
 * goes first when the cache is full, because request ids come from outside and memory must stay
 * bounded.
 *
 * <p>Only completed responses are stored: a retry that arrives while the first request is still
 * being processed is processed again. The SDKs only retry after the first attempt failed or timed
 * out, so this has not mattered in practice.
 *
 * <p>Thread-safe: every method holds the instance lock briefly and does O(1) work, so it is fine
 * to call from an event loop.
 */
public final class RepeatabilityCache {

  public static final Duration DEFAULT_TTL = Duration.ofMinutes(5);
  public static final int DEFAULT_MAX_ENTRIES = 10_000;

  private final int maxEntries;
  private final long ttlMillis;
  private final LongSupplier nowMillis;
  private final LinkedHashMap<Key, Entry> entries;

  /**
   * @param maxEntries how many responses to keep at most (least recently used go first)
   * @param ttl how long after being stored a response is replayed
   * @param nowMillis a monotonic millisecond time source (injected so tests need no waiting)
   */
  public RepeatabilityCache(int maxEntries, Duration ttl, LongSupplier nowMillis) {
    if (maxEntries < 1) {
      throw new IllegalArgumentException("maxEntries must be at least 1, was " + maxEntries);
    }
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("ttl must be positive, was " + ttl);
    }
    this.maxEntries = maxEntries;
    this.ttlMillis = ttl.toMillis();
    this.nowMillis = Objects.requireNonNull(nowMillis, "nowMillis");
    this.entries =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) {
            return size() > RepeatabilityCache.this.maxEntries;
          }
        };
  }

  /** A cache with the default size and time to live. */
  public static RepeatabilityCache withDefaults(LongSupplier nowMillis) {
    return new RepeatabilityCache(DEFAULT_MAX_ENTRIES, DEFAULT_TTL, nowMillis);
  }

  /** The response stored for this request, unless there is none or it has expired. */
  public synchronized Optional<StoredResponse> get(String method, String path, String requestId) {
    Key key = new Key(method, path, requestId);
    Entry entry = entries.get(key);
    if (entry == null) {
      return Optional.empty();
    }
    if (nowMillis.getAsLong() - entry.storedAtMillis() >= ttlMillis) {
      entries.remove(key);
      return Optional.empty();
    }
    return Optional.of(entry.response());
  }

  /** Stores (or replaces) the response for this request; its time to live starts now. */
  public synchronized void put(String method, String path, String requestId, StoredResponse response) {
    entries.put(
        new Key(method, path, requestId),
        new Entry(Objects.requireNonNull(response, "response"), nowMillis.getAsLong()));
  }

  /** The number of responses held, expired ones included until they are looked up or evicted. */
  public synchronized int size() {
    return entries.size();
  }

  /** Forgets every response, e.g. when the emulator is reset. */
  public synchronized void clear() {
    entries.clear();
  }

  /**
   * A response as it will be replayed; immutable, so one stored instance can be handed out to
   * many retries.
   */
  public record StoredResponse(int status, Map<String, List<String>> headers, byte[] body) {

    public StoredResponse {
      Map<String, List<String>> copy = new LinkedHashMap<>();
      Objects.requireNonNull(headers, "headers").forEach((name, values) -> copy.put(name, List.copyOf(values)));
      headers = Collections.unmodifiableMap(copy);
      body = body == null ? new byte[0] : body.clone();
    }

    @Override
    public byte[] body() {
      return body.clone();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof StoredResponse that
          && status == that.status
          && headers.equals(that.headers)
          && Arrays.equals(body, that.body);
    }

    @Override
    public int hashCode() {
      return Objects.hash(status, headers, Arrays.hashCode(body));
    }

    @Override
    public String toString() {
      return "StoredResponse[status=" + status + ", headers=" + headers + ", body=" + body.length + " bytes]";
    }
  }

  private record Key(String method, String path, String requestId) {
    Key {
      Objects.requireNonNull(method, "method");
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(requestId, "requestId");
    }
  }

  private record Entry(StoredResponse response, long storedAtMillis) {}
}
