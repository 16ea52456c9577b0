package io.callemu.emulator.platform.journal;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A callback to the app (an ACS CloudEvent, a Graph notification) with every delivery attempt and
 * how it ended. Changed by the webhook delivery as attempts happen.
 */
public final class CallbackEntry extends JournalEntry {

  /** Where a callback's delivery stands. */
  public enum State {
    PENDING("pending"), DELIVERED("delivered"), UNDELIVERED("undelivered");

    private final String wire;

    State(String wire) {
      this.wire = wire;
    }

    public String wire() {
      return wire;
    }
  }

  /**
   * One delivery attempt.
   *
   * @param at emulated epoch ms it started
   * @param wallTime real epoch ms it started
   * @param wallNanos {@link System#nanoTime()} when it started (for real durations)
   * @param realMs real ms from sending to the app's answer or the failure
   * @param status the app's HTTP status, or null when there was none
   * @param error why it failed without a status, or null
   */
  public record Attempt(int number, long at, long wallTime, long wallNanos, double realMs, Integer status,
      String error) {

    JsonObject toJson() {
      JsonObject o = new JsonObject().put("attempt", number).put("at", Instant.ofEpochMilli(at).toString())
          .put("wallTime", wallTime).put("wallNanos", wallNanos).put("realMs", realMs);
      if (status != null) {
        o.put("status", status);
      }
      if (error != null) {
        o.put("error", error);
      }
      return o;
    }
  }

  private final String url;
  private final JsonObject event;
  private final List<Attempt> attempts = new ArrayList<>();
  private State state = State.PENDING;
  private String reason;

  /**
   * @param type the event's type as the app knows it
   * @param event the event as sent (kept for the journal's reader)
   */
  public CallbackEntry(String callId, String type, String url, JsonObject event) {
    super(Kind.CALLBACK, callId, type);
    this.url = url;
    this.event = event;
  }

  public String url() {
    return url;
  }

  public State state() {
    return state;
  }

  public List<Attempt> attempts() {
    return List.copyOf(attempts);
  }

  /** Records an attempt; {@code next} is the state after it. */
  public void attempted(Attempt attempt, State next) {
    attempts.add(attempt);
    state = next;
  }

  /** Never delivered, for {@code why} (a full queue), without an attempt. */
  public void dropped(String why) {
    state = State.UNDELIVERED;
    reason = why;
  }

  @Override
  protected void writeFields(JsonObject o) {
    JsonArray list = new JsonArray();
    attempts.forEach(a -> list.add(a.toJson()));
    o.put("url", url).put("event", event.copy()).put("attempts", list).put("outcome", state.wire());
    if (reason != null) {
      o.put("reason", reason);
    }
  }
}
