package io.callemu.emulator.settings;

import io.callemu.emulator.transcription.TranscriptionSettings;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The current value of every {@link Setting}: its default until changed by {@code --set} or by
 * {@code POST /_emulator/settings}. Read on the emulator's context only.
 */
public final class Settings {

  public static final String CALL_RING_MS = "call.ringMs";
  public static final String INCOMING_CALL_TIMEOUT_MS = "incomingCall.answerTimeoutMs";
  public static final String CALLBACK_MAX_ATTEMPTS = "callback.maxAttempts";
  public static final String CALLBACK_RETRY_DELAY_MS = "callback.retryDelayMs";
  public static final String CALLBACK_TIMEOUT_MS = "callback.timeoutMs";
  public static final String CALLBACK_QUEUE_LIMIT = "callback.queueLimit";
  public static final String JOURNAL_CAPACITY = "journal.capacity";
  public static final String HMAC_MAX_SKEW_SECONDS = "auth.maxClockSkewSeconds";

  /** Every known setting; later issues add the fidelity switches of CONTRACT section 5 here. */
  public static final List<Setting> ALL = concat(List.of(
      Setting.number(CALL_RING_MS, 500, 0, 600_000,
          "how long an outbound call rings (emulated ms) before the remote party picks up and "
              + "CallConnected is sent",
          "callemu choice; the real service connects when the callee answers"),
      Setting.number(INCOMING_CALL_TIMEOUT_MS, 30_000, 1, 3_600_000,
          "how long an incomingCallContext stays answerable (emulated ms); answering later "
              + "yields AnswerFailed 400/8587",
          "subcode 8587 'Incoming Call Not Answered Within Time' (call-automation-sdk troubleshooting codes); "
              + "the window itself is UNVERIFIED"),
      Setting.number(CALLBACK_MAX_ATTEMPTS, 5, 1, 100,
          "delivery attempts per callback before it is journalled as undelivered",
          "callemu choice (the service's retry policy is undocumented)"),
      Setting.number(CALLBACK_RETRY_DELAY_MS, 1_000, 0, 3_600_000,
          "delay before the first retry of a failed callback (emulated ms); doubles per attempt",
          "callemu choice"),
      Setting.number(CALLBACK_TIMEOUT_MS, 10_000, 100, 600_000,
          "how long one callback POST may stay unanswered (real ms) before it counts as failed",
          "callemu choice"),
      Setting.number(CALLBACK_QUEUE_LIMIT, 1_000, 1, 1_000_000,
          "callbacks that may wait per call; more are journalled as undelivered (queue full)",
          "callemu choice (bounded memory)"),
      Setting.number(JOURNAL_CAPACITY, 10_000, 10, 10_000_000,
          "entries the in-memory journal keeps (oldest dropped first; --journal files keep all)",
          "callemu choice (bounded memory)"),
      Setting.number(HMAC_MAX_SKEW_SECONDS, 900, 0, 86_400,
          "how far x-ms-date may be from the real time before a request is refused with 401",
          "UNVERIFIED for the real service; 15 minutes is the usual Azure tolerance")),
      TranscriptionSettings.ALL);

  @SafeVarargs
  private static List<Setting> concat(List<Setting>... groups) {
    List<Setting> all = new java.util.ArrayList<>();
    for (List<Setting> g : groups) {
      all.addAll(g);
    }
    return List.copyOf(all);
  }

  private final Map<String, Setting> known = new LinkedHashMap<>();
  private final Map<String, String> values = new LinkedHashMap<>();
  private final Map<String, String> sources = new LinkedHashMap<>();

  public Settings() {
    for (Setting s : ALL) {
      known.put(s.key(), s);
    }
  }

  /**
   * Sets {@code key}; {@code origin} is shown by the listing ({@code "--set"}, {@code "api"}).
   *
   * @throws IllegalArgumentException for an unknown key or a bad value (nothing changes)
   */
  public void set(String key, String value, String origin) {
    values.put(key, check(key, value));
    sources.put(key, origin);
  }

  /** Checks a value without setting it; returns its canonical form. */
  public String check(String key, String value) {
    Setting s = known.get(key);
    if (s == null) {
      throw new IllegalArgumentException("unknown setting '" + key + "' (known: " + known.keySet() + ")");
    }
    return s.normalize(value);
  }

  public String get(String key) {
    String v = values.get(key);
    if (v != null) {
      return v;
    }
    Setting s = known.get(key);
    if (s == null) {
      throw new IllegalArgumentException("unknown setting '" + key + "'");
    }
    return s.defaultValue();
  }

  public long getLong(String key) {
    return Long.parseLong(get(key));
  }

  /** The listing of {@code GET /_emulator/settings}. */
  public JsonObject toJson() {
    JsonArray list = new JsonArray();
    for (Setting s : known.values()) {
      JsonObject o = new JsonObject().put("key", s.key()).put("value", get(s.key()))
          .put("default", s.defaultValue()).put("setBy", sources.getOrDefault(s.key(), "default"))
          .put("description", s.description()).put("source", s.source());
      if (s.choices().isEmpty()) {
        o.put("min", s.min()).put("max", s.max());
      } else {
        o.put("choices", new JsonArray(s.choices()));
      }
      list.add(o);
    }
    return new JsonObject().put("settings", list);
  }
}
