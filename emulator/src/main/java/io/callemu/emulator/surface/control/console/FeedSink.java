package io.callemu.emulator.surface.control.console;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;

/** Where one reader's frames go: an HTTP response, with its write queue telling when to hold back. */
interface FeedSink {

  void write(Buffer frames);

  /** Whether the connection holds as much unsent data as it should; wait for {@link #onDrain} then. */
  boolean writeQueueFull();

  void end();

  void onDrain(Runnable drained);

  /** Called once the reader went away (closed the connection, or the connection failed). */
  void onGone(Runnable gone);

  /** A chunked HTTP response that holds at most {@code queueBytes} unsent before it reports full. */
  static FeedSink of(HttpServerResponse response, int queueBytes) {
    response.setWriteQueueMaxSize(queueBytes);
    return new FeedSink() {
      @Override
      public void write(Buffer frames) {
        response.write(frames);
      }

      @Override
      public boolean writeQueueFull() {
        return response.writeQueueFull();
      }

      @Override
      public void end() {
        response.end();
      }

      @Override
      public void onDrain(Runnable drained) {
        response.drainHandler(v -> drained.run());
      }

      @Override
      public void onGone(Runnable gone) {
        response.closeHandler(v -> gone.run());
        response.exceptionHandler(e -> gone.run());
      }
    };
  }
}
