package io.callemu.emulator.surface.acs.transcription;

import io.callemu.asr.wire.TranscriptionFrames;
import io.callemu.emulator.core.clock.Clock;
import io.callemu.emulator.core.fault.Faults;
import io.callemu.emulator.core.outcome.ActionKind;
import io.callemu.emulator.core.settings.Settings;
import io.callemu.emulator.core.transcription.TranscriptSegment;
import io.callemu.emulator.core.transcription.TranscriptionTransport;
import io.callemu.emulator.platform.journal.Journal;
import io.callemu.emulator.platform.journal.DetailEntry;
import io.callemu.emulator.platform.journal.JournalEntry;
import io.callemu.emulator.surface.acs.transcription.FrameQueue.Frame;
import io.vertx.core.http.WebSocket;
import io.vertx.core.json.JsonObject;

/**
 * One transcription WebSocket from callemu to the app's transportUrl and the frames waiting for
 * it. The first frame of every connection is TranscriptionMetadata; data frames wait in a bounded
 * {@link FrameQueue} while the socket is connecting, reconnecting or cannot take more (a slow or
 * stalled app), so the call never waits and memory stays bounded. A connection the app refuses,
 * closes or loses is retried {@code transcription.reconnectAttempts} times, each after
 * {@code transcription.reconnectDelayMs}; then the stream gives up. Every frame, connection change
 * and drop is journalled. Used on the emulator's context only.
 */
final class TranscriptionStream implements TranscriptionTransport.Stream {

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
  private final TranscriptionTransport.Target target;
  private final TranscriptionTransport.Listener listener;
  private final FrameQueue queue = new FrameQueue();
  private WebSocket socket;
  private Clock.Timer retry;
  private boolean closed;
  private boolean everOpened;
  private int failedAttempts;
  private long framesSent;

  TranscriptionStream(StreamConnector connector, Clock clock, Settings settings, Journal journal, Faults faults,
      TranscriptionTransport.Target target, TranscriptionTransport.Listener listener) {
    this.connector = connector;
    this.clock = clock;
    this.settings = settings;
    this.journal = journal;
    this.faults = faults;
    this.url = target.url();
    this.callConnectionId = target.callId();
    this.correlationId = target.correlationId();
    this.target = target;
    this.listener = listener;
  }

  /** Starts the first connection attempt. */
  void open() {
    attempt();
  }

  @Override
  public boolean isConnected() {
    return socket != null;
  }

  /** Renders a segment as a TranscriptionData frame, queues it and writes what the socket can take now. */
  @Override
  public void send(TranscriptSegment segment) {
    if (closed) {
      return;
    }
    StringBuilder sb = TranscriptionFrames.appendData(new StringBuilder(), segment.text(), segment.confidence(),
        segment.offsetTicks(), segment.durationTicks(), segment.words(), segment.speakerRawId(), segment.isFinal(),
        settings.get(TranscriptionStreamSettings.RESULT_STATUS_CASING).casing());
    long limit = settings.get(TranscriptionStreamSettings.QUEUE_LIMIT);
    Frame dropped = queue.offer(new Frame(sb.toString(), "TranscriptionData", !segment.isFinal()), limit);
    if (dropped != null) {
      record("dropped", new JsonObject().put("frame", new JsonObject(dropped.text()))
          .put("reason", "queue full (" + limit + " frames waiting)")
          .put("droppedIntermediate", queue.droppedIntermediate())
          .put("droppedFinal", queue.droppedFinal()));
    }
    pump();
  }

  /**
   * Ends the stream for good (stop, hang-up, failure): the socket gets a normal close after the
   * frames already written; frames still waiting are discarded and journalled.
   */
  @Override
  public void close(String reason) {
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
    JsonObject details = new JsonObject().put("event", "closed").put("reason", reason);
    if (discarded > 0) {
      details.put("discardedFrames", discarded);
    }
    record("connection", details);
    if (ws != null) {
      ws.close(NORMAL_CLOSURE, reason);
    }
  }

  /** The {@code websocket} fault: drops the open connection now (close code 1011) and reconnects. */
  @Override
  public boolean drop() {
    WebSocket ws = socket;
    if (ws == null || closed) {
      return false;
    }
    socket = null;
    ws.close(FAULT_CLOSURE, "callemu websocket fault");
    lost("dropped by a websocket fault");
    return true;
  }

  @Override
  public TranscriptionTransport.Stats stats() {
    return new TranscriptionTransport.Stats(url,
        closed ? "closed" : socket != null ? "open" : retry != null ? "reconnecting" : "connecting",
        framesSent, queue.size(), queue.droppedIntermediate(), queue.droppedFinal(), failedAttempts);
  }

  private void attempt() {
    retry = null;
    if (closed) {
      return;
    }
    if (faults.take(ActionKind.WEBSOCKET, callConnectionId).isPresent()) {
      attemptFailed("connection refused by a websocket fault");
      return;
    }
    connector.connect(url, callConnectionId, correlationId, clock.nowMillis(),
        settings.get(TranscriptionStreamSettings.CONNECT_TIMEOUT_MS)).onComplete(ar -> {
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
    record("connection", new JsonObject().put("event", "opened"));
    TranscriptionTransport.Metadata m = target.metadata().get();
    write(new Frame(TranscriptionFrames.appendMetadata(new StringBuilder(), m.subscriptionId(), m.locale(),
        m.callId(), m.correlationId(), null).toString(), "TranscriptionMetadata", false));
    boolean reconnected = everOpened;
    everOpened = true;
    listener.opened(reconnected);
    pump();
  }

  private void lost(String why) {
    record("connection", new JsonObject().put("event", "lost").put("reason", why));
    if (closed) {
      return;
    }
    listener.interrupted(why);
    scheduleRetry();
  }

  private void attemptFailed(String why) {
    failedAttempts++;
    record("connection", new JsonObject().put("event", "attemptFailed").put("attempt", failedAttempts)
        .put("reason", why));
    if (failedAttempts > settings.get(TranscriptionStreamSettings.RECONNECT_ATTEMPTS)) {
      close("gave up after " + failedAttempts + " failed connection attempts");
      listener.gaveUp(why);
      return;
    }
    scheduleRetry();
  }

  private void scheduleRetry() {
    if (!closed && retry == null) {
      retry = clock.schedule(settings.get(TranscriptionStreamSettings.RECONNECT_DELAY_MS), this::attempt);
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
    record(frame.kind(), new JsonObject().put("frame", new JsonObject(frame.text())));
  }

  private void record(String type, JsonObject details) {
    journal.record(new DetailEntry(JournalEntry.Kind.WEBSOCKET, callConnectionId, type,
        new JsonObject().put("url", url).mergeIn(details)));
  }
}
