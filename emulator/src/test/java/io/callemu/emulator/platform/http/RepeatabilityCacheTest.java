package io.callemu.emulator.platform.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callemu.emulator.platform.http.RepeatabilityCache.StoredResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RepeatabilityCacheTest {

  private static final String ID = "8d4f0e2a-3f1c-4f7e-9a55-5a0a4bd1c2e7";
  private static final String CREATE = "/calling/callConnections";
  private static final String TERMINATE = "/calling/callConnections/c1:terminate";

  private final AtomicLong now = new AtomicLong(1_000);
  private final RepeatabilityCache cache = new RepeatabilityCache(3, Duration.ofMinutes(5), now::get);

  private static StoredResponse response(int status, String body) {
    return new StoredResponse(
        status,
        Map.of("Repeatability-Result", List.of("accepted"), "Content-Type", List.of("application/json")),
        body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void replaysTheStoredResponseForTheSameMethodPathAndId() {
    StoredResponse created = response(201, "{\"callConnectionId\":\"c1\"}");
    cache.put("POST", CREATE, ID, created);

    assertThat(cache.get("POST", CREATE, ID)).contains(created);
    assertThat(cache.get("POST", CREATE, ID).orElseThrow().body())
        .isEqualTo("{\"callConnectionId\":\"c1\"}".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void missesForAnUnknownIdOrAnotherMethod() {
    cache.put("POST", CREATE, ID, response(201, "{}"));

    assertThat(cache.get("POST", CREATE, "another-id")).isEmpty();
    assertThat(cache.get("PUT", CREATE, ID)).isEmpty();
    assertThat(cache.get("POST", CREATE, ID.toUpperCase())).isEmpty();
  }

  @Test
  void theSameIdOnAnotherPathDoesNotCollide() {
    StoredResponse created = response(201, "{\"callConnectionId\":\"c1\"}");
    StoredResponse terminated = response(204, "");
    cache.put("POST", CREATE, ID, created);
    cache.put("POST", TERMINATE, ID, terminated);

    assertThat(cache.get("POST", CREATE, ID)).contains(created);
    assertThat(cache.get("POST", TERMINATE, ID)).contains(terminated);
    assertThat(cache.get("POST", "/calling/callConnections/c2:terminate", ID)).isEmpty();
  }

  @Test
  void expiresExactlyWhenTheTimeToLiveHasPassedSinceStoring() {
    cache.put("POST", CREATE, ID, response(201, "{}"));

    now.addAndGet(Duration.ofMinutes(5).toMillis() - 1);
    assertThat(cache.get("POST", CREATE, ID)).as("one millisecond before expiry").isPresent();

    now.incrementAndGet();
    assertThat(cache.get("POST", CREATE, ID)).isEmpty();
    assertThat(cache.size()).as("an expired entry is dropped when found").isZero();
  }

  @Test
  void aReadDoesNotExtendTheTimeToLiveButAPutRestartsIt() {
    cache.put("POST", CREATE, ID, response(201, "{}"));
    now.addAndGet(Duration.ofMinutes(4).toMillis());
    assertThat(cache.get("POST", CREATE, ID)).isPresent();

    now.addAndGet(Duration.ofMinutes(1).toMillis());
    assertThat(cache.get("POST", CREATE, ID)).isEmpty();

    cache.put("POST", CREATE, ID, response(201, "{}"));
    now.addAndGet(Duration.ofMinutes(4).toMillis());
    assertThat(cache.get("POST", CREATE, ID)).isPresent();
  }

  @Test
  void evictsTheLeastRecentlyUsedEntryWhenFull() {
    cache.put("POST", CREATE, "a", response(201, "a"));
    cache.put("POST", CREATE, "b", response(201, "b"));
    cache.put("POST", CREATE, "c", response(201, "c"));
    assertThat(cache.get("POST", CREATE, "a")).isPresent(); // a is now more recent than b

    cache.put("POST", CREATE, "d", response(201, "d"));

    assertThat(cache.size()).isEqualTo(3);
    assertThat(cache.get("POST", CREATE, "b")).isEmpty();
    assertThat(cache.get("POST", CREATE, "a")).isPresent();
    assertThat(cache.get("POST", CREATE, "c")).isPresent();
    assertThat(cache.get("POST", CREATE, "d")).isPresent();
  }

  @Test
  void clearForgetsEverything() {
    cache.put("POST", CREATE, ID, response(201, "{}"));

    cache.clear();

    assertThat(cache.size()).isZero();
    assertThat(cache.get("POST", CREATE, ID)).isEmpty();
  }

  @Test
  void storedResponsesCannotBeChangedThroughTheArgumentsOrTheAccessors() {
    byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
    Map<String, List<String>> headers = new HashMap<>();
    List<String> values = new ArrayList<>(List.of("accepted"));
    headers.put("Repeatability-Result", values);
    cache.put("POST", CREATE, ID, new StoredResponse(201, headers, body));

    body[0] = 'X';
    values.add("rejected");
    headers.put("Extra", List.of("1"));
    StoredResponse stored = cache.get("POST", CREATE, ID).orElseThrow();
    stored.body()[0] = 'Y';

    StoredResponse again = cache.get("POST", CREATE, ID).orElseThrow();
    assertThat(new String(again.body(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
    assertThat(again.headers()).containsExactly(Map.entry("Repeatability-Result", List.of("accepted")));
    assertThatThrownBy(() -> again.headers().put("x", List.of())).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aNullBodyIsStoredAsEmpty() {
    assertThat(new StoredResponse(204, Map.of(), null).body()).isEmpty();
  }

  @Test
  void staysBoundedUnderConcurrentUse() throws Exception {
    RepeatabilityCache shared = new RepeatabilityCache(100, Duration.ofMinutes(5), now::get);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<Integer>> writers = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int thread = t;
        writers.add(() -> {
          int hits = 0;
          for (int i = 0; i < 2_000; i++) {
            String id = thread + "-" + i;
            shared.put("POST", CREATE, id, response(201, id));
            hits += shared.get("POST", CREATE, id).isPresent() ? 1 : 0;
          }
          return hits;
        });
      }
      for (Future<Integer> result : pool.invokeAll(writers)) {
        assertThat(result.get()).isPositive();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(shared.size()).isEqualTo(100);
  }

  @Test
  void rejectsASizeBelowOneAndANonPositiveTimeToLive() {
    assertThatThrownBy(() -> new RepeatabilityCache(0, Duration.ofMinutes(5), now::get))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxEntries");
    assertThatThrownBy(() -> new RepeatabilityCache(10, Duration.ZERO, now::get))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ttl");
  }

  @Test
  void defaultsAreFiveMinutesAndTenThousandEntries() {
    RepeatabilityCache defaults = RepeatabilityCache.withDefaults(now::get);
    defaults.put("POST", CREATE, ID, response(201, "{}"));
    now.addAndGet(Duration.ofMinutes(5).toMillis() - 1);
    assertThat(defaults.get("POST", CREATE, ID)).isPresent();
    now.incrementAndGet();
    assertThat(defaults.get("POST", CREATE, ID)).isEmpty();

    for (int i = 0; i < RepeatabilityCache.DEFAULT_MAX_ENTRIES + 5; i++) {
      defaults.put("POST", CREATE, "id-" + i, response(201, ""));
    }
    assertThat(defaults.size()).isEqualTo(10_000);
  }
}
