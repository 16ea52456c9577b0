package io.callemu.emulator.core.transcription;

/**
 * Carries a call's transcript to the app (a surface implements it: the ACS transcription WebSocket).
 * It connects, reconnects and buffers on its own and reports what happened to the connection.
 */
public interface TranscriptionTransport {

  /** Opens a stream; the first connection attempt starts now. */
  Stream open(Target target, Listener listener);

  /**
   * Where and for whom a stream goes.
   *
   * @param metadata what the stream announces on every (re)connection, read at that moment
   */
  record Target(String url, String callId, String correlationId, java.util.function.Supplier<Metadata> metadata) {
  }

  /** What a stream announces first on each connection. */
  record Metadata(String subscriptionId, String locale, String callId, String correlationId) {
  }

  /** One open stream. */
  interface Stream {

    /** Queues a segment; never blocks, drops (and counts) when the app cannot keep up. */
    void send(TranscriptSegment segment);

    /** Ends the stream for good with a normal close. */
    void close(String reason);

    boolean isConnected();

    /** Drops the open connection (a fault); the stream reconnects. False when none is open. */
    boolean drop();

    /** The stream's state and counters for the control API. */
    Stats stats();
  }

  /** What the owner of a stream is told; on the emulator's context. */
  interface Listener {

    /** A connection is open and its metadata sent; {@code reconnected} after a loss. */
    void opened(boolean reconnected);

    /** The open connection was closed by the app or lost; a reconnect follows. */
    void interrupted(String why);

    /** No connection could be (re)opened; the stream is closed. */
    void gaveUp(String why);
  }

  /** A stream's connection state and counters. */
  record Stats(String url, String connection, long framesSent, int framesWaiting, long droppedIntermediate,
      long droppedFinal, int failedAttempts) {
  }
}
