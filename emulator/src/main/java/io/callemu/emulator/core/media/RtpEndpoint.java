package io.callemu.emulator.core.media;

import io.callemu.dtmf.TelephoneEventDecoder;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.datagram.DatagramSocket;
import io.vertx.core.datagram.DatagramSocketOptions;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A call's own UDP port on {@code --host}, where any sender's RFC 4733 packets reach the call's
 * decoder. Guarded against floods: at most {@code rtp.maxPacketsPerSecond} packets per second are
 * decoded, the rest are dropped and counted; oversized datagrams are dropped; the socket's receive
 * buffer is small, so the kernel sheds load before it reaches the event loop. Closed with the call.
 */
final class RtpEndpoint {

  /** Larger datagrams are no telephone-event packets (header + a few reports). */
  static final int MAX_PACKET_BYTES = 1_500;
  private static final int RECEIVE_BUFFER_BYTES = 64 * 1024;

  private final DatagramSocket socket;
  private final String host;
  private final LongSupplier maxPerSecond;
  private final LongSupplier realMillis;
  private long windowStart;
  private long inWindow;
  private long received;
  private long droppedRate;
  private long droppedSize;
  private boolean closed;

  private RtpEndpoint(DatagramSocket socket, String host, LongSupplier maxPerSecond, LongSupplier realMillis) {
    this.socket = socket;
    this.host = host;
    this.maxPerSecond = maxPerSecond;
    this.realMillis = realMillis;
  }

  /** Binds a free port on {@code host}; packets that pass the guards go to {@code media}. */
  static Future<RtpEndpoint> bind(Vertx vertx, String host, CallMedia media, LongSupplier maxPerSecond) {
    DatagramSocket socket = vertx.createDatagramSocket(new DatagramSocketOptions()
        .setReceiveBufferSize(RECEIVE_BUFFER_BYTES));
    return socket.listen(0, host).map(s -> {
      RtpEndpoint endpoint = new RtpEndpoint(s, host, maxPerSecond, () -> System.nanoTime() / 1_000_000);
      s.handler(packet -> endpoint.receive(packet.data(), media));
      s.exceptionHandler(e -> { });
      return endpoint;
    });
  }

  private void receive(Buffer data, CallMedia media) {
    if (closed) {
      return;
    }
    received++;
    if (data.length() > MAX_PACKET_BYTES) {
      droppedSize++;
      return;
    }
    // Real time: a flood is measured in the sender's time, whatever the emulated clock does.
    long now = realMillis.getAsLong();
    if (now - windowStart >= 1_000) {
      windowStart = now;
      inWindow = 0;
    }
    if (++inWindow > maxPerSecond.getAsLong()) {
      droppedRate++;
      return;
    }
    byte[] bytes = data.getBytes();
    media.receiveRtp(bytes, 0, bytes.length);
  }

  void close() {
    if (!closed) {
      closed = true;
      socket.close();
    }
  }

  /** The port and its counters, with the decoder's. */
  MediaSnapshot.Rtp snapshot(Map<io.callemu.dtmf.DecodeResult, Long> decoded, long ssrcEvictions) {
    return new MediaSnapshot.Rtp(host, socket.localAddress().port(), TelephoneEventDecoder.DEFAULT_PAYLOAD_TYPE,
        TelephoneEventDecoder.DEFAULT_CLOCK_RATE, received, droppedRate, droppedSize, decoded, ssrcEvictions);
  }
}
