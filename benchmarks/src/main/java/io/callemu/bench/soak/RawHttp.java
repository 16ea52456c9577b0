package io.callemu.bench.soak;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 exchange over a plain socket, with the request written byte for byte as given: the
 * hostile requests (invalid UTF-8, bad percent-escapes, lying headers) that a client library would
 * refuse to send. Each request asks for {@code Connection: close}, so the response ends with the
 * connection. Blocking.
 */
final class RawHttp {

  /** Long enough for the slowest answer a scenario measures (a clock advance held by a callback). */
  private static final int TIMEOUT_MS = 120_000;

  /** What came back; {@code status} -1 when the connection closed or timed out without a status line. */
  record Response(int status, Map<String, String> headers, byte[] body, long millis) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** True for callemu's JSON error envelope {@code {"error":{"code":…,"message":…}}}. */
    boolean isErrorEnvelope() {
      String type = header("content-type");
      String text = text();
      return type != null && type.startsWith("application/json") && text.startsWith("{\"error\":{\"code\":")
          && text.contains("\"message\":");
    }
  }

  private RawHttp() {
  }

  /** {@code method path} with a JSON body (or none when null), as a well-behaved client sends it. */
  static Response send(Target target, String method, String path, String json) throws IOException {
    byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
    String head = method + " " + path + " HTTP/1.1\r\nHost: " + hostHeader(target.uri()) + "\r\n"
        + (json == null ? "" : "Content-Type: application/json\r\n")
        + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
    return exchange(target.uri(), concat(head.getBytes(StandardCharsets.ISO_8859_1), body));
  }

  static String hostHeader(URI uri) {
    return uri.getHost() + ":" + uri.getPort();
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /** Writes {@code request} as is and reads the response until the server closes the connection. */
  static Response exchange(URI base, byte[] request) throws IOException {
    long start = System.nanoTime();
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(hostAddress(base), base.getPort()), TIMEOUT_MS);
      socket.setSoTimeout(TIMEOUT_MS);
      OutputStream out = socket.getOutputStream();
      try {
        out.write(request);
        out.flush();
      } catch (IOException e) {
        // The server may answer (413, 431) and close before reading everything: read what it said.
      }
      byte[] raw = readAll(socket.getInputStream());
      return parse(raw, (System.nanoTime() - start) / 1_000_000);
    }
  }

  /** The host of a URL as a socket address literal ({@code [::1]} becomes {@code ::1}). */
  static String hostAddress(URI uri) {
    String host = uri.getHost();
    return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    byte[] chunk = new byte[65536];
    try {
      for (int n; (n = in.read(chunk)) >= 0; ) {
        all.write(chunk, 0, n);
      }
    } catch (SocketTimeoutException | java.net.SocketException e) {
      // what arrived before the timeout or reset is the answer
    }
    return all.toByteArray();
  }

  private static Response parse(byte[] raw, long millis) {
    String text = new String(raw, StandardCharsets.ISO_8859_1);
    int headEnd = text.indexOf("\r\n\r\n");
    if (!text.startsWith("HTTP/1.") || headEnd < 0) {
      return new Response(-1, Map.of(), raw, millis);
    }
    String[] lines = text.substring(0, headEnd).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
      }
    }
    byte[] body = java.util.Arrays.copyOfRange(raw, headEnd + 4, raw.length);
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      body = dechunk(body);
    }
    return new Response(status, headers, body, millis);
  }

  private static byte[] dechunk(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int at = 0;
    while (at < body.length) {
      int lineEnd = indexOfCrLf(body, at);
      if (lineEnd < 0) {
        break;
      }
      String sizeLine = new String(body, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].trim();
      int size;
      try {
        size = Integer.parseInt(sizeLine, 16);
      } catch (NumberFormatException e) {
        break;
      }
      if (size == 0) {
        break;
      }
      int from = lineEnd + 2;
      out.write(body, from, Math.min(size, body.length - from));
      at = from + size + 2;
    }
    return out.toByteArray();
  }

  private static int indexOfCrLf(byte[] b, int from) {
    for (int i = from; i + 1 < b.length; i++) {
      if (b[i] == '\r' && b[i + 1] == '\n') {
        return i;
      }
    }
    return -1;
  }
}
