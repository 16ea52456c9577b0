package io.callemu.emulator.surface.speech;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 by hand over a socket, for the request forms a library would tidy away: chunked bodies in
 * the pieces a client chooses, {@code Expect: 100-continue} with its interim answer.
 */
final class RawHttp implements AutoCloseable {

  /** A response: the interim {@code 100 Continue} if one came, then the final status, headers and body. */
  record Response(boolean continued, int status, Map<String, String> headers, String body) {
  }

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;

  RawHttp(int port) throws IOException {
    socket = new Socket("127.0.0.1", port);
    socket.setSoTimeout(20_000);
    in = socket.getInputStream();
    out = socket.getOutputStream();
  }

  void head(String head) throws IOException {
    out.write(head.replace("\n", "\r\n").concat("\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  void chunk(byte[] bytes, int from, int to) throws IOException {
    out.write((Integer.toHexString(to - from) + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.write(bytes, from, to - from);
    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  void lastChunk() throws IOException {
    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  /** Reads the interim 100 Continue: true when it came. */
  boolean readContinue() throws IOException {
    String status = line();
    if (!status.contains(" 100 ")) {
      pendingStatus = status;
      return false;
    }
    line(); // the blank line after it
    return true;
  }

  private String pendingStatus;

  Response read() throws IOException {
    boolean continued = false;
    String status = pendingStatus != null ? pendingStatus : line();
    pendingStatus = null;
    if (status.contains(" 100 ")) {
      continued = true;
      line();
      status = line();
    }
    Map<String, String> headers = new LinkedHashMap<>();
    for (String l = line(); !l.isEmpty(); l = line()) {
      int colon = l.indexOf(':');
      headers.put(l.substring(0, colon).trim().toLowerCase(Locale.ROOT), l.substring(colon + 1).trim());
    }
    int length = Integer.parseInt(headers.getOrDefault("content-length", "-1"));
    if (length < 0) {
      throw new IOException("no Content-Length in the answer: " + status + " " + headers);
    }
    byte[] body = in.readNBytes(length);
    return new Response(continued, Integer.parseInt(status.split(" ")[1]), headers,
        new String(body, StandardCharsets.UTF_8));
  }

  private String line() throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) != -1 && c != '\n') {
      if (c != '\r') {
        b.write(c);
      }
    }
    if (c == -1 && b.size() == 0) {
      throw new IOException("connection closed");
    }
    return b.toString(StandardCharsets.US_ASCII);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
