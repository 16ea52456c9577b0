package io.callemu.emulator.platform.journal;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * One thing the journal keeps: a request, a callback with its delivery attempts, a WebSocket
 * connection change or frame, a note, an Event Grid post. The journal stamps it with a sequence
 * number, the emulated time and the real time when it is recorded. Each kind renders its own
 * fields for {@code GET /_emulator/events} and the {@code --journal} file.
 */
public abstract class JournalEntry {

  /** What an entry is about ({@code kind} on the wire). */
  public enum Kind {
    REQUEST("request"), CALLBACK("callback"), WEBSOCKET("websocket"), MEDIA("media"), EVENTGRID("eventgrid"),
    SPEECH("speech");

    private final String wire;

    Kind(String wire) {
      this.wire = wire;
    }

    public String wire() {
      return wire;
    }
  }

  private final Kind kind;
  private final String callId;
  private final String type;
  private long seq;
  private long time;
  private long wallTime;
  private long wallNanos;

  /**
   * @param callId the call the entry is about, or null
   * @param type the event or frame type, or null
   */
  protected JournalEntry(Kind kind, String callId, String type) {
    this.kind = kind;
    this.callId = callId;
    this.type = type;
  }

  public Kind kind() {
    return kind;
  }

  public String callId() {
    return callId;
  }

  public String type() {
    return type;
  }

  /** Position in the journal, from 1. */
  public long seq() {
    return seq;
  }

  /** Emulated epoch ms at which it was recorded. */
  public long time() {
    return time;
  }

  /** Real epoch ms at which it was recorded (reaction times are real, whatever the clock does). */
  public long wallTime() {
    return wallTime;
  }

  /**
   * {@link System#nanoTime()} at which it was recorded: monotonic, for real durations between
   * entries of this run (an app's reaction to a callback) even on the virtual clock.
   */
  public long wallNanos() {
    return wallNanos;
  }

  void stamp(long seq, long time, long wallTime, long wallNanos) {
    this.seq = seq;
    this.time = time;
    this.wallTime = wallTime;
    this.wallNanos = wallNanos;
  }

  /** The entry as the control API lists it (a fresh object). */
  public final JsonObject toJson() {
    JsonObject o = new JsonObject().put("kind", kind.wire());
    if (callId != null) {
      o.put("callConnectionId", callId);
    }
    if (type != null) {
      o.put("type", type);
    }
    writeFields(o);
    return o.put("seq", seq).put("time", Instant.ofEpochMilli(time).toString()).put("wallTime", wallTime)
        .put("wallNanos", wallNanos);
  }

  /** Adds the kind's own fields. */
  protected abstract void writeFields(JsonObject o);
}
