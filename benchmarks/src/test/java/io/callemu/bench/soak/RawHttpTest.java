package io.callemu.bench.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class RawHttpTest {

  /** Serves one connection: reads the request head, writes {@code response}, closes. */
  private static URI serveOnce(String response) throws Exception {
    ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    CompletableFuture.runAsync(() -> {
      try (server; Socket socket = server.accept()) {
        InputStream in = socket.getInputStream();
        int matched = 0;
        while (matched < 4) {
          int b = in.read();
          if (b < 0) {
            return;
          }
          matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        OutputStream out = socket.getOutputStream();
        out.write(response.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
      } catch (Exception e) {
        // the test sees the missing answer
      }
    });
    return URI.create("http://127.0.0.1:" + server.getLocalPort());
  }

  @Test
  void readsStatusHeadersAndAChunkedBody() throws Exception {
    URI uri = serveOnce("HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\n"
        + "Transfer-Encoding: chunked\r\n\r\n10\r\n{\"error\":{\"code\"\r\n16\r\n:\"X\",\"message\":\"bad\"}}\r\n0\r\n\r\n");

    RawHttp.Response r = RawHttp.exchange(uri, "GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.header("Content-Type")).isEqualTo("application/json");
    assertThat(r.text()).isEqualTo("{\"error\":{\"code\":\"X\",\"message\":\"bad\"}}");
    assertThat(r.isErrorEnvelope()).isTrue();
  }

  @Test
  void aPlainTextErrorIsNotTheEnvelopeAndNoStatusLineIsMinusOne() throws Exception {
    URI plain = serveOnce("HTTP/1.1 414 URI Too Long\r\nContent-Length: 0\r\n\r\n");
    assertThat(RawHttp.exchange(plain, "GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII))
        .isErrorEnvelope()).isFalse();

    URI silent = serveOnce("");
    assertThat(RawHttp.exchange(silent, "GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII)).status())
        .isEqualTo(-1);
  }

  @Test
  void ipv6HostsLoseTheirBracketsForTheSocketAndKeepThemInTheHostHeader() {
    URI uri = URI.create("http://[::1]:9080");

    assertThat(RawHttp.hostAddress(uri)).isEqualTo("::1");
    assertThat(RawHttp.hostHeader(uri)).isEqualTo("[::1]:9080");
  }
}
