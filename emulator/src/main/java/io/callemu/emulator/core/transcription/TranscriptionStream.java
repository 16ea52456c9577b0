package io.callemu.emulator.core.transcription;

import io.callemu.emulator.core.clock.Clock;
import io.callemu.emulator.core.fault.Faults;
import io.callemu.emulator.platform.journal.Journal;
import io.callemu.emulator.core.settings.Settings;
import io.callemu.emulator.core.transcription.FrameQueue.Frame;
import io.vertx.core.http.WebSocket;
import io.vertx.core.json.JsonObject;
import java.util.function.Supplier;

/**
 * One transcription WebSocket from callemu to the app's transportUrl and the frames waiting for
 * it. The first frame of every connection is TranscriptionMetadata; data frames wait in a bounded
 * {@link FrameQueue} while the socket is connecting, reconnecting or cannot take more (a slow or
 * stalled app), so the call never waits and memory stays bounded. A connection the app refuses,
 * closes or loses is retried {@code transcription.reconnectAttempts} times, each after
 * {@code transcription.reconnectDelayMs}; then the stream gives up. Every frame, connection change
 * and drop is journalled. Used on the emulator's context only.
 */
final class TranscriptionStream {

  /** What the owner is told; each runs on the emulator's context. */
  interface Listener {
    /** A connection is open and its metadata frame written; {@code reconnected} after a loss. */
    void opened(boolean reconnected);

    /** The open connection was closed by the app or lost; a reconnect is scheduled. */
    void interrupted(String why);

    /** No connection could be (re)opened within the attempts allowed; the stream is closed. */
    void gaveUp(String why);
  }

  /** Bytes Vert.x may hold for the socket before frames wait in the (counted, bounded) queue. */
  static final int WRITE_QUEUE_BYTES = 64 * 1024;
  static final short NORMAL_CLOSURE = 1000;
  static final short FAULT_CLOSURE = 1011;

  private final StreamConnector connector;
  private final Clock clock;
  private final Settings settings;
  private final Journal journal;
  private final Faults faults;
  private final String url;
  private final String callConnectionId;
  private final String correlationId;
  private final Supplier<String> metadata;
  private final Listener listener;
  private final FrameQueue queue = new FrameQueue();
  private WebSocket socket;
  private Clock.Timer retry;
  private boolean closed;
  private boolean everOpened;
  private int failedAttempts;
  private long framesSent;

  TranscriptionStream(StreamConnector connector, Clock clock, Settings settings, Journal journal, Faults faults,
      String url, String callConnectionId, String correlationId, Supplier<String> metadata, Listener listener) {
    this.connector = connector;
    this.clock = clock;
    this.settings = settings;
    this.journal = journal;
    this.faults = faults;
    this.url = url;
    this.callConnectionId = callConnectionId;
    this.correlationId = correlationId;
    this.metadata = metadata;
    this.listener = listener;
  }

  /** Starts the first connection attempt. */
  void open() {
    attempt();
  }

  boolean isConnected() {
    return socket != null;
  }

  /** Queues a data frame and writes what the socket can take now. */
  void send(Frame frame) {
    if (closed) {
      return;
    }
    Frame dropped = queue.offer(frame, settings.getLong(TranscriptionSettings.QUEUE_LIMIT));
    if (dropped != null) {
      journal.record(entry("dropped").put("frame", new JsonObject(dropped.text()))
          .put("reason", "queue full (" + settings.get(TranscriptionSettings.QUEUE_LIMIT) + " frames waiting)")
          .put("droppedIntermediate", queue.droppedIntermediate())
          .put("droppedFinal", queue.droppedFinal()));
    }
    pump();
  }

  /**
   * Ends the stream for good (stop, hang-up, failure): the socket gets a normal close after the
   * frames already written; frames still waiting are discarded and journalled.
   */
  void close(String reason) {
    if (closed) {
      return;
    }
    closed = true;
    if (retry != null) {
      retry.cancel();
      retry = null;
    }
    int discarded = queue.clear();
    WebSocket ws = socket;
    socket = null;
    JsonObject entry = entry("connection").put("event", "closed").put("reason", reason);
    if (discarded > 0) {
      entry.put("discardedFrames", discarded);
    }
    journal.record(entry);
    if (ws != null) {
      ws.close(NORMAL_CLOSURE, reason);
    }
  }

