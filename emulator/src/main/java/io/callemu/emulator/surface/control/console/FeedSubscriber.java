package io.callemu.emulator.surface.control.console;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.function.LongSupplier;

/**
 * One reader of the live feed (a console tab): messages are written to its response as fast as it
 * reads them. What it has not read waits in a queue bounded in bytes; a message that does not fit
 * drops everything waiting, the reader gets a {@code resync} message and the stream ends, so a slow
 * or frozen tab costs at most the bound and comes back with a fresh snapshot when it reconnects.
 * Used on the emulator's context only.
 */
final class FeedSubscriber {

  /** Waiting frames are written together up to this many bytes (fewer, larger writes). */
  private static final int GATHER_BYTES = 32 * 1024;
  private static final Buffer PING = Buffer.buffer(": ping\n\n");

  private final FeedSink sink;
  private final LongSupplier limitBytes;
  private final Runnable onEnd;
  private final ArrayDeque<FeedMessage> waiting = new ArrayDeque<>();
  private long waitingBytes;
  private long sent;
  private boolean ended;

  /**
   * @param limitBytes how many bytes may wait (read at each message, so a setting change applies)
   * @param onEnd called once when the stream ends, whoever ended it
   */
  FeedSubscriber(FeedSink sink, LongSupplier limitBytes, Runnable onEnd) {
    this.sink = sink;
    this.limitBytes = limitBytes;
    this.onEnd = onEnd;
    sink.onDrain(this::pump);
    sink.onGone(this::ended);
  }

  /**
   * Queues a message. The first one is always taken, however large (the snapshot a tab starts
   * with); after that, one that would take the waiting bytes over the limit makes the reader resync.
   */
  void send(FeedMessage message) {
    if (ended) {
      return;
    }
    if (!waiting.isEmpty() && waitingBytes + message.size() > limitBytes.getAsLong()) {
      resync(waiting.size() + 1);
      return;
    }
    waiting.addLast(message);
    waitingBytes += message.size();
    pump();
  }

  /** Tells the reader to start again ({@code resync} or {@code reset}) and ends the stream. */
  void endWith(String event, JsonObject data) {
    if (ended) {
      return;
    }
    waiting.clear();
    waitingBytes = 0;
    sink.write(FeedMessage.of(0, event, data).frame());
    sink.end();
    ended();
  }

  /** A comment line that keeps idle connections open through proxies; only when nothing waits. */
  void ping() {
    if (!ended && waiting.isEmpty() && !sink.writeQueueFull()) {
      sink.write(PING);
    }
  }

  boolean isEnded() {
    return ended;
  }

  /** Bytes waiting to be written. */
  long waitingBytes() {
    return waitingBytes;
  }

  /** Messages written so far. */
  long sent() {
    return sent;
  }

  private void resync(int dropped) {
    endWith("resync", new JsonObject().put("dropped", dropped).put("reason",
        "this reader fell more than console.tabBufferKiB behind; reconnect for a fresh snapshot"));
  }

  private void pump() {
    while (!ended && !waiting.isEmpty() && !sink.writeQueueFull()) {
      FeedMessage first = waiting.pollFirst();
      Buffer out = first.frame();
      long taken = first.size();
      int count = 1;
      if (!waiting.isEmpty() && out.length() < GATHER_BYTES) {
        out = out.copy();
        while (!waiting.isEmpty() && out.length() + waiting.peekFirst().size() <= GATHER_BYTES) {
          FeedMessage next = waiting.pollFirst();
          out.appendBuffer(next.frame());
          taken += next.size();
          count++;
        }
      }
      waitingBytes -= taken;
      sent += count;
      sink.write(out);
    }
  }

  private void ended() {
    if (!ended) {
      ended = true;
      waiting.clear();
      waitingBytes = 0;
      onEnd.run();
    }
  }
}
