package io.callemu.bench.soak;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * Many plain TCP connections to callemu held by the harness, written to without blocking: the
 * half-sent requests, unfinished bodies and idle connections of the hostile scenarios. Blocking
 * only in {@link #open} (a connect with a timeout); for the main thread.
 */
final class RawConnections implements AutoCloseable {

  private static final int CONNECT_TIMEOUT_MS = 2_000;

  private final List<SocketChannel> channels = new ArrayList<>();
  private long connectFailures;

  /** Opens up to {@code count} connections; those that fail to connect are counted, not retried. */
  static RawConnections open(URI base, int count) {
    RawConnections c = new RawConnections();
    InetSocketAddress address = new InetSocketAddress(RawHttp.hostAddress(base), base.getPort());
    for (int i = 0; i < count; i++) {
      SocketChannel channel = null;
      try {
        channel = SocketChannel.open();
        channel.socket().connect(address, CONNECT_TIMEOUT_MS);
        channel.configureBlocking(false);
        c.channels.add(channel);
      } catch (IOException e) {
        c.connectFailures++;
        closeQuietly(channel);
      }
    }
    return c;
  }

  int opened() {
    return channels.size();
  }

  long connectFailures() {
    return connectFailures;
  }

  /**
   * Writes {@code bytes} to every connection until all are written, or until {@code maxMillis}
   * passed; returns the bytes written in all. A connection the server closed stops taking bytes.
   */
  long sendToAll(byte[] bytes, long maxMillis) throws InterruptedException {
    ByteBuffer shared = ByteBuffer.wrap(bytes).asReadOnlyBuffer();
    List<ByteBuffer> pending = new ArrayList<>();
    for (int i = 0; i < channels.size(); i++) {
      pending.add(shared.duplicate());
    }
    long written = 0;
    long deadline = System.nanoTime() + maxMillis * 1_000_000;
    boolean left = true;
    while (left && System.nanoTime() < deadline) {
      left = false;
      long progress = 0;
      for (int i = 0; i < channels.size(); i++) {
        ByteBuffer b = pending.get(i);
        if (!b.hasRemaining()) {
          continue;
        }
        try {
          progress += channels.get(i).write(b);
        } catch (IOException e) {
          b.position(b.limit());
          continue;
        }
        left |= b.hasRemaining();
      }
      written += progress;
      if (progress == 0 && left) {
        Thread.sleep(5);
      }
    }
    return written;
  }

  /** Connections the server closed (or reset) so far; reads and drops whatever it answered. */
  int closedByServer() {
    ByteBuffer sink = ByteBuffer.allocate(8192);
    int closed = 0;
    for (SocketChannel channel : channels) {
      try {
        int n;
        do {
          sink.clear();
          n = channel.read(sink);
        } while (n > 0);
        if (n < 0) {
          closed++;
        }
      } catch (IOException e) {
        closed++;
      }
    }
    return closed;
  }

  @Override
  public void close() {
    channels.forEach(RawConnections::closeQuietly);
    channels.clear();
  }

  private static void closeQuietly(SocketChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        // already gone
      }
    }
  }
}