  /** The {@code websocket} fault: drops the open connection now (close code 1011) and reconnects. */
  boolean drop() {
    WebSocket ws = socket;
    if (ws == null || closed) {
      return false;
    }
    socket = null;
    ws.close(FAULT_CLOSURE, "callemu websocket fault");
    lost("dropped by a websocket fault");
    return true;
  }

  /** State for the control API. */
  JsonObject toJson() {
    return new JsonObject().put("url", url)
        .put("connection", closed ? "closed" : socket != null ? "open" : retry != null ? "reconnecting" : "connecting")
        .put("framesSent", framesSent)
        .put("framesWaiting", queue.size())
        .put("droppedIntermediate", queue.droppedIntermediate())
        .put("droppedFinal", queue.droppedFinal())
        .put("failedAttempts", failedAttempts);
  }

  private void attempt() {
    retry = null;
    if (closed) {
      return;
    }
    if (faults.take("websocket", callConnectionId).isPresent()) {
      attemptFailed("connection refused by a websocket fault");
      return;
    }
    connector.connect(url, callConnectionId, correlationId, clock.nowMillis(),
        settings.getLong(TranscriptionSettings.CONNECT_TIMEOUT_MS)).onComplete(ar -> {
          if (closed) {
            if (ar.succeeded()) {
              ar.result().close(NORMAL_CLOSURE, "transcription ended");
            }
            return;
          }
          if (ar.failed()) {
            String message = ar.cause().getMessage();
            attemptFailed(message == null ? ar.cause().getClass().getSimpleName() : message);
          } else {
            connected(ar.result());
          }
        });
  }

  private void connected(WebSocket ws) {
    socket = ws;
    failedAttempts = 0;
    ws.setWriteQueueMaxSize(WRITE_QUEUE_BYTES);
    // What the app sends is not part of transcription; read and discard it so it cannot pile up.
    ws.handler(ignored -> { });
    ws.exceptionHandler(e -> { });
    ws.closeHandler(v -> {
      if (ws == socket) {
        socket = null;
        lost("closed by the app" + (ws.closeStatusCode() == null ? "" : " (" + ws.closeStatusCode() + ")"));
      }
    });
    journal.record(entry("connection").put("event", "opened"));
    write(new Frame(metadata.get(), "TranscriptionMetadata", false));
    boolean reconnected = everOpened;
    everOpened = true;
    listener.opened(reconnected);
    pump();
  }

  private void lost(String why) {
    journal.record(entry("connection").put("event", "lost").put("reason", why));
    if (closed) {
      return;
    }
    listener.interrupted(why);
    scheduleRetry();
  }

  private void attemptFailed(String why) {
    failedAttempts++;
    journal.record(entry("connection").put("event", "attemptFailed").put("attempt", failedAttempts)
        .put("reason", why));
    if (failedAttempts > settings.getLong(TranscriptionSettings.RECONNECT_ATTEMPTS)) {
      close("gave up after " + failedAttempts + " failed connection attempts");
      listener.gaveUp(why);
      return;
    }
    scheduleRetry();
  }

  private void scheduleRetry() {
    if (!closed && retry == null) {
      retry = clock.schedule(settings.getLong(TranscriptionSettings.RECONNECT_DELAY_MS), this::attempt);
    }
  }

  private void pump() {
    WebSocket ws = socket;
    while (ws != null && !queue.isEmpty()) {
      if (ws.writeQueueFull()) {
        ws.drainHandler(v -> pump());
        return;
      }
      write(queue.poll());
    }
  }

  private void write(Frame frame) {
    socket.writeTextMessage(frame.text());
    framesSent++;
    journal.record(entry(frame.kind()).put("frame", new JsonObject(frame.text())));
  }

  private JsonObject entry(String type) {
    return new JsonObject().put("kind", "websocket").put("callConnectionId", callConnectionId)
        .put("type", type).put("url", url);
  }
}
