package io.callemu.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import io.callemu.dtmf.TelephoneEventSender;
import io.callemu.dtmf.TimedPacket;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.util.List;

/**
 * An outside RTP sender: RFC 4733 telephone-event packets made by {@link TelephoneEventSender},
 * sent from a loopback UDP socket to a call's {@code media.rtp} address (CONTRACT §3).
 */
final class RtpSender implements AutoCloseable {

  private final DatagramSocket socket;

  RtpSender() {
    try {
      socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The packets of these keys (100 ms tones, 150 ms gaps, payload type 101, 8 kHz) from one SSRC. */
  static List<byte[]> packets(String keys, long ssrc) {
    TelephoneEventSender sender = TelephoneEventSender.builder(ssrc).payloadType(101).clockRate(8_000).build();
    return sender.encode(keys, 100, 150).stream().map(TimedPacket::packet).toList();
  }

  /** Sends the datagrams, in order and at once, to {@code rtp} = {@code {"host","port",…}}. */
  void send(JsonNode rtp, List<byte[]> datagrams) {
    try {
      InetAddress host = InetAddress.getByName(rtp.path("host").asText());
      int port = rtp.path("port").asInt();
      for (byte[] d : datagrams) {
        socket.send(new DatagramPacket(d, d.length, host, port));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    socket.close();
  }
}
