package io.callemu.appbench.measure;

/**
 * One thing on a call's timeline, placed by callemu's real-time stamp ({@code wallNanos}): a
 * callback (at the start of the delivery attempt that reached the app), a request of the app, or
 * the Event Grid offer. A callback's item is filled in as its delivery attempts appear.
 */
public final class TimelineItem {

  /** What kind of thing happened. */
  public enum Kind { OFFER, CALLBACK, REQUEST }

  final Kind kind;
  final String name;
  final long seq;
  long wallNanos;
  long wallTime;
  int status;
  int subCode = -1;
  boolean delivered;

  TimelineItem(Kind kind, String name, long seq, long wallNanos, long wallTime) {
    this.kind = kind;
    this.name = name;
    this.seq = seq;
    this.wallNanos = wallNanos;
    this.wallTime = wallTime;
  }

  public Kind kind() { return kind; }
  /** The event type ({@code RecognizeFailed}, {@code IncomingCall}) or the request ({@code POST :recognize}). */
  public String name() { return name; }
  public long wallNanos() { return wallNanos; }
  /** Real epoch milliseconds. */
  public long wallTime() { return wallTime; }
  /** A request's HTTP status, a callback's last answer (0: none). */
  public int status() { return status; }
  /** A callback's {@code resultInformation.subCode}, or -1. */
  public int subCode() { return subCode; }
  public boolean delivered() { return delivered; }
}
